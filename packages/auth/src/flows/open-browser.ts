import { spawn } from 'node:child_process';
import { win32 } from 'node:path';
import { OAuthError } from '../oauth-error.js';

/** A program and its arguments, run without a shell. */
export interface OpenerCommand {
  command: string;
  args: string[];
}

/**
 * Opens `url` in the user's default browser (`open` on macOS, the URL protocol handler of
 * `url.dll` on Windows, `xdg-open` elsewhere), without a shell. Resolves `false` when there
 * is no browser to open, such as on a server without a desktop; the caller then prints the
 * URL. Rejects with an `OAuthError` for a URL that is not `http:` or `https:`.
 */
export function openBrowser(url: string): Promise<boolean> {
  let opener: OpenerCommand;
  try {
    opener = openerCommand(url, process.platform, process.env);
  } catch (error) {
    return Promise.reject(error);
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return Promise.resolve(false);
  return new Promise((resolve) => {
    const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true, shell: false, windowsHide: true });
    child.once('error', () => resolve(false));
    child.once('spawn', () => {
      child.unref();
      resolve(true);
    });
  });
}

/**
 * The command that opens `url` on `platform`. Windows gets `rundll32.exe
 * url.dll,FileProtocolHandler <url>` from its system folder, never `cmd /c start`, whose
 * parser runs what follows a `|` or `&` in the URL (the bug class of CVE-2025-6514). Only
 * `http:` and `https:` URLs are opened, and they are first made plain ASCII with nothing a
 * command line or a protocol handler could misread (see `inertUrl`). Internal: exported for
 * its tests.
 */
export function openerCommand(url: string, platform: NodeJS.Platform, env: Readonly<Record<string, string | undefined>>): OpenerCommand {
  const safe = inertUrl(url);
  if (platform === 'darwin') return { command: 'open', args: [safe] };
  if (platform === 'win32') {
    const system = win32.join(env.SystemRoot ?? env.windir ?? 'C:\\Windows', 'System32', 'rundll32.exe');
    return { command: system, args: ['url.dll,FileProtocolHandler', safe] };
  }
  return { command: 'xdg-open', args: [safe] };
}

/**
 * What a URL handed to a program may not hold raw: a `%` that does not start an escape, and
 * any character outside the RFC 3986 unreserved and reserved sets.
 */
const MISREADABLE = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu;

/**
 * `url`, checked to be `http:` or `https:` and percent-encoded so that it holds only RFC 3986
 * unreserved and reserved characters and `%` escapes: `^ | % < > "`, spaces, backslashes,
 * braces, backticks, control and non-ASCII characters are escaped, and so is a `%` that is
 * not followed by two hex digits. An endpoint such as `https://evil.example/a|calc.exe`
 * comes from metadata a remote server chose, so nothing in it may reach a command line raw.
 * Internal: exported for its tests.
 */
export function inertUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new OAuthError('authorization', `refused to open ${JSON.stringify(url)} in a browser: it is not a URL`, {
      cause: error,
      hint: 'the authorization endpoint is broken; tell the server operator',
    });
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new OAuthError('authorization', `refused to open a ${parsed.protocol} URL in a browser (only http: and https: are opened)`, {
      hint: 'the authorization endpoint is not a web page; tell the server operator',
    });
  }
  return parsed.href.replace(MISREADABLE, (char) =>
    [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
