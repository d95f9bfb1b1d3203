import type { AppResourceMeta } from './app-meta.js';

/**
 * The Content Security Policy a host applies to an app, built from its declared domains as SEP-1865
 * shows: nothing beyond the app itself and inline code unless declared, no plugins, no nested
 * frames unless `frameDomains` names them.
 * @example
 * iframeDocument = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(app.meta)}">` + app.html;
 */
export function contentSecurityPolicy(meta: AppResourceMeta): string {
  const csp = meta.csp ?? {};
  const list = (domains: string[] | undefined): string => (domains === undefined || domains.length === 0 ? '' : ` ${domains.join(' ')}`);
  const resources = list(csp.resourceDomains);
  return [
    "default-src 'none'",
    `script-src 'self' 'unsafe-inline'${resources}`,
    `style-src 'self' 'unsafe-inline'${resources}`,
    `connect-src 'self'${list(csp.connectDomains)}`,
    `img-src 'self' data:${resources}`,
    `font-src 'self'${resources}`,
    `media-src 'self' data:${resources}`,
    `frame-src ${csp.frameDomains?.length ? csp.frameDomains.join(' ') : "'none'"}`,
    "object-src 'none'",
    `base-uri ${csp.baseUriDomains?.length ? csp.baseUriDomains.join(' ') : "'self'"}`,
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
