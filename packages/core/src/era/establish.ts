import { ConnectionClosedError } from '../errors/connection-closed-error.js';
import { AuthError } from '../errors/auth-error.js';
import { CancelledError } from '../errors/cancelled-error.js';
import { MODERN_ERROR_CODES } from '../errors/modern-errors.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { TransportError } from '../errors/transport-error.js';
import { UnsupportedProtocolVersionError } from '../errors/unsupported-protocol-version-error.js';
import type { JsonRpcEngine, RequestOptions } from '../jsonrpc/engine.js';
import { initializeLegacy } from '../legacy/lifecycle.js';
import { discover } from '../modern/discover.js';
import { LATEST_PROTOCOL_VERSION, MODERN_PROTOCOL_VERSIONS, SUPPORTED_PROTOCOL_VERSIONS, isModernProtocolVersion } from '../modern/versions.js';
import type { ServerSession } from '../session.js';
import type { Transport } from '../transport.js';
import type { ClientCapabilities, Implementation } from '../types/index.js';
import type { Era, EraCache } from './era-cache.js';

/** Which era to speak: detect it, or insist on one. */
export type EraChoice = 'auto' | Era;

/** How a connection settles on an era and revision. */
export interface EstablishOptions {
  clientInfo: Implementation;
  capabilities: ClientCapabilities;
  era: EraChoice;
  /** Pins one revision; its era wins over `era`. */
  protocolVersion?: string | undefined;
  /** How long the `server/discover` probe may take before the server counts as legacy. */
  probeTimeout: number;
  cache: EraCache | undefined;
  server?: string | undefined;
}

/**
 * Settles the era with the server: probes with `server/discover` (a result or a recognized
 * modern error means modern; any other error or no answer in time means legacy, and
 * `initialize` follows), honours a pinned era or revision, and caches what it learns.
 */
export async function establishSession(engine: JsonRpcEngine, transport: Transport, options: EstablishOptions, request: RequestOptions): Promise<ServerSession> {
  const pinned = options.protocolVersion;
  if (pinned !== undefined && !SUPPORTED_PROTOCOL_VERSIONS.includes(pinned)) {
    throw new UnsupportedProtocolVersionError([pinned], SUPPORTED_PROTOCOL_VERSIONS, { server: options.server, method: 'connect' });
  }
  const era: EraChoice = pinned === undefined ? options.era : isModernProtocolVersion(pinned) ? 'modern' : 'legacy';
  const key = transport.eraCacheKey ?? transport.description;
  const legacy = (version?: string): Promise<ServerSession> =>
    initializeLegacy(engine, transport, { clientInfo: options.clientInfo, capabilities: options.capabilities, protocolVersion: version ?? pinned, server: options.server }, request);

  if (era === 'legacy') return legacy();
  if (era === 'auto' && key !== undefined && options.cache?.get(key) === 'legacy') {
    try {
      return await legacy();
    } catch (error) {
      options.cache.delete(key);
      if (!ProtocolError.isInstance(error) && !isClientError(error)) throw error;
      // The cached answer failed: the server may have been upgraded. Probe again below.
    }
  }
  try {
    const outcome = await discover(
      engine,
      {
        clientInfo: options.clientInfo,
        capabilities: options.capabilities,
        protocolVersion: pinned ?? LATEST_PROTOCOL_VERSION,
        acceptedVersions: pinned !== undefined ? [pinned] : era === 'modern' ? MODERN_PROTOCOL_VERSIONS : SUPPORTED_PROTOCOL_VERSIONS,
        server: options.server,
        fallbackName: options.server ?? transport.description ?? 'server',
      },
      era === 'auto' ? { ...request, timeout: Math.min(request.timeout ?? Infinity, options.probeTimeout) } : request,
    );
    if ('legacyVersion' in outcome) {
      if (key !== undefined) options.cache?.set(key, 'legacy');
      return legacy(outcome.legacyVersion);
    }
    if (key !== undefined) options.cache?.set(key, 'modern');
    transport.setProtocolVersion?.(outcome.session.protocolVersion);
    return outcome.session;
  } catch (error) {
    if (era === 'modern' || !meansLegacy(error)) throw error;
    if (key !== undefined) options.cache?.set(key, 'legacy');
    return legacy();
  }
}

/** Whether a failed probe says "legacy server": anything but a modern error, a dead connection or the caller's abort. */
function meansLegacy(error: unknown): boolean {
  if (ProtocolError.isInstance(error)) return !MODERN_ERROR_CODES.has(error.code);
  if (UnsupportedProtocolVersionError.isInstance(error)) return false;
  if (ConnectionClosedError.isInstance(error) || CancelledError.isInstance(error) || AuthError.isInstance(error)) return false;
  if (TransportError.isInstance(error)) return isClientError(error);
  return true;
}

/** An HTTP 4xx refusal other than an authentication one. */
function isClientError(error: unknown): boolean {
  if (!TransportError.isInstance(error) || error.status === undefined) return false;
  return error.status >= 400 && error.status < 500 && error.status !== 401 && error.status !== 403;
}

