import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import {
  CLIENT_CAPABILITIES_KEY,
  DiscoverResultSchema,
  InputRequestsSchema,
  InputRequiredResultSchema,
  MissingRequiredClientCapabilityErrorDataSchema,
  ModernCallToolRequestParamsSchema,
  ModernCreateMessageRequestSchema,
  ModernListToolsResultSchema,
  ModernNotificationParamsSchema,
  ModernRequestMetaSchema,
  ModernRequestParamsSchema,
  ModernResultSchema,
  ModernToolSchema,
  PROTOCOL_VERSION_KEY,
  SERVER_INFO_KEY,
  SUBSCRIPTION_ID_KEY,
  SubscriptionsAcknowledgedNotificationParamsSchema,
  SubscriptionsListenRequestParamsSchema,
  UnsupportedProtocolVersionErrorDataSchema,
} from '../../src/types/modern/index.js';
import { ClientCapabilitiesSchema } from '../../src/types/index.js';

const envelope = { [PROTOCOL_VERSION_KEY]: '2026-07-28', [CLIENT_CAPABILITIES_KEY]: {} };
const tool = { name: 'echo', inputSchema: { type: 'object' } };
const discover = { resultType: 'complete', supportedVersions: ['2026-07-28'], capabilities: {}, ttlMs: 0, cacheScope: 'public' };
const elicit = { method: 'elicitation/create', params: { message: 'Name?', requestedSchema: { type: 'object', properties: {} } } };

const cases: ReadonlyArray<readonly [string, ZodType, unknown]> = [
  ['a request _meta without the protocol version', ModernRequestMetaSchema, { [CLIENT_CAPABILITIES_KEY]: {} }],
  ['a request _meta without the client capabilities', ModernRequestMetaSchema, { [PROTOCOL_VERSION_KEY]: '2026-07-28' }],
  [
    'a request _meta at a log level syslog does not have',
    ModernRequestMetaSchema,
    { ...envelope, 'io.modelcontextprotocol/logLevel': 'warn' },
  ],
  ['a request _meta whose traceparent is not a string', ModernRequestMetaSchema, { ...envelope, traceparent: 1 }],
  ['modern request params without _meta', ModernRequestParamsSchema, {}],
  [
    'a tools/call retry whose answer is no result of an input request',
    ModernCallToolRequestParamsSchema,
    {
      _meta: envelope,
      name: 'echo',
      inputResponses: { login: { name: 'octocat' } },
    },
  ],
  [
    'a tools/call retry whose requestState is not a string',
    ModernCallToolRequestParamsSchema,
    { _meta: envelope, name: 'echo', requestState: {} },
  ],
  ['an input_required result with neither inputRequests nor requestState', InputRequiredResultSchema, { resultType: 'input_required' }],
  ['an input_required result whose resultType says complete', InputRequiredResultSchema, { resultType: 'complete', requestState: 's' }],
  ['an input_required result without resultType', InputRequiredResultSchema, { requestState: 's' }],
  ['an input request of a method the client is not asked', InputRequestsSchema, { call: { method: 'tools/call', params: { name: 'x' } } }],
  ['an input request without params where they are required', InputRequestsSchema, { login: { method: 'elicitation/create' } }],
  [
    'a URL elicitation input request without url',
    InputRequestsSchema,
    { login: { ...elicit, params: { mode: 'url', message: 'Sign in' } } },
  ],
  [
    'a sampling input request without maxTokens',
    ModernCreateMessageRequestSchema,
    { method: 'sampling/createMessage', params: { messages: [] } },
  ],
  ['a discover result without supportedVersions', DiscoverResultSchema, { ...discover, supportedVersions: undefined }],
  ['a discover result without capabilities', DiscoverResultSchema, { ...discover, capabilities: undefined }],
  [
    'a discover result whose extension settings are not an object',
    DiscoverResultSchema,
    {
      ...discover,
      capabilities: { extensions: { 'io.modelcontextprotocol/tasks': true } },
    },
  ],
  ['a tools/list result whose cacheScope is neither public nor private', ModernListToolsResultSchema, { tools: [], cacheScope: 'shared' }],
  ['a tools/list result whose ttlMs is a string', ModernListToolsResultSchema, { tools: [], ttlMs: '60000' }],
  ['a tools/list result with a tool without inputSchema', ModernListToolsResultSchema, { tools: [{ name: 'echo' }] }],
  ['a tool whose inputSchema is not of type object', ModernToolSchema, { ...tool, inputSchema: { type: 'array' } }],
  ['a tool whose outputSchema is not an object', ModernToolSchema, { ...tool, outputSchema: true }],
  ['a result whose serverInfo has no version', ModernResultSchema, { resultType: 'complete', _meta: { [SERVER_INFO_KEY]: { name: 's' } } }],
  ['a subscriptions/listen request without a filter', SubscriptionsListenRequestParamsSchema, { _meta: envelope }],
  [
    'an acknowledgment whose resourceSubscriptions is not a list',
    SubscriptionsAcknowledgedNotificationParamsSchema,
    {
      notifications: { resourceSubscriptions: 'file:///a' },
    },
  ],
  ['a notification whose subscription id is null', ModernNotificationParamsSchema, { _meta: { [SUBSCRIPTION_ID_KEY]: null } }],
  ['unsupported-version data without the supported list', UnsupportedProtocolVersionErrorDataSchema, { requested: '1900-01-01' }],
  [
    'unsupported-version data whose supported list holds a number',
    UnsupportedProtocolVersionErrorDataSchema,
    { supported: [2026], requested: 'x' },
  ],
  ['missing-capability data without requiredCapabilities', MissingRequiredClientCapabilityErrorDataSchema, {}],
  [
    'client capabilities whose extension settings are not an object',
    ClientCapabilitiesSchema,
    { extensions: { 'io.modelcontextprotocol/ui': true } },
  ],
];

describe('our 2026-07-28 schemas reject', () => {
  it.each(cases)('%s', (_what, schema, value) => {
    expect(schema.safeParse(value).success).toBe(false);
  });
});
