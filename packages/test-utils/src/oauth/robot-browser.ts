import { cookieJar } from './cookie-jar.js';

/** Options of `robotBrowser`. */
export interface RobotBrowserOptions {
  /** The user it logs in as (the development login takes any). @default 'alice' */
  user?: string;
  /** What it answers on the consent page. @default 'approve' */
  consent?: 'approve' | 'deny';
  /** The most pages and redirects one login may take before it gives up. @default 20 */
  maxSteps?: number;
}

/** A page of `oidc-provider`'s development interactions the robot went through. */
export type RobotPage = 'login' | 'consent';

/**
 * A user agent (as `OAuthProvider`'s `userAgent` option takes) that logs in without a
 * person, and what it did.
 */
export interface RobotBrowser {
  (authorizationUrl: URL, signal: AbortSignal): Promise<void>;
  /** Every authorization URL it was sent to, in order. */
  readonly visits: readonly URL[];
  /** The interaction pages it answered, in order. */
  readonly pages: readonly RobotPage[];
  /** Where the last login ended: the redirect URI with its query (the code or the error). */
  readonly lastCallback: URL | undefined;
}

/**
 * A headless "browser" for `oidc-provider`'s development login and consent pages, over
 * plain HTTP with its own cookies: it opens the authorization URL, follows redirects, signs
 * in as `user` with any password, approves (or declines) the consent page, and follows the
 * final redirect to the client's loopback callback, which is what a person's browser does.
 *
 * @example
 * const robot = robotBrowser();
 * const auth = new OAuthProvider({ userAgent: robot });
 */
export function robotBrowser(options: RobotBrowserOptions = {}): RobotBrowser {
  const user = options.user ?? 'alice';
  const maxSteps = options.maxSteps ?? 20;
  const jar = cookieJar();
  const visits: URL[] = [];
  const pages: RobotPage[] = [];
  let lastCallback: URL | undefined;

  const browse = async (authorizationUrl: URL, signal: AbortSignal): Promise<void> => {
    visits.push(new URL(authorizationUrl));
    let url = new URL(authorizationUrl);
    let form: URLSearchParams | undefined;
    for (let step = 0; step < maxSteps; step++) {
      const headers: Record<string, string> = {};
      const cookie = jar.header(url);
      if (cookie !== undefined) headers.cookie = cookie;
      if (form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const response = await fetch(url, {
        method: form === undefined ? 'GET' : 'POST',
        headers,
        redirect: 'manual',
        signal,
        ...(form === undefined ? {} : { body: form }),
      });
      jar.store(url, response);
      form = undefined;
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        url = new URL(location, url);
        continue;
      }
      const html = await response.text();
      if (url.origin !== authorizationUrl.origin) {
        // Left the authorization server: this is the client's redirect URI.
        lastCallback = url;
        if (!response.ok) throw new Error(`robot browser: the redirect URI ${url.href} answered ${response.status}`);
        return;
      }
      if (!response.ok)
        throw new Error(
          `robot browser: ${url.href} answered ${response.status}: ${html
            .replace(/<[^>]*>/g, ' ')
            .replace(/\s+/g, ' ')
            .slice(0, 400)}`,
        );
      const page = interactionPage(html, url);
      pages.push(page.prompt);
      if (page.prompt === 'consent' && options.consent === 'deny') {
        url = page.abort;
      } else {
        form = new URLSearchParams(page.prompt === 'login' ? { prompt: 'login', login: user, password: 'any' } : { prompt: 'consent' });
        url = page.action;
      }
    }
    throw new Error(`robot browser: the login did not reach the redirect URI within ${maxSteps} pages and redirects (last at ${url.href})`);
  };
  return Object.defineProperties(browse, {
    visits: { get: () => visits },
    pages: { get: () => pages },
    lastCallback: { get: () => lastCallback },
  }) as RobotBrowser;
}

/** The form of a development interaction page: login or consent, where it posts, and its cancel link. */
function interactionPage(html: string, url: URL): { prompt: RobotPage; action: URL; abort: URL } {
  const action = /<form[^>]*\baction="([^"]+)"/.exec(html)?.[1];
  const prompt = /name="prompt"\s+value="(login|consent)"/.exec(html)?.[1] as RobotPage | undefined;
  const abort = /href="([^"]*\/abort)"/.exec(html)?.[1];
  if (action === undefined || prompt === undefined || abort === undefined) {
    throw new Error(`robot browser: ${url.href} is not a development login or consent page: ${html.slice(0, 400)}`);
  }
  return { prompt, action: new URL(unescapeHtml(action), url), abort: new URL(unescapeHtml(abort), url) };
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
