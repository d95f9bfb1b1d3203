import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// By path: @mcpx/test-utils depends on @mcpx/core, so core cannot list it as a dependency.
import { publicExports } from '../../test-utils/src/public-exports.js';
import * as core from './index.js';
import * as apps from './apps.js';
import * as skills from './skills.js';
import * as tasks from './tasks.js';

// The public API of @mcpx/core. A name added to or taken from the index must be added to or taken
// from these lists too: growing the API is a decision, made here in review. Helpers that only other
// @mcpx packages need go to ./internal.ts (@mcpx/core/internal), MCP types to ./schemas.ts.
const VALUES = [
  'AUTH_RETRY_LIMIT',
  'AuthError',
  'CacheStoreError',
  'CancelledError',
  'CapabilityError',
  'ConfigError',
  'ConnectTimeoutError',
  'ConnectionClosedError',
  'EraCache',
  'ErrorCode',
  'HeaderMismatchError',
  'InvalidResponseError',
  'LATEST_PROTOCOL_VERSION',
  'LocalError',
  'LoginRequiredError',
  'LruCacheStore',
  'McpClient',
  'McpxError',
  'MissingRequiredClientCapabilityError',
  'NonJsonOutputError',
  'ProtocolError',
  'RequestTimeoutError',
  'SUPPORTED_PROTOCOL_VERSIONS',
  'TaskCancelledError',
  'TaskExpiredError',
  'TaskHandle',
  'TaskTimeoutError',
  'TokenStoreError',
  'TransportError',
  'UnsupportedProtocolVersionError',
  'UrlElicitationRequiredError',
  'VERSION',
  'apiKeyAuth',
  'bearerAuth',
  'exponentialBackoff',
  'logRequests',
];

const TYPES = [
  'AuthContext',
  'AuthProvider',
  'BackoffPolicy',
  'CacheEntry',
  'CacheInvalidation',
  'CacheStore',
  'CallOptions',
  'CallToolResult',
  'ClientCapabilities',
  'ClientEvent',
  'ClientEventMap',
  'ClientExtension',
  'ClientState',
  'ClientTasks',
  'CompleteRequestParams',
  'CompleteResult',
  'ConnectOptions',
  'ConnectTimeoutErrorOptions',
  'ConnectionClosedDetails',
  'ContentBlock',
  'CreateMessageRequestParams',
  'CreateMessageResult',
  'ElicitRequestParams',
  'ElicitResult',
  'ElicitationHandler',
  'Era',
  'EraChoice',
  'EraStore',
  'ErrorContext',
  'ExponentialBackoffOptions',
  'ExtensionHost',
  'GetPromptResult',
  'Implementation',
  'InboundRequestContext',
  'JsonRpcErrorObject',
  'JsonRpcErrorResponse',
  'JsonRpcMessage',
  'JsonRpcNotification',
  'JsonRpcRequest',
  'JsonRpcResponse',
  'JsonRpcSuccess',
  'LatencyStats',
  'ListPromptsResult',
  'ListResourceTemplatesResult',
  'ListResourcesResult',
  'ListToolsResult',
  'LocalErrorOptions',
  'LogRequestsOptions',
  'LoggingLevel',
  'LoginRequiredErrorOptions',
  'MaybePromise',
  'McpClientOptions',
  'McpxErrorOptions',
  'MethodMetrics',
  'MetricsSnapshot',
  'NextRequest',
  'NotificationFilter',
  'OutgoingRequest',
  'Progress',
  'Prompt',
  'ReadResourceResult',
  'ReleaseLock',
  'RequestContext',
  'RequestId',
  'RequestLogCommon',
  'RequestLogEntry',
  'RequestMiddleware',
  'RequestOptions',
  'RequestTimeoutErrorOptions',
  'Resource',
  'ResourceTemplate',
  'ResponseCacheOptions',
  'ResultTypeContext',
  'ResultTypeHandler',
  'Root',
  'RootsHandler',
  'SamplingHandler',
  'ServerCapabilities',
  'ServerSession',
  'SettingNames',
  'StoredClient',
  'StoredEndpoints',
  'StoredJwk',
  'StoredLogin',
  'StoredTokens',
  'Task',
  'TaskCancelledErrorOptions',
  'TaskExpiredErrorOptions',
  'TaskPage',
  'TaskReceiverOptions',
  'TaskStatus',
  'TaskTimeoutErrorOptions',
  'TokenStore',
  'TokenStoreErrorOptions',
  'Tool',
  'TraceContext',
  'Transport',
  'TransportDiagnostic',
  'TransportErrorOptions',
  'TransportFactory',
  'TransportSendOptions',
  'UnauthorizedContext',
  'UrlElicitation',
  'UrlElicitationContext',
  'UrlElicitationHandler',
  'UrlElicitationResult',
];

describe('the public API of @mcpx/core', () => {
  it('exports exactly the listed values', () => {
    expect(Object.keys(core).sort()).toEqual(VALUES);
  });

  it('exports exactly the listed types', () => {
    expect(publicExports(readFileSync(new URL('./index.ts', import.meta.url), 'utf8')).types).toEqual(TYPES);
  });
});

describe('the public API of @mcpx/core/skills', () => {
  it('exports exactly the listed values and types', () => {
    expect(Object.keys(skills).sort()).toEqual(['LoadedSkill', 'SKILLS_EXTENSION_ID', 'SkillLoadError', 'SkillsApi', 'skills']);
    expect(publicExports(readFileSync(new URL('./skills.ts', import.meta.url), 'utf8')).types).toEqual([
      'FileContent',
      'Skill',
      'SkillFrontmatter',
      'SkillLoadErrorOptions',
      'SkillLoadFailure',
      'SkillResource',
      'SkillsOptions',
      'SkillsPage',
    ]);
  });
});

describe('the public API of @mcpx/core/apps', () => {
  it('exports exactly the listed values and types', () => {
    expect(Object.keys(apps).sort()).toEqual([
      'APPS_EXTENSION_ID',
      'APP_HOST_METHODS',
      'APP_MIME_TYPE',
      'APP_SERVER_METHODS',
      'APP_TO_HOST_NOTIFICATIONS',
      'AppRequestRefusedError',
      'AppsApi',
      'HOST_TO_APP_NOTIFICATIONS',
      'HOST_TO_APP_REQUESTS',
      'appOf',
      'apps',
      'callableByApp',
      'contentSecurityPolicy',
      'isAppServerMethod',
      'permissionsPolicy',
      'visibleToModel',
      'withContentSecurityPolicy',
    ]);
    expect(publicExports(readFileSync(new URL('./apps.ts', import.meta.url), 'utf8')).types).toEqual([
      'AppCsp',
      'AppForwardOptions',
      'AppHostMethod',
      'AppPermissions',
      'AppRequestRefusal',
      'AppRequestRefusedErrorOptions',
      'AppResource',
      'AppResourceMeta',
      'AppServerMethod',
      'AppTool',
      'AppVisibility',
      'AppsOptions',
      'ToolApp',
    ]);
  });
});

describe('the public API of @mcpx/core/tasks', () => {
  it('exports exactly the listed values and types', () => {
    expect(Object.keys(tasks).sort()).toEqual([
      'DEFAULT_TASK_POLL_INTERVAL_MS',
      'TASKS_EXTENSION_ID',
      'TaskCancelledError',
      'TaskHandle',
      'TasksApi',
      'tasks',
    ]);
    expect(publicExports(readFileSync(new URL('./tasks.ts', import.meta.url), 'utf8')).types).toEqual([
      'Task',
      'TaskCancelledErrorOptions',
      'TaskStatus',
      'TasksOptions',
    ]);
  });
});
