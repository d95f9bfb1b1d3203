/**
 * The shape of a CSP source an app may declare: a scheme, a host (an IP literal, or DNS labels whose
 * first may be `*`), an optional port and a path of unreserved characters only. Nothing that could
 * end the directive or smuggle one in (whitespace, `;`, `,`, quotes), and nothing that an HTML
 * attribute would decode into one (`&`, `#`, `<`, `>`, control characters): a host puts the policy
 * in a `<meta content>`, where `&#59` becomes `;`.
 */
const SOURCE = /^([a-z][a-z0-9+.-]*):\/\/(\*\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\d{1,5}))?(\/[A-Za-z0-9._~%/-]*)?$/i;

const SECURE_SCHEMES = ['https', 'wss'];
const LOOPBACK_SCHEMES = ['http', 'ws'];

/**
 * Why `source` is not a CSP source an app may declare, or undefined when it is one: an origin such as
 * `https://api.example.com` or `https://*.example.com` (https or wss; http or ws for loopback hosts
 * only), no query, fragment or credentials, and a wildcard only over at least two labels
 * (`https://*.com` would let the app reach a whole top-level domain).
 */
export function cspSourceProblem(source: string): string | undefined {
  const match = SOURCE.exec(source);
  if (match === null)
    return 'must be an origin such as "https://api.example.com" or "https://*.example.com", with no query, fragment or unusual characters';
  const [, scheme = '', wildcard, host = ''] = match;
  let url: URL;
  try {
    url = new URL(wildcard === undefined ? source : source.replace('*.', 'wildcard.'));
  } catch {
    return 'is not a valid URL';
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')
    return 'must be an origin, with no credentials, query or fragment';
  const lowerScheme = scheme.toLowerCase();
  if (LOOPBACK_SCHEMES.includes(lowerScheme) && !isLoopback(url.hostname))
    return `uses ${lowerScheme}:, which is allowed only for localhost and loopback addresses; use ${lowerScheme === 'http' ? 'https' : 'wss'}`;
  if (!SECURE_SCHEMES.includes(lowerScheme) && !LOOPBACK_SCHEMES.includes(lowerScheme)) return `uses ${lowerScheme}:, not https: or wss:`;
  if (wildcard !== undefined && host.split('.').length < 2)
    return `has a wildcard over ${host}, which would match a whole top-level domain; name at least two labels after "*."`;
  return undefined;
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
