import type { UserAgent } from './authorization-code.js';
import { openBrowser } from './open-browser.js';

/**
 * The user agent of a terminal: prints the authorization URL on standard error (so a user
 * on a remote machine can copy it) and opens the default browser where there is one.
 */
export function defaultUserAgent(serverName: string): UserAgent {
  return async (url) => {
    const opened = await openBrowser(url.href);
    const how = opened ? 'Your browser should open; if it does not, open this URL' : 'Open this URL in a browser';
    process.stderr.write(`To log in to ${serverName}: ${how}:\n\n  ${url.href}\n\nWaiting for the login to finish (Ctrl-C to stop)...\n`);
  };
}
