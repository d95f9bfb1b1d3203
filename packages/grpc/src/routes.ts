import type { DescMessage, MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import { Mcp } from './gen/mcp_pb.js';
import {
  contentFromProto,
  contentToProto,
  resourceContentsFromProto,
  resourceContentsToProto,
  resourceFromProto,
  resourceToProto,
  roleName,
  roleOf,
} from './codec/content.js';
import { ttlMsOf, ttlOf } from './codec/fields.js';
import { objectOf, present, stringOf, structOf, type Json } from './codec/json.js';
import { promptFromProto, promptToProto, templateFromProto, templateToProto, toolFromProto, toolToProto } from './codec/lists.js';

/** The routing metadata keys of the binding: the target of a call, for proxies and authorization. */
export type RoutingKey = 'mcp_tool' | 'mcp_resource' | 'mcp_prompt';

/**
 * One MCP method as one unary call of the binding, both ways: the client encodes params and
 * decodes responses, the server side (the test server) the reverse. `common` (the binding's
 * `RequestFields` / `ResponseFields`) is handled apart, the same for every route.
 */
export interface Route<I extends DescMessage = DescMessage, O extends DescMessage = DescMessage> {
  /** The MCP method. */
  readonly method: string;
  /** The rpc's name in service `model_context_protocol.Mcp`. */
  readonly rpc: string;
  readonly input: I;
  readonly output: O;
  /** The routing metadata the binding asks the client to set, from the request's params. */
  routing?(params: Json): [RoutingKey, string] | undefined;
  encodeParams(params: Json): MessageInitShape<I>;
  decodeParams(request: MessageShape<I>): Json;
  encodeResult(result: Json): MessageInitShape<O>;
  decodeResult(response: MessageShape<O>): Json;
}

function route<I extends DescMessage, O extends DescMessage>(definition: Route<I, O>): Route {
  return definition;
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.map((item) => objectOf(item) ?? {}) : [];
}

/** `ttlMs` from a list response's `ttl`, when it has one. */
function ttlMs(response: { ttl?: Parameters<typeof ttlMsOf>[0] }): Json {
  const value = ttlMsOf(response.ttl);
  return value === undefined ? {} : { ttlMs: value };
}

function contentBlocks(blocks: unknown): Array<NonNullable<ReturnType<typeof contentToProto>>> {
  return (Array.isArray(blocks) ? blocks : []).flatMap((block) => contentToProto(block) ?? []);
}

const ROUTES: readonly Route[] = [
  route({
    method: 'tools/list',
    rpc: 'ListTools',
    input: Mcp.method.listTools.input,
    output: Mcp.method.listTools.output,
    encodeParams: () => ({}),
    decodeParams: () => ({}),
    encodeResult: (result) => ({ tools: list(result.tools).map(toolToProto), ...ttlOf(result.ttlMs) }),
    decodeResult: (response) => ({ tools: response.tools.map(toolFromProto), ...ttlMs(response) }),
  }),
  route({
    method: 'tools/call',
    rpc: 'CallTool',
    input: Mcp.method.callTool.input,
    output: Mcp.method.callTool.output,
    routing: (params) => ['mcp_tool', stringOf(params.name)],
    encodeParams: (params) => {
      const args = structOf(params.arguments);
      return { request: { name: stringOf(params.name), ...(args === undefined ? {} : { arguments: args }) } };
    },
    decodeParams: (request) => ({ name: request.request?.name ?? '', arguments: request.request?.arguments ?? {} }),
    encodeResult: (result) => {
      const structured = structOf(result.structuredContent);
      return {
        content: contentBlocks(result.content),
        ...(structured === undefined ? {} : { structuredContent: structured }),
        isError: result.isError === true,
      };
    },
    decodeResult: (response) => ({
      content: response.content.flatMap((block) => contentFromProto(block) ?? []),
      ...(response.structuredContent === undefined ? {} : { structuredContent: response.structuredContent }),
      ...(response.isError ? { isError: true } : {}),
    }),
  }),
  route({
    method: 'resources/list',
    rpc: 'ListResources',
    input: Mcp.method.listResources.input,
    output: Mcp.method.listResources.output,
    encodeParams: () => ({}),
    decodeParams: () => ({}),
    encodeResult: (result) => ({ resources: list(result.resources).map(resourceToProto), ...ttlOf(result.ttlMs) }),
    decodeResult: (response) => ({ resources: response.resources.map(resourceFromProto), ...ttlMs(response) }),
  }),
  route({
    method: 'resources/templates/list',
    rpc: 'ListResourceTemplates',
    input: Mcp.method.listResourceTemplates.input,
    output: Mcp.method.listResourceTemplates.output,
    encodeParams: () => ({}),
    decodeParams: () => ({}),
    encodeResult: (result) => ({ resourceTemplates: list(result.resourceTemplates).map(templateToProto), ...ttlOf(result.ttlMs) }),
    decodeResult: (response) => ({ resourceTemplates: response.resourceTemplates.map(templateFromProto), ...ttlMs(response) }),
  }),
  route({
    method: 'resources/read',
    rpc: 'ReadResource',
    input: Mcp.method.readResource.input,
    output: Mcp.method.readResource.output,
    routing: (params) => ['mcp_resource', stringOf(params.uri)],
    encodeParams: (params) => ({ uri: stringOf(params.uri) }),
    decodeParams: (request) => ({ uri: request.uri }),
    encodeResult: (result) => ({ resource: list(result.contents).map(resourceContentsToProto) }),
    decodeResult: (response) => ({ contents: response.resource.map(resourceContentsFromProto) }),
  }),
  route({
    method: 'prompts/list',
    rpc: 'ListPrompts',
    input: Mcp.method.listPrompts.input,
    output: Mcp.method.listPrompts.output,
    encodeParams: () => ({}),
    decodeParams: () => ({}),
    encodeResult: (result) => ({ prompts: list(result.prompts).map(promptToProto), ...ttlOf(result.ttlMs) }),
    decodeResult: (response) => ({ prompts: response.prompts.map(promptFromProto), ...ttlMs(response) }),
  }),
  route({
    method: 'prompts/get',
    rpc: 'GetPrompt',
    input: Mcp.method.getPrompt.input,
    output: Mcp.method.getPrompt.output,
    routing: (params) => ['mcp_prompt', stringOf(params.name)],
    encodeParams: (params) => ({
      name: stringOf(params.name),
      arguments: Object.fromEntries(Object.entries(objectOf(params.arguments) ?? {}).map(([key, value]) => [key, String(value)])),
    }),
    decodeParams: (request) => ({ name: request.name, arguments: request.arguments }),
    encodeResult: (result) => ({
      description: stringOf(result.description),
      messages: list(result.messages).map((message) => ({ role: roleOf(message.role), ...contentToProto(message.content) })),
    }),
    decodeResult: (response) => ({
      ...present({ description: response.description }),
      messages: response.messages.map((message) => ({ role: roleName(message.role), content: contentFromProto(message) ?? {} })),
    }),
  }),
  route({
    method: 'completion/complete',
    rpc: 'Complete',
    input: Mcp.method.complete.input,
    output: Mcp.method.complete.output,
    // The binding: the resource's or the prompt's name, under mcp_resource in both cases.
    routing: (params) => {
      const ref = objectOf(params.ref) ?? {};
      return ['mcp_resource', stringOf(ref.type === 'ref/resource' ? ref.uri : ref.name)];
    },
    encodeParams: (params) => {
      const ref = objectOf(params.ref) ?? {};
      const argument = objectOf(params.argument) ?? {};
      const context = objectOf(objectOf(params.context)?.arguments) ?? {};
      return {
        ...(ref.type === 'ref/resource'
          ? { resourceReference: { uri: stringOf(ref.uri) } }
          : { promptReference: { name: stringOf(ref.name), title: stringOf(ref.title) } }),
        argument: { name: stringOf(argument.name), value: stringOf(argument.value) },
        context: { arguments: Object.fromEntries(Object.entries(context).map(([key, value]) => [key, String(value)])) },
      };
    },
    decodeParams: (request) => ({
      ref:
        request.resourceReference !== undefined
          ? { type: 'ref/resource', uri: request.resourceReference.uri }
          : { type: 'ref/prompt', ...present({ name: request.promptReference?.name ?? '', title: request.promptReference?.title }) },
      argument: { name: request.argument?.name ?? '', value: request.argument?.value ?? '' },
      ...(request.context === undefined ? {} : { context: { arguments: request.context.arguments } }),
    }),
    encodeResult: (result) => {
      const completion = objectOf(result.completion) ?? {};
      const total = typeof completion.total === 'number' ? { totalMatches: BigInt(completion.total) } : {};
      return {
        values: Array.isArray(completion.values) ? completion.values.map((value) => stringOf(value)) : [],
        ...total,
        hasMore: completion.hasMore === true,
      };
    },
    decodeResult: (response) => ({
      completion: {
        values: response.values,
        ...(response.totalMatches === undefined ? {} : { total: Number(response.totalMatches) }),
        ...(response.hasMore ? { hasMore: true } : {}),
      },
    }),
  }),
];

/** The MCP methods the binding carries, each with its route. */
export const ROUTES_BY_METHOD: ReadonlyMap<string, Route> = new Map(ROUTES.map((r) => [r.method, r]));

/** The routes by rpc name, for the server side. */
export const ROUTES_BY_RPC: ReadonlyMap<string, Route> = new Map(ROUTES.map((r) => [r.rpc, r]));

/** The full path of an rpc of the binding's service, as gRPC sends it. */
export function rpcPath(rpc: string): string {
  return `/${Mcp.typeName}/${rpc}`;
}
