import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { UnsupportedProtocolVersionError } from '../errors/unsupported-protocol-version-error.js';
import type { JsonRpcEngine, RequestOptions } from '../jsonrpc/engine.js';
import type { ServerSession } from '../session.js';
import type { Transport } from '../transport.js';
import { loadSchemas } from '../client/schema-loader.js';
import { initializeResult } from '../validation/fast-results.js';
import type { ClientCapabilities, Implementation, InitializeResult } from '../types/index.js';
import { LATEST_LEGACY_PROTOCOL_VERSION, LEGACY_PROTOCOL_VERSIONS } from '../versions.js';

/** What the legacy handshake sends. */
export interface LegacyHandshake {
  clientInfo: Implementation;
  capabilities: ClientCapabilities;
  /** The revision to offer. @default '2025-11-25' */
  protocolVersion?: string | undefined;
  server?: string | undefined;
}

/**
 * The legacy lifecycle (2024-11-05 to 2025-11-25): `initialize`, version check, then
 * `notifications/initialized`. A revision this client does not support is refused.
 */
export async function initializeLegacy(
  engine: JsonRpcEngine,
  transport: Transport,
  handshake: LegacyHandshake,
  options: RequestOptions,
): Promise<ServerSession> {
  const offered = handshake.protocolVersion ?? LATEST_LEGACY_PROTOCOL_VERSION;
  const raw = await engine.request(
    'initialize',
    { protocolVersion: offered, capabilities: handshake.capabilities, clientInfo: handshake.clientInfo },
    options,
  );
  const parsed = initializeResult(raw)
    ? { success: true as const, data: raw as InitializeResult }
    : (await loadSchemas()).InitializeResultSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidResponseError(
      `the initialize result is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`,
      {
        server: handshake.server,
        method: 'initialize',
      },
    );
  }
  const result = parsed.data;
  if (!(LEGACY_PROTOCOL_VERSIONS as readonly string[]).includes(result.protocolVersion)) {
    throw new UnsupportedProtocolVersionError([result.protocolVersion], LEGACY_PROTOCOL_VERSIONS, {
      server: handshake.server,
      method: 'initialize',
    });
  }
  transport.setProtocolVersion?.(result.protocolVersion);
  await engine.notify('notifications/initialized');
  return {
    era: 'legacy',
    protocolVersion: result.protocolVersion,
    serverInfo: result.serverInfo,
    capabilities: result.capabilities,
    instructions: result.instructions,
    clientCapabilities: handshake.capabilities,
  };
}
