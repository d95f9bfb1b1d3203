import type { KeySpec } from './keys.js';

/** The keys of a server entry. */
export const SERVER_KEYS: KeySpec = {
  keys: [
    'type',
    'command',
    'args',
    'env',
    'envFile',
    'cwd',
    'proxy',
    'processGroup',
    'url',
    'headers',
    'sseFallback',
    'oauth',
    'enabled',
    'connectTimeoutMs',
    'requestTimeoutMs',
    'reconnect',
    'health',
    'toolPrefix',
    'tags',
    'era',
    'protocolVersion',
    'disabledTools',
    'includeTools',
    'autoApprove',
  ],
  aliases: {
    // Other hosts' spellings.
    transport: 'type',
    transportType: 'type',
    serverUrl: 'url',
    auth: 'oauth',
    disabled: 'enabled',
    timeout: 'requestTimeoutMs',
    // Gemini CLI's name of the deny list, and Roo Code's of the approval list.
    excludeTools: 'disabledTools',
    alwaysAllow: 'autoApprove',
    // The flat, seconds-based keys of the Python-style TOML format.
    connection_timeout: 'connectTimeoutMs',
    request_timeout: 'requestTimeoutMs',
    auto_reconnect: 'flat:autoReconnect',
    max_reconnect_attempts: 'flat:maxReconnectAttempts',
    reconnect_delay: 'flat:reconnectDelay',
    health_check_interval: 'flat:healthCheckInterval',
  },
  ignored: ['description', 'dev'],
};

/** The same with `name`, for an entry given to `createClient` outside a file. */
export const INLINE_SERVER_KEYS: KeySpec = { ...SERVER_KEYS, keys: [...SERVER_KEYS.keys, 'name'] };

/** Keys whose value is in seconds rather than milliseconds. */
export const SECONDS_KEYS: ReadonlySet<string> = new Set([
  'timeout',
  'connection_timeout',
  'request_timeout',
  'reconnect_delay',
  'health_check_interval',
]);

/** The keys of a `reconnect` table. */
export const RECONNECT_KEYS: KeySpec = { keys: ['maxAttempts', 'initialDelayMs', 'maxDelayMs'] };

/** The keys of a `health` table. */
export const HEALTH_KEYS: KeySpec = {
  keys: ['intervalMs', 'degradedIntervalMs', 'timeoutMs', 'degradedLatencyMs', 'failureThreshold', 'jitter'],
};

/** Every spelling of `type`, and the transport it means. */
export const TRANSPORT_TYPES: Readonly<Record<string, 'stdio' | 'http' | 'sse' | 'websocket' | 'grpc'>> = {
  stdio: 'stdio',
  http: 'http',
  'streamable-http': 'http',
  streamableHttp: 'http',
  streamable_http: 'http',
  sse: 'sse',
  ws: 'websocket',
  websocket: 'websocket',
  grpc: 'grpc',
};

/**
 * The keys of an `oauth` table. Also accepted: Claude Code's and VS Code's `callbackPort`
 * (the redirect port), Cursor's `CLIENT_ID` and `CLIENT_SECRET` (in its `auth` table); Claude
 * Code's `authServerMetadataUrl` is accepted and not used (mcpx always discovers the
 * authorization server from the MCP server, RFC 9728, then RFC 8414).
 */
export const OAUTH_KEYS: KeySpec = {
  keys: [
    'clientId',
    'clientSecret',
    'privateKey',
    'privateKeyFile',
    'privateKeyAlg',
    'tokenEndpointAuthMethod',
    'clientMetadataUrl',
    'clientName',
    'scopes',
    'redirectPort',
    'dpop',
    'grant',
  ],
  aliases: { callbackPort: 'redirectPort', CLIENT_ID: 'clientId', CLIENT_SECRET: 'clientSecret', scope: 'scopes' },
  ignored: ['authServerMetadataUrl'],
};

/** The keys of an `oauth.grant` table. */
export const GRANT_KEYS: KeySpec = {
  keys: ['type', 'idToken', 'idpTokenEndpoint', 'idpClientId', 'idpClientSecret', 'token', 'tokenFile'],
};
