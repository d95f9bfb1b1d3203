/** The default time connecting may take (starting the transport, the era probe, the handshake): 30 seconds. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;

/** How long the `server/discover` probe waits before taking a silent server for a legacy one. */
export const DEFAULT_PROBE_TIMEOUT_MS = 5000;
