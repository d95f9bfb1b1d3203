import { readFileSync } from 'node:fs';
import { publicExports } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import * as entry from './index.js';

// The public API of @mcpx/registry: a name added to or taken from the index must be added to or taken
// from these lists too, so that growing the API is a decision made in review.
const VALUES = [
  'CircuitOpenError',
  'ConnectTimeoutError',
  'DEFAULT_BREAKER_OPTIONS',
  'DEFAULT_CATALOG_TTL_MS',
  'DEFAULT_CLOSE_DEADLINE_MS',
  'DEFAULT_CONNECT_TIMEOUT_MS',
  'DEFAULT_HEALTH_OPTIONS',
  'DEFAULT_STABLE_AFTER_MS',
  'HealthCheckTimeoutError',
  'MCP_REGISTRY_OPTION_KEYS',
  'McpRegistry',
  'NotInCatalogError',
  'RegistryClosedError',
  'SERVER_STATES',
  'ServerNotFoundError',
  'ServerUnavailableError',
  'TRANSITIONS',
  'defaultNaming',
  'isRetryableFailure',
  'isServerFault',
  'isUp',
  'pingCheck',
  'separatorNaming',
  'systemClock',
];

const TYPES = [
  'BreakerOptions',
  'BreakerSnapshot',
  'BreakerState',
  'CatalogFailure',
  'CatalogKind',
  'CatalogPrompt',
  'CatalogResource',
  'CatalogTool',
  'Clock',
  'CloseOptions',
  'CloseReport',
  'Collision',
  'ConnectFn',
  'ConnectOutcome',
  'ConnectReport',
  'HealthCheck',
  'HealthEvent',
  'HealthOptions',
  'HealthSnapshot',
  'ListOptions',
  'McpRegistryOptions',
  'NamingPolicy',
  'PromptCatalog',
  'RegisteredServer',
  'RegistryEvent',
  'RegistryEventMap',
  'RegistrySnapshot',
  'RequestCounts',
  'ResourceCatalog',
  'ServerPolicies',
  'ServerRegistration',
  'ServerState',
  'ServerStats',
  'StateChange',
  'TimerHandle',
  'ToolCatalog',
];

describe('the public API of @mcpx/registry', () => {
  it('exports exactly the listed values', () => {
    expect(Object.keys(entry).sort()).toEqual(VALUES);
  });

  it('exports exactly the listed types', () => {
    expect(publicExports(readFileSync(new URL('./index.ts', import.meta.url), 'utf8')).types).toEqual(TYPES);
  });
});
