import { describe, expect, it } from 'vitest';
import { chooseAuthMethod, clientAuthFor } from './client-auth.js';
import type { ServerMetadata } from './discovery/server-metadata.js';

const server = (methods?: string[]): ServerMetadata => ({
  issuer: 'https://as.example',
  ...(methods ? { token_endpoint_auth_methods_supported: methods } : {}),
});

describe('chooseAuthMethod', () => {
  it('keeps the registered or configured method', () => {
    expect(
      chooseAuthMethod(
        { clientId: 'c', clientSecret: 's', tokenEndpointAuthMethod: 'client_secret_post' },
        server(['client_secret_basic']),
      ),
    ).toBe('client_secret_post');
  });

  it('uses private_key_jwt for a key when the server supports it', () => {
    expect(
      chooseAuthMethod({ clientId: 'c', clientSecret: 's', privateKey: 'pem' }, server(['client_secret_basic', 'private_key_jwt'])),
    ).toBe('private_key_jwt');
  });

  it('prefers client_secret_basic, then client_secret_post, for a secret', () => {
    expect(chooseAuthMethod({ clientId: 'c', clientSecret: 's' }, server(['client_secret_post', 'client_secret_basic']))).toBe(
      'client_secret_basic',
    );
    expect(chooseAuthMethod({ clientId: 'c', clientSecret: 's' }, server(['client_secret_post']))).toBe('client_secret_post');
  });

  it('uses client_secret_basic for a secret when the server lists no method (the RFC 8414 default)', () => {
    expect(chooseAuthMethod({ clientId: 'c', clientSecret: 's' }, server())).toBe('client_secret_basic');
  });

  it('uses none for a public client', () => {
    expect(chooseAuthMethod({ clientId: 'c' }, server(['none', 'client_secret_basic']))).toBe('none');
  });

  it('uses private_key_jwt for a key alone even if the server does not list it', () => {
    expect(chooseAuthMethod({ clientId: 'c', privateKey: 'pem' }, server(['client_secret_basic']))).toBe('private_key_jwt');
  });
});

describe('client_secret_basic', () => {
  const basicHeader = async (clientId: string, secret: string): Promise<string> => {
    const auth = await clientAuthFor('client_secret_basic', { clientId, clientSecret: secret });
    const headers = new Headers();
    await auth({ issuer: 'https://as.example' }, { client_id: clientId }, new URLSearchParams(), headers);
    const value = headers.get('authorization') ?? '';
    expect(value.startsWith('Basic ')).toBe(true);
    return Buffer.from(value.slice('Basic '.length), 'base64').toString();
  };

  it('form-encodes the ID and secret before Base64 (RFC 6749 §2.3.1)', async () => {
    expect(await basicHeader('my client', 'p@ss:w+rd/é')).toBe('my+client:p%40ss%3Aw%2Brd%2F%C3%A9');
  });

  it('keeps the characters form encoding leaves alone', async () => {
    expect(await basicHeader('a-b.c_d*e', 's')).toBe('a-b.c_d*e:s');
  });

  it('needs a secret', async () => {
    await expect(clientAuthFor('client_secret_basic', { clientId: 'c' })).rejects.toThrow(
      /the client c uses client_secret_basic but has no client secret/,
    );
  });
});

describe('clientAuthFor', () => {
  it('reports a private key it cannot read, with the algorithm', async () => {
    await expect(
      clientAuthFor('private_key_jwt', { clientId: 'c', privateKey: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----' }),
    ).rejects.toThrow(/could not be read as a PKCS#8 PEM for RS256/);
  });

  it('puts the secret in the body for client_secret_post', async () => {
    const auth = await clientAuthFor('client_secret_post', { clientId: 'c', clientSecret: 's' });
    const body = new URLSearchParams();
    await auth({ issuer: 'https://as.example' }, { client_id: 'c' }, body, new Headers());
    expect(body.get('client_secret')).toBe('s');
  });
});
