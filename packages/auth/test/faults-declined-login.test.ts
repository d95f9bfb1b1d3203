import { until } from '@mcpx/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OAuthError } from '../src/oauth-error.js';
import { FAILED_LOGIN_HOLD_MS } from '../src/oauth-provider.js';
import { awaitingLogin, rejectionOf, refusal, useFaults } from './faults-fakes.js';

describe('a login the user declines', () => {
  const fakes = useFaults();
  afterEach(() => vi.restoreAllMocks());

  /** A provider without a login, whose browser declines, and the server's 401. */
  const declining = () =>
    awaitingLogin(fakes, (browser) => {
      browser.deny = true;
    });

  it('fails every request that waited for it, and opens no other browser window', async () => {
    const { provider, browser, url, challenge } = await declining();
    browser.hold = true;
    const first = rejectionOf(provider.onUnauthorized(refusal(url, 401, challenge, {})));
    await until(() => browser.visits.length === 1, 'the browser to be sent to log in');
    const waiting = rejectionOf(provider.onUnauthorized(refusal(url, 401, challenge, {})));
    await browser.release();

    for (const error of await Promise.all([first, waiting])) {
      expect(OAuthError.isInstance(error) && error.oauthError).toBe('access_denied');
    }
    expect(browser.visits).toHaveLength(1);
  });

  it('fails a 401 that comes right after it with its error, instead of opening the browser again', async () => {
    const { provider, browser, url, challenge } = await declining();
    const declined = await rejectionOf(provider.onUnauthorized(refusal(url, 401, challenge, {})));
    expect(await rejectionOf(provider.onUnauthorized(refusal(url, 401, challenge, {})))).toBe(declined);
    expect(browser.visits).toHaveLength(1);
  });

  it('is asked again by a 401 that comes FAILED_LOGIN_HOLD_MS later', async () => {
    const { provider, browser, url, challenge } = await declining();
    await rejectionOf(provider.onUnauthorized(refusal(url, 401, challenge, {})));
    const later = Date.now() + FAILED_LOGIN_HOLD_MS;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    browser.deny = false;
    expect(await provider.onUnauthorized(refusal(url, 401, challenge, {}))).toBe(true);
    expect(browser.visits).toHaveLength(2);
  });

  it('is asked again at once by login(), which the user runs on purpose', async () => {
    const { provider, browser, url, challenge } = await declining();
    await rejectionOf(provider.onUnauthorized(refusal(url, 401, challenge, {})));
    browser.deny = false;
    expect(await provider.login(url)).toMatchObject({ tokenType: 'Bearer' });
    expect(browser.visits).toHaveLength(2);
  });
});
