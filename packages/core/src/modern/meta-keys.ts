/** `_meta` key: the protocol revision of a modern request. */
export const PROTOCOL_VERSION_KEY = 'io.modelcontextprotocol/protocolVersion';
/** `_meta` key: the client's `Implementation`. */
export const CLIENT_INFO_KEY = 'io.modelcontextprotocol/clientInfo';
/** `_meta` key: the client capabilities relevant to a request. */
export const CLIENT_CAPABILITIES_KEY = 'io.modelcontextprotocol/clientCapabilities';
/** `_meta` key: the minimum log level the server should emit for a request. */
export const LOG_LEVEL_KEY = 'io.modelcontextprotocol/logLevel';
/** `_meta` key: the server's `Implementation`, in results. */
export const SERVER_INFO_KEY = 'io.modelcontextprotocol/serverInfo';
/** `_meta` key: the `subscriptions/listen` request a notification belongs to. */
export const SUBSCRIPTION_ID_KEY = 'io.modelcontextprotocol/subscriptionId';
/** The W3C trace-context keys propagated in `_meta`. */
export const TRACE_KEYS = ['traceparent', 'tracestate', 'baggage'] as const;
