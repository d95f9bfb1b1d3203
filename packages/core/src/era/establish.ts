import { ConnectionClosedError } from '../errors/connection-closed-error.js';
import { AuthError } from '../errors/auth-error.js';
import { CancelledError } from '../errors/cancelled-error.js';
import { MODERN_ERROR_CODES } from '../modern/error-codes.js';
import { NonJsonOutputError } from '../errors/non-json-output-error.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { TransportError } from '../errors/transport-error.js';
import { UnsupportedProtocolVersionError } from '../errors/unsupported-protocol-version-error.js';
import type { JsonRpcEngine, RequestOptions } from '../jsonrpc/engine.js';
import { initializeLegacy, type LegacyHandshake } from '../legacy/lifecycle.js';
import { capabilitiesForRevision } from '../legacy/task-receiver/task-capabilities.js';
import { discover } from '../modern/discover.js';
import {
  LATEST_PROTOCOL_VERSION,
  MODERN_PROTOCOL_VERSIONS,
  SUPPORTED_PROTOCOL_VERSIONS,
  isModernProtocolVersion,
} from '../modern/versions.js';
import type { Transport } from '../transport.js';
import { LATEST_LEGACY_PROTOCOL_VERSION } from '../versions.js';
import type { ClientCapabilities, Implementation } from '../types/index.js';
import type { Era, EraStore } from './era-cache.js';
import { GuardedEraStore } from './guarded-era-store.js';
import type { EraSession } from './era-session.js';
import type { SessionParts } from './session-parts.js';
import { isSessionLoadError, loadSessions, sessionModule } from './session-loader.js';
import { untilAborted } from '../util/until-aborted.js';

/** Which era to speak: detect it, or insist on one. */
export type EraChoice = 'auto' | Era;

/** One connection to the server: a transport and the engine over it. */
export interface Connection {
  readonly engine: JsonRpcEngine;
  readonly transport: Transport;
}

/** How a connection settles on an era and revision. */
export interface EstablishOptions {
  clientInfo: Implementation;
  capabilities: ClientCapabilities;
  era: EraChoice;
  /** Pins one revision; its era wins over `era`. */
  protocolVersion?: string | undefined;
  /** How long the `server/discover` probe may take before the server counts as legacy. */
  probeTimeoutMs: number;
  cache: EraStore | undefined;
  server?: string | undefined;
  /**
   * Opens a new connection to the same server, when the transport can be created again: an
   * older server may exit when it receives a method it does not know, such as the probe.
   */
  reopen?: (() => Promise<Connection>) | undefined;
  /** A signal for each step (the probe, `initialize`), aborted with a `NonJsonOutputError` when the server writes only output that is not JSON. */
  stepSignal?: (() => AbortSignal) | undefined;
  /** What the client gives the session made for the connection. */
  parts: SessionParts;
}

/**
 * Settles the era with the server and returns the session strategy of that era, which the
 * client delegates to from then on: probes with `server/discover` (a result or a recognized
 * modern error means modern; any other error, output that is not JSON or no answer in time
 * means legacy, and `initialize` follows; a connection the probe ended is opened again when
 * `reopen` is given), honours a pinned era or revision, and caches what it learns.
 */
export async function establishSession(connection: Connection, options: EstablishOptions, request: RequestOptions): Promise<EraSession> {
  const pinned = options.protocolVersion;
  if (pinned !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.includes(pinned)) {
    throw new UnsupportedProtocolVersionError([pinned], SUPPORTED_PROTOCOL_VERSIONS, { server: options.server, operation: 'connecting' });
  }
  const era: EraChoice = pinned === undefined ? options.era : isModernProtocolVersion(pinned) ? 'modern' : 'legacy';
  // Starts loading the session code of each era the server may speak; each path awaits the one
  // it needs before its first message, so that the session is made in the turn the answer arrives.
  void loadSessions(era === 'auto' ? ['legacy', 'modern'] : [era]);
  const { engine, transport } = connection;
  const key = transport.eraCacheKey ?? transport.description;
  const cache =
    options.cache === undefined ? undefined : GuardedEraStore.of(options.parts, options.cache, warnTo(options.parts), options.server);
  const step = (): RequestOptions => {
    const signal = options.stepSignal?.();
    if (signal === undefined) return request;
    return { ...request, signal: request.signal === undefined ? signal : AbortSignal.any([request.signal, signal]) };
  };
  const legacy = async (version?: string, on: Connection = connection): Promise<EraSession> => {
    const offered = version ?? pinned;
    const handshake: LegacyHandshake = {
      clientInfo: options.clientInfo,
      capabilities: capabilitiesForRevision(options.capabilities, options.parts.options, offered ?? LATEST_LEGACY_PROTOCOL_VERSION),
      protocolVersion: offered,
      server: options.server,
    };
    await untilAborted(loadSessions(['legacy']), request.signal);
    const { LegacySession } = sessionModule('legacy', options.server);
    const initialized = await initializeLegacy(on.engine, on.transport, handshake, step());
    return new LegacySession(initialized, on, handshake, options.parts);
  };

  if (era === 'legacy') return legacy();
  if (era === 'auto' && key !== undefined && cache !== undefined && (await cache.get(key)) === 'legacy') {
    try {
      return await legacy();
    } catch (error) {
      if (isSessionLoadError(error)) throw error;
      cache.delete(key);
      if (!ProtocolError.isInstance(error) && !isClientError(error)) throw error;
      // The cached answer failed: the server may have been upgraded. Probe again below.
    }
  }
  await untilAborted(loadSessions(['modern']), request.signal);
  try {
    const probe = step();
    const outcome = await discover(
      engine,
      {
        clientInfo: options.clientInfo,
        capabilities: capabilitiesForRevision(options.capabilities, options.parts.options, pinned ?? LATEST_PROTOCOL_VERSION),
        protocolVersion: pinned ?? LATEST_PROTOCOL_VERSION,
        acceptedVersions: pinned !== undefined ? [pinned] : era === 'modern' ? MODERN_PROTOCOL_VERSIONS : SUPPORTED_PROTOCOL_VERSIONS,
        server: options.server,
        fallbackName: options.server ?? transport.description ?? 'server',
      },
      era === 'auto' ? { ...probe, timeoutMs: Math.min(request.timeoutMs ?? Infinity, options.probeTimeoutMs) } : probe,
    );
    if ('legacyVersion' in outcome) {
      if (key !== undefined) cache?.set(key, 'legacy');
      return legacy(outcome.legacyVersion);
    }
    if (key !== undefined) cache?.set(key, 'modern');
    transport.setProtocolVersion?.(outcome.session.protocolVersion);
    const { ModernSession } = sessionModule('modern', options.server);
    return new ModernSession(outcome.session, transport, options.parts);
  } catch (error) {
    if (era === 'modern' || isSessionLoadError(error)) throw error;
    if (ConnectionClosedError.isInstance(error) && options.reopen !== undefined && request.signal?.aborted !== true) {
      // The probe ended the connection: an older server that exits on methods it does not know.
      const session = await legacy(undefined, await options.reopen());
      if (key !== undefined) cache?.set(key, 'legacy');
      return session;
    }
    if (!meansLegacy(error)) throw error;
    if (key !== undefined) cache?.set(key, 'legacy');
    return legacy();
  }
}

/**
 * Whether a failed probe says "legacy server": anything but a modern error, a dead connection
 * or an abort, except the abort of a probe answered only with output that is not JSON.
 */
function meansLegacy(error: unknown): boolean {
  if (ProtocolError.isInstance(error)) return !MODERN_ERROR_CODES.has(error.code);
  if (UnsupportedProtocolVersionError.isInstance(error)) return false;
  if (CancelledError.isInstance(error)) return NonJsonOutputError.isInstance(error.cause);
  if (ConnectionClosedError.isInstance(error) || AuthError.isInstance(error)) return false;
  if (TransportError.isInstance(error)) return isClientError(error);
  return true;
}

/** An HTTP 4xx refusal other than an authentication one. */
function isClientError(error: unknown): boolean {
  if (!TransportError.isInstance(error) || error.status === undefined) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403;
}

/**
 * Reports a failing era store as a client warning. Made outside `establishSession`, whose closures
 * share one context: a closure made there and kept by the client's era store would keep the
 * handshake's signals and first connection alive for the client's lifetime.
 */
function warnTo(parts: SessionParts): (error: Error) => void {
  const emitter = parts.emitter;
  return (error) => emitter.emit('warning', { error });
}
