/** The cookies of one browser: what `Set-Cookie` stored, sent back to the paths they cover. */
export interface CookieJar {
  /** The `Cookie` header for a request to `url`, if any cookie applies. */
  header(url: URL): string | undefined;
  /** Stores (or deletes, when expired) the cookies a response to `url` set. */
  store(url: URL, response: Response): void;
}

interface Cookie {
  name: string;
  value: string;
  origin: string;
  path: string;
}

/** A minimal cookie jar: name, value, origin and path; expiry only as deletion. */
export function cookieJar(): CookieJar {
  const cookies = new Map<string, Cookie>();
  return {
    header(url) {
      const matching = [...cookies.values()].filter(
        (c) =>
          c.origin === url.origin && (url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`)),
      );
      return matching.length === 0 ? undefined : matching.map((c) => `${c.name}=${c.value}`).join('; ');
    },
    store(url, response) {
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
        const equals = pair.indexOf('=');
        if (equals <= 0) continue;
        const attribute = (name: string): string | undefined =>
          attributes.find((a) => a.toLowerCase().startsWith(`${name}=`))?.slice(name.length + 1);
        const cookie: Cookie = {
          name: pair.slice(0, equals),
          value: pair.slice(equals + 1),
          origin: url.origin,
          path: attribute('path') ?? '/',
        };
        const key = `${cookie.origin} ${cookie.path} ${cookie.name}`;
        const expires = attribute('expires');
        const expired = attribute('max-age') === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
        if (expired) cookies.delete(key);
        else cookies.set(key, cookie);
      }
    },
  };
}
