import type { LoginStatus } from '@mcpx/auth';

/** A login as JSON: what `mcpx auth status --json` and `mcpx login --json` print. Never a token. */
export interface LoginJson {
  readonly server: string;
  readonly url: string;
  readonly loggedIn: boolean;
  readonly issuer: string | null;
  readonly clientId: string | null;
  readonly scopes: readonly string[];
  /** ISO 8601, or null when the server did not say. */
  readonly expiresAt: string | null;
  readonly refreshable: boolean;
  readonly tokenType: string | null;
}

/** `status` of `server` as JSON. */
export function loginJson(server: string, url: string, status: LoginStatus | undefined): LoginJson {
  return {
    server,
    url,
    loggedIn: status !== undefined,
    issuer: status?.issuer ?? null,
    clientId: status?.clientId ?? null,
    scopes: status?.scopes ?? [],
    expiresAt: status?.expiresAt?.toISOString() ?? null,
    refreshable: status?.refreshable ?? false,
    tokenType: status?.tokenType ?? null,
  };
}

/** When the access token expires, for people: `expires in 59 minutes (<ISO time>)`, `expired 3 minutes ago`, `no expiry given`. */
export function describeExpiry(expiresAt: Date | undefined, now = Date.now()): string {
  if (expiresAt === undefined) return 'no expiry given';
  const minutes = Math.round((expiresAt.getTime() - now) / 60_000);
  const span = (count: number): string =>
    Math.abs(count) >= 120 ? `${Math.round(Math.abs(count) / 60)} hours` : `${Math.abs(count)} minute${Math.abs(count) === 1 ? '' : 's'}`;
  return minutes >= 0 ? `expires in ${span(minutes)} (${expiresAt.toISOString()})` : `expired ${span(minutes)} ago`;
}

/** The lines that describe a login: issuer, client, scopes, expiry, refresh. */
export function describeLogin(status: LoginStatus): string[] {
  return [
    `issuer   ${status.issuer}`,
    `client   ${status.clientId}`,
    `scopes   ${status.scopes.length === 0 ? '(none named)' : status.scopes.join(' ')}`,
    `token    ${status.tokenType}, ${describeExpiry(status.expiresAt)}${status.refreshable ? ', refreshable' : ', not refreshable: log in again when it expires'}`,
  ];
}
