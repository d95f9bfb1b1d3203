import { describe, expect, it } from 'vitest';
import { capBody, MAX_BODY_BYTES, readJsonObject } from './http.js';
import { OAuthError } from './oauth-error.js';

const url = new URL('https://as.example/.well-known/oauth-authorization-server');

describe('reading an OAuth answer', () => {
  it('reads a JSON object', async () => {
    expect(await readJsonObject(new Response('{"issuer":"https://as.example"}'), url, 'authorization server discovery')).toEqual({
      issuer: 'https://as.example',
    });
  });

  it('refuses a body larger than the cap without reading it all', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const error = await readJsonObject(new Response(endless), url, 'authorization server discovery').catch((caught: unknown) => caught);
    expect(OAuthError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain(`more than the ${MAX_BODY_BYTES} bytes`);
    expect(sent).toBeLessThan(MAX_BODY_BYTES * 2);
  });

  it('makes a token answer larger than the cap fail when read, without reading it all', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const capped = capBody(
      new Response(endless, { status: 200, headers: { 'content-type': 'application/json' } }),
      'https://as.example/token',
      'token request',
    );
    expect(capped.status).toBe(200);
    expect(capped.headers.get('content-type')).toBe('application/json');
    const error = await capped.json().catch((caught: unknown) => caught);
    expect(OAuthError.isInstance(error) && error.message).toContain(
      `https://as.example/token answered more than the ${MAX_BODY_BYTES} bytes`,
    );
    expect(sent).toBeLessThan(MAX_BODY_BYTES * 2);
  });

  it('leaves a token answer within the cap as it was', async () => {
    const capped = capBody(
      new Response('{"access_token":"at"}', { status: 201, statusText: 'Created' }),
      'https://as.example/token',
      'token request',
    );
    expect([capped.status, capped.statusText, await capped.json()]).toEqual([201, 'Created', { access_token: 'at' }]);
  });

  it('names what came instead of JSON', async () => {
    await expect(
      readJsonObject(new Response('<html>Sign in</html>', { status: 200 }), url, 'authorization server discovery'),
    ).rejects.toThrow(/not JSON \("<html>Sign in<\/html>"\)/);
  });

  it('refuses JSON that is not an object', async () => {
    await expect(readJsonObject(new Response('["a"]'), url, 'authorization server discovery')).rejects.toThrow(
      /JSON that is not an object/,
    );
  });
});
