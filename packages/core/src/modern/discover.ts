import { ProtocolError, ErrorCode } from '../errors/protocol-error.js';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { UnsupportedProtocolVersionError } from '../errors/unsupported-protocol-version-error.js';
import type { JsonRpcEngine, RequestOptions } from '../jsonrpc/engine.js';
import type { ServerSession } from '../session.js';
import type { ClientCapabilities, Implementation, ServerCapabilities } from '../types/index.js';
import { isObject } from '../validation/guards.js';
import { withEnvelope } from './envelope.js';
import { SERVER_INFO_KEY } from './meta-keys.js';
import { isModernProtocolVersion, newestMutualVersion } from './versions.js';

/** What `server/discover` is sent with. */
export interface DiscoverHandshake {
  clientInfo: Implementation;
  capabilities: ClientCapabilities;
  /** The modern revision to ask for first. */
  protocolVersion: string;
  /** The revisions this client may settle on. */
  acceptedVersions: readonly string[];
  server?: string | undefined;
  /** Names the server when it does not say who it is. */
  fallbackName: string;
}

/** The server is modern; or it named only a legacy revision both sides speak, to be used with `initialize`. */
export type DiscoverOutcome = { session: ServerSession } | { legacyVersion: string };

/**
 * `server/discover`: learns the server's revisions, capabilities and identity. An
 * `UnsupportedProtocolVersionError` is answered once with the newest mutually supported
 * revision; no mutual revision is an `UnsupportedProtocolVersionError` naming both sides.
 */
export async function discover(
  engine: JsonRpcEngine,
  handshake: DiscoverHandshake,
  options: RequestOptions,
  retried = false,
): Promise<DiscoverOutcome> {
  const where = { server: handshake.server, method: 'server/discover' };
  const envelope = {
    protocolVersion: handshake.protocolVersion,
    clientInfo: handshake.clientInfo,
    clientCapabilities: handshake.capabilities,
  };
  let raw: Record<string, unknown>;
  try {
    raw = await engine.request('server/discover', withEnvelope(undefined, envelope), options);
  } catch (error) {
    if (!ProtocolError.isInstance(error) || error.code !== ErrorCode.UnsupportedProtocolVersion) throw error;
    const supported = supportedIn(error.data);
    const mutual = newestMutualVersion(supported, handshake.acceptedVersions);
    if (mutual === undefined || retried)
      throw new UnsupportedProtocolVersionError(supported, handshake.acceptedVersions, { ...where, cause: error });
    if (!isModernProtocolVersion(mutual)) return { legacyVersion: mutual };
    return discover(engine, { ...handshake, protocolVersion: mutual }, options, true);
  }
  const result = checkDiscoverResult(raw, where);
  const mutual = result.supportedVersions.includes(handshake.protocolVersion)
    ? handshake.protocolVersion
    : newestMutualVersion(result.supportedVersions, handshake.acceptedVersions);
  if (mutual === undefined) throw new UnsupportedProtocolVersionError(result.supportedVersions, handshake.acceptedVersions, where);
  if (!isModernProtocolVersion(mutual)) return { legacyVersion: mutual };
  const serverInfo = result._meta?.[SERVER_INFO_KEY];
  return {
    session: {
      era: 'modern',
      protocolVersion: mutual,
      serverInfo:
        isObject(serverInfo) && typeof serverInfo.name === 'string'
          ? (serverInfo as Implementation)
          : { name: handshake.fallbackName, version: 'unknown' },
      capabilities: result.capabilities,
      instructions: result.instructions,
      clientCapabilities: handshake.capabilities,
      supportedVersions: result.supportedVersions,
    },
  };
}

interface DiscoverResultShape {
  supportedVersions: string[];
  capabilities: ServerCapabilities;
  instructions?: string | undefined;
  _meta?: Record<string, unknown> | undefined;
}

function checkDiscoverResult(raw: Record<string, unknown>, where: { server?: string | undefined; method: string }): DiscoverResultShape {
  const problems: string[] = [];
  if (!Array.isArray(raw.supportedVersions) || !raw.supportedVersions.every((v) => typeof v === 'string'))
    problems.push('supportedVersions must be an array of strings');
  if (!isObject(raw.capabilities)) problems.push('capabilities must be an object');
  if (raw.instructions !== undefined && typeof raw.instructions !== 'string') problems.push('instructions must be a string');
  if (raw._meta !== undefined && !isObject(raw._meta)) problems.push('_meta must be an object');
  if (problems.length > 0) throw new InvalidResponseError(`the server/discover result is invalid: ${problems.join('; ')}`, where);
  return raw as unknown as DiscoverResultShape;
}

function supportedIn(data: unknown): string[] {
  const supported = isObject(data) ? data.supported : undefined;
  return Array.isArray(supported) ? supported.filter((v): v is string => typeof v === 'string') : [];
}
