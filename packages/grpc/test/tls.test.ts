import { McpClient } from '@mcpx/core';
import { startDualEraGrpcServer, type DualEraGrpcServer } from '@mcpx/test-utils';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GrpcTransport, type GrpcTlsOptions } from '../src/index.js';

/** A private CA, a server certificate for 127.0.0.1 and a client certificate, made with openssl in a scratch folder. */
function makeCertificates(dir: string): void {
  const openssl = (...args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=mcpx test CA',
    '-keyout',
    'ca-key.pem',
    '-out',
    'ca.pem',
  );
  for (const [name, subject, extensions] of [
    ['server', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth'],
    ['client', '/CN=mcpx test client', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    writeFileSync(join(dir, `${name}.ext`), `${extensions}\n`);
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', `${name}-key.pem`, '-out', `${name}.csr`);
    openssl(
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      `${name}.ext`,
      '-out',
      `${name}.pem`,
    );
  }
}

let dir: string;
let tls: DualEraGrpcServer;
let mtls: DualEraGrpcServer;
const clients: McpClient[] = [];
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mcpx-grpc-tls-'));
  makeCertificates(dir);
  [tls, mtls] = await Promise.all([
    startDualEraGrpcServer({ env: { MCPX_GRPC_TLS_DIR: dir } }),
    startDualEraGrpcServer({ env: { MCPX_GRPC_TLS_DIR: dir, MCPX_GRPC_MTLS: '1' } }),
  ]);
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await Promise.all([tls?.close(), mtls?.close()]);
  rmSync(dir, { recursive: true, force: true });
});

async function echo(target: string, options: GrpcTlsOptions): Promise<string> {
  const client = new McpClient({ server: 'grpc-tls', eraCache: false });
  clients.push(client);
  await client.connect(new GrpcTransport(target, { tls: options, connectTimeoutMs: 5000 }));
  const result = await client.callTool('echo', { message: 'over TLS' });
  return JSON.stringify(result.content);
}

describe('TLS and mutual TLS through grpc-js credentials', () => {
  it('talks to a grpcs:// server whose certificate a private CA signed', async () => {
    expect(await echo(tls.target, { ca: readFileSync(join(dir, 'ca.pem')) })).toContain('Echo: over TLS');
  });

  it('does not trust a server certificate without its CA', async () => {
    await expect(echo(tls.target, {})).rejects.toMatchObject({
      name: 'TransportError',
      message: expect.stringContaining('could not connect'),
    });
  });

  it('presents a client certificate to a server that requires one', async () => {
    const ca = readFileSync(join(dir, 'ca.pem'));
    const cert = readFileSync(join(dir, 'client.pem'));
    const key = readFileSync(join(dir, 'client-key.pem'));
    expect(await echo(mtls.target, { ca, cert, key })).toContain('Echo: over TLS');
  });

  it('is refused by a mutual-TLS server without a client certificate', async () => {
    await expect(echo(mtls.target, { ca: readFileSync(join(dir, 'ca.pem')) })).rejects.toMatchObject({ name: 'TransportError' });
  });
});
