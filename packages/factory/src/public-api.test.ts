import { readFileSync } from 'node:fs';
import { publicExports } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import * as entry from './index.js';

// The public API of @mcpx/factory: a name added to or taken from the index must be added to or taken
// from these lists too, so that growing the API is a decision made in review.
const VALUES = [
  'ConfigNotFoundError',
  'ConfigValidationError',
  'StoreUnavailableError',
  'TRANSPORT_PACKAGES',
  'ToolDisabledError',
  'configSearchPaths',
  'createClient',
  'createOAuthProvider',
  'createRegistry',
  'discoverConfig',
  'formatProblem',
  'loadConfig',
  'openStore',
  'supportedTransports',
  'userConfigDir',
  'validateConfig',
];

const TYPES = [
  'ChatConfig',
  'ChatProviderName',
  'ConfigFormat',
  'ConfigProblem',
  'ConnectorOptions',
  'CreateClientOptions',
  'CreateRegistryOptions',
  'DiagnosticListener',
  'DiscoverOptions',
  'Env',
  'FactoryDiagnostic',
  'FactoryOAuthOptions',
  'GrpcServerConfig',
  'HealthConfig',
  'HttpServerConfig',
  'LoadConfigOptions',
  'McpxConfig',
  'OAuthConfig',
  'OAuthEntry',
  'OAuthGrantConfig',
  'OpenStoreOptions',
  'ReconnectConfig',
  'RemoteServerOptions',
  'ServerConfig',
  'ServerDiagnostic',
  'ServerEntry',
  'ServerOptions',
  'SharedStores',
  'SseServerConfig',
  'StdioServerConfig',
  'StoreConfig',
  'StoreDiagnostic',
  'StoreEntry',
  'StoreFallback',
  'ToolDisabledDetails',
  'TransportKind',
  'TransportSupport',
  'ValidateConfigOptions',
  'WebSocketServerConfig',
];

describe('the public API of @mcpx/factory', () => {
  it('exports exactly the listed values', () => {
    expect(Object.keys(entry).sort()).toEqual(VALUES);
  });

  it('exports exactly the listed types', () => {
    expect(publicExports(readFileSync(new URL('./index.ts', import.meta.url), 'utf8')).types).toEqual(TYPES);
  });
});
