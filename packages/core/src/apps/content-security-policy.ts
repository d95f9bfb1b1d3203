import type { AppResourceMeta } from './app-meta.js';

/**
 * The Content Security Policy a host applies to an app, built from its declared domains as SEP-1865
 * requires: the app's own inline code, and beyond it only what it declares. No network connections
 * (`connect-src 'none'`), fonts or nested frames unless declared, no plugins. Put it in a frame's
 * `<meta>` with `withContentSecurityPolicy`, which escapes it for the attribute.
 * @example
 * const policy = contentSecurityPolicy(app.meta); // the same as app.contentSecurityPolicy
 * response.setHeader('Content-Security-Policy', policy);
 */
export function contentSecurityPolicy(meta: AppResourceMeta): string {
  const csp = meta.csp ?? {};
  const list = (domains: string[] | undefined): string => (domains === undefined || domains.length === 0 ? '' : ` ${domains.join(' ')}`);
  const only = (domains: string[] | undefined, otherwise: string): string => (domains?.length ? domains.join(' ') : otherwise);
  const resources = list(csp.resourceDomains);
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline'${resources}`,
    `style-src 'self' 'unsafe-inline'${resources}`,
    `connect-src ${only(csp.connectDomains, "'none'")}`,
    `img-src 'self' data:${resources}`,
    `font-src ${only(csp.resourceDomains, "'none'")}`,
    `media-src 'self' data:${resources}`,
    `frame-src ${only(csp.frameDomains, "'none'")}`,
    "object-src 'none'",
    `base-uri ${only(csp.baseUriDomains, "'self'")}`,
  ].join('; ');
}

/** The iframe `allow` attribute (Permissions Policy) for the features the app asks for, such as `"camera; clipboard-write"`. */
export function permissionsPolicy(meta: AppResourceMeta): string {
  const permissions = meta.permissions ?? {};
  const features: Array<[keyof typeof permissions, string]> = [
    ['camera', 'camera'],
    ['microphone', 'microphone'],
    ['geolocation', 'geolocation'],
    ['clipboardWrite', 'clipboard-write'],
  ];
  return features
    .filter(([key]) => permissions[key] !== undefined)
    .map(([, feature]) => feature)
    .join('; ');
}
