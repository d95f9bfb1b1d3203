import { afterEach, describe, expect, it } from 'vitest';
import { listenForRedirect, type LoopbackRedirect } from './loopback-redirect.js';

const open: LoopbackRedirect[] = [];
afterEach(async () => {
  for (const redirect of open.splice(0)) await redirect.close();
});

async function listen(): Promise<LoopbackRedirect> {
  const redirect = await listenForRedirect();
  open.push(redirect);
  return redirect;
}

describe('the loopback redirect listener', () => {
  it('listens on 127.0.0.1 on a free port, at /callback', async () => {
    const redirect = await listen();
    expect(redirect.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
  });

  it('answers a redirect with another state with 400 and keeps waiting for the right one', async () => {
    const redirect = await listen();
    const arrived = redirect.callback('expected-state');
    const forged = await fetch(`${redirect.redirectUri}?code=evil&state=forged`);
    expect(forged.status).toBe(400);
    const real = await fetch(`${redirect.redirectUri}?code=good&state=expected-state`);
    expect(real.status).toBe(200);
    expect(await real.text()).toContain('You may close this window');
    expect((await arrived).get('code')).toBe('good');
  });

  it('answers other paths with 404', async () => {
    const redirect = await listen();
    const response = await fetch(new URL('/favicon.ico', redirect.redirectUri));
    expect(response.status).toBe(404);
  });
});
