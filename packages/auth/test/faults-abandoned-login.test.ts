import { until } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { awaitingLogin, rejectionOf, refusal, useFaults } from './faults-fakes.js';

describe('a login whose requests are abandoned', () => {
  const fakes = useFaults();

  /** A provider without a login, whose browser waits for release(), and the server's 401. */
  const holding = () =>
    awaitingLogin(fakes, (browser) => {
      browser.hold = true;
    });

  it('goes on for the other requests when the request that started it is abandoned', async () => {
    const { provider, browser, url, challenge } = await holding();
    const started = new AbortController();
    const first = rejectionOf(provider.onUnauthorized(refusal(url, 401, challenge, {}, started.signal)));
    await until(() => browser.visits.length === 1, 'the browser to be sent to log in');
    const waiting = provider.onUnauthorized(refusal(url, 401, challenge, {}));
    await new Promise((resolve) => setImmediate(resolve)); // the second request joins the login

    const deadline = new Error('the connect deadline passed');
    started.abort(deadline);
    expect(await first).toBe(deadline);
    expect(browser.signals[0]?.aborted).toBe(false);
    await browser.release();

    expect(await waiting).toBe(true);
    expect(await provider.headers({ url: new URL(url), method: 'POST' })).toEqual({ authorization: 'Bearer at-1' });
    expect(browser.visits).toHaveLength(1);
  });

  it('stops when every request waiting for it is abandoned, and the next request may log in', async () => {
    const { provider, browser, url, challenge } = await holding();
    const only = new AbortController();
    const abandoned = rejectionOf(provider.onUnauthorized(refusal(url, 401, challenge, {}, only.signal)));
    await until(() => browser.visits.length === 1, 'the browser to be sent to log in');
    only.abort(new Error('the client closed'));
    await abandoned;
    await until(() => browser.signals[0]?.aborted, 'the login to stop');

    browser.hold = false;
    expect(await provider.onUnauthorized(refusal(url, 401, challenge, {}))).toBe(true);
    expect(browser.visits).toHaveLength(2);
  });

  it('started by login() is cancelled by its signal', async () => {
    const { provider, browser, url } = await holding();
    const cancel = new AbortController();
    const login = rejectionOf(provider.login(url, { signal: cancel.signal }));
    await until(() => browser.visits.length === 1, 'the browser to be sent to log in');
    cancel.abort(new Error('Ctrl-C'));
    expect((await login).message).toBe('Ctrl-C');
    await until(() => browser.signals[0]?.aborted, 'the login to stop');
    expect(await provider.status(url)).toBeUndefined();
  });
});
