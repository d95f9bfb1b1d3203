import type { ClientCapabilities, Implementation, LoggingLevel } from '../types/index.js';
import { withKey } from '../util/with-key.js';
import { CLIENT_CAPABILITIES_KEY, CLIENT_INFO_KEY, LOG_LEVEL_KEY, PROTOCOL_VERSION_KEY, TRACE_KEYS } from './meta-keys.js';

/** W3C trace context to propagate with a request (OpenTelemetry). */
export interface TraceContext {
  traceparent?: string | undefined;
  tracestate?: string | undefined;
  baggage?: string | undefined;
}

/** What every modern request says about its client. */
export interface Envelope {
  protocolVersion: string;
  clientInfo: Implementation;
  clientCapabilities: ClientCapabilities;
}

/** Per-request extras of the modern envelope. */
export interface EnvelopeExtras {
  logLevel?: LoggingLevel | undefined;
  trace?: TraceContext | undefined;
}

/**
 * The params of a modern request: the caller's params with `_meta` carrying the protocol
 * version, client info and capabilities, and the log level and trace context when given.
 * Keys the caller already put in `_meta` are kept.
 */
export function withEnvelope(
  params: Record<string, unknown> | undefined,
  envelope: Envelope,
  extras: EnvelopeExtras = {},
): Record<string, unknown> {
  const given = params?._meta;
  const meta: Record<string, unknown> = {
    [PROTOCOL_VERSION_KEY]: envelope.protocolVersion,
    [CLIENT_INFO_KEY]: envelope.clientInfo,
    [CLIENT_CAPABILITIES_KEY]: envelope.clientCapabilities,
  };
  if (extras.logLevel !== undefined) meta[LOG_LEVEL_KEY] = extras.logLevel;
  if (extras.trace !== undefined) {
    for (const key of TRACE_KEYS) {
      const value = extras.trace[key];
      if (value !== undefined) meta[key] = value;
    }
  }
  if (typeof given === 'object' && given !== null) Object.assign(meta, given);
  return withKey(params, '_meta', meta);
}
