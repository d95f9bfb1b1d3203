// The server side of the gRPC binding for the test server, written apart from @mcpx/grpc's own
// codec and on another protobuf runtime (@grpc/proto-loader, protobufjs) from the same .proto
// files, so that the client's encoding is checked against an independent reading of mcp.proto.
import { loadSync } from '@grpc/proto-loader';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';

/** The binding's .proto files, as @mcpx/grpc carries them (one copy in the repository). */
const PROTO_DIR = fileURLToPath(new URL('../../../grpc/proto/', import.meta.url));

/** The package definition of service model_context_protocol.Mcp. */
export function loadMcpService() {
  return loadSync('mcp.proto', { includeDirs: [PROTO_DIR], keepCase: false, longs: Number, enums: String, defaults: false, arrays: true });
}

// google.protobuf.Struct, which protobufjs leaves as messages of Values.
function toValue(value) {
  if (value === null || value === undefined) return { nullValue: 'NULL_VALUE' };
  if (typeof value === 'number') return { numberValue: value };
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (Array.isArray(value)) return { listValue: { values: value.map(toValue) } };
  return { structValue: toStruct(value) };
}
export function toStruct(object) {
  return object === undefined ? undefined : { fields: Object.fromEntries(Object.entries(object).map(([k, v]) => [k, toValue(v)])) };
}
function fromValue(value) {
  if (value.structValue !== undefined) return fromStruct(value.structValue);
  if (value.listValue !== undefined) return (value.listValue.values ?? []).map(fromValue);
  if (value.numberValue !== undefined) return value.numberValue;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  return null;
}
export function fromStruct(struct) {
  return struct === undefined || struct === null
    ? undefined
    : Object.fromEntries(Object.entries(struct.fields ?? {}).map(([k, v]) => [k, fromValue(v)]));
}

const ROLES = { user: 'ROLE_USER', assistant: 'ROLE_ASSISTANT' };
const roleName = (role) => (role === 'ROLE_ASSISTANT' ? 'assistant' : 'user');
const defined = (object) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));

function annotations(json) {
  return json === undefined ? undefined : defined({ audience: (json.audience ?? []).map((r) => ROLES[r]), priority: json.priority });
}
function resource(json) {
  return defined({
    uri: json.uri,
    name: json.name,
    title: json.title,
    description: json.description,
    mimeType: json.mimeType,
    annotations: annotations(json.annotations),
    size: json.size,
  });
}
function contents(json) {
  return json.blob !== undefined
    ? defined({ uri: json.uri, mimeType: json.mimeType, blob: Buffer.from(json.blob, 'base64') })
    : defined({ uri: json.uri, mimeType: json.mimeType, text: json.text });
}
/** An MCP content block as the binding's content fields. */
function content(block) {
  const a = annotations(block.annotations);
  switch (block.type) {
    case 'text':
      return { text: defined({ text: block.text, annotations: a }) };
    case 'image':
    case 'audio':
      return { [block.type]: defined({ data: Buffer.from(block.data, 'base64'), mimeType: block.mimeType, annotations: a }) };
    case 'resource':
      return { embeddedResource: defined({ contents: contents(block.resource), annotations: a }) };
    case 'resource_link':
      return { resourceLink: resource(block) };
    default:
      return {};
  }
}
function contentOf(fields) {
  if (fields.text) return { type: 'text', text: fields.text.text ?? '' };
  if (fields.image) return { type: 'image', data: fields.image.data.toString('base64'), mimeType: fields.image.mimeType };
  if (fields.audio) return { type: 'audio', data: fields.audio.data.toString('base64'), mimeType: fields.audio.mimeType };
  return { type: 'text', text: '' };
}

const FORMATS = { email: 'FORMAT_EMAIL', uri: 'FORMAT_URI', date: 'FORMAT_DATE', 'date-time': 'FORMAT_DATE_TIME' };
/** One property of an elicitation schema as the binding's PrimitiveSchemaDefinition. */
function property(schema) {
  const described = defined({ title: schema.title, description: schema.description });
  if (schema.type === 'string' && (schema.enum || schema.oneOf)) {
    const options = schema.oneOf ?? schema.enum.map((value) => ({ const: value }));
    const names = options.map((o) => o.title ?? '');
    return {
      enumSchema: {
        ...described,
        enumList: options.map((o) => o.const),
        enumNames: names.some(Boolean) ? names : [],
        singleSelect: defined({ defaultItem: schema.default }),
      },
    };
  }
  if (schema.type === 'string') {
    return {
      stringSchema: defined({ ...described, minLength: schema.minLength, maxLength: schema.maxLength, format: FORMATS[schema.format] }),
    };
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    const range = defined({ minimum: schema.minimum, maximum: schema.maximum });
    return { numberSchema: { ...described, ...(schema.type === 'integer' ? { integerRange: range } : { doubleRange: range }) } };
  }
  if (schema.type === 'boolean') return { booleanSchema: defined({ ...described, default: schema.default }) };
  throw new Error(`the test server cannot put a ${schema.type} property in an elicitation over gRPC`);
}

/** An MCP input request as the binding's dependent request. */
function dependentRequest({ method, params }) {
  if (method === 'elicitation/create') {
    const { properties = {}, required = [] } = params.requestedSchema ?? {};
    return {
      elicitRequest: {
        message: params.message,
        requestedSchema: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, property(v)])),
        requiredFields: required,
      },
    };
  }
  if (method === 'sampling/createMessage') {
    const messages = params.messages.flatMap((m) =>
      (Array.isArray(m.content) ? m.content : [m.content]).map((c) => ({ role: ROLES[m.role], ...content(c) })),
    );
    return {
      samplingCreateMessage: defined({
        messages,
        systemPrompt: params.systemPrompt,
        maxTokens: params.maxTokens,
        temperature: params.temperature,
        stopSequence: params.stopSequences,
      }),
    };
  }
  if (method === 'roots/list') return { listRootsRequest: {} };
  throw new Error(`no dependent request for ${method}`);
}

/** A dependent response of the binding as the MCP result it answers with. */
function inputResponse(response) {
  if (response.elicitResult) {
    const action = { TYPE_ACCEPT: 'accept', TYPE_DECLINE: 'decline' }[response.elicitResult.type] ?? 'cancel';
    return defined({ action, content: fromStruct(response.elicitResult.content) });
  }
  if (response.samplingCreateMessageResult) {
    const { message = {}, model, stopReason } = response.samplingCreateMessageResult;
    return defined({ role: roleName(message.role), content: contentOf(message), model, stopReason: stopReason || undefined });
  }
  if (response.rootListResult)
    return { roots: (response.rootListResult.roots ?? []).map((r) => defined({ uri: r.uri, name: r.name || undefined })) };
  return {};
}

/** `_meta`, `inputResponses` and `requestState` of the MCP request, from the binding's RequestFields. */
function requestFields(common = {}) {
  const out = {};
  if (common.metadata) out._meta = fromStruct(common.metadata);
  const responses = Object.entries(common.dependentResponses ?? {});
  if (responses.length > 0) out.inputResponses = Object.fromEntries(responses.map(([k, v]) => [k, inputResponse(v)]));
  const state = fromStruct(common.resumeData)?.state;
  if (typeof state === 'string') out.requestState = state;
  return out;
}

/** The binding's ResponseFields of an MCP result. */
function responseFields(result, instructions) {
  return defined({
    instructions,
    metadata: toStruct(result._meta),
    dependentRequests:
      result.resultType === 'input_required'
        ? Object.fromEntries(Object.entries(result.inputRequests ?? {}).map(([k, v]) => [k, dependentRequest(v)]))
        : undefined,
    resumeData: typeof result.requestState === 'string' ? toStruct({ state: result.requestState }) : undefined,
  });
}

const ttl = (result) =>
  typeof result.ttlMs === 'number' ? { ttl: { seconds: Math.floor(result.ttlMs / 1000), nanos: (result.ttlMs % 1000) * 1e6 } } : {};
const tool = (t) =>
  defined({
    name: t.name,
    title: t.title,
    description: t.description,
    inputSchema: toStruct(t.inputSchema),
    outputSchema: toStruct(t.outputSchema),
    annotations: t.annotations && defined({ ...t.annotations }),
  });
const prompt = (p) =>
  defined({ name: p.name, title: p.title, description: p.description, arguments: (p.arguments ?? []).map((a) => defined(a)) });
const template = (t) =>
  defined({
    uriTemplate: t.uriTemplate,
    name: t.name,
    title: t.title,
    description: t.description,
    mimeType: t.mimeType,
    annotations: annotations(t.annotations),
  });

/**
 * Each rpc of the binding: its MCP method, the routing metadata the client must set, the MCP
 * params of a request and the response of an MCP result.
 */
export const RPCS = {
  ListTools: { method: 'tools/list', params: () => ({}), response: (r) => ({ tools: r.tools.map(tool), ...ttl(r) }) },
  CallTool: {
    method: 'tools/call',
    routing: (p) => ['mcp_tool', p.name],
    params: (q) => ({ name: q.request?.name ?? '', arguments: fromStruct(q.request?.arguments) ?? {} }),
    response: (r) =>
      defined({
        content: (r.content ?? []).map(content),
        structuredContent: toStruct(r.structuredContent),
        isError: r.isError || undefined,
      }),
  },
  ListResources: { method: 'resources/list', params: () => ({}), response: (r) => ({ resources: r.resources.map(resource), ...ttl(r) }) },
  ListResourceTemplates: {
    method: 'resources/templates/list',
    params: () => ({}),
    response: (r) => ({ resourceTemplates: r.resourceTemplates.map(template), ...ttl(r) }),
  },
  ReadResource: {
    method: 'resources/read',
    routing: (p) => ['mcp_resource', p.uri],
    params: (q) => ({ uri: q.uri }),
    response: (r) => ({ resource: r.contents.map(contents) }),
  },
  ListPrompts: { method: 'prompts/list', params: () => ({}), response: (r) => ({ prompts: r.prompts.map(prompt), ...ttl(r) }) },
  GetPrompt: {
    method: 'prompts/get',
    routing: (p) => ['mcp_prompt', p.name],
    params: (q) => ({ name: q.name, arguments: q.arguments ?? {} }),
    response: (r) =>
      defined({ description: r.description, messages: r.messages.map((m) => ({ role: ROLES[m.role], ...content(m.content) })) }),
  },
  Complete: {
    method: 'completion/complete',
    routing: (p) => ['mcp_resource', p.ref.type === 'ref/resource' ? p.ref.uri : p.ref.name],
    params: (q) => ({
      ref: q.resourceReference
        ? { type: 'ref/resource', uri: q.resourceReference.uri }
        : { type: 'ref/prompt', name: q.promptReference?.name ?? '' },
      argument: { name: q.argument?.name ?? '', value: q.argument?.value ?? '' },
      ...(q.context ? { context: { arguments: q.context.arguments ?? {} } } : {}),
    }),
    response: (r) => defined({ values: r.completion.values, totalMatches: r.completion.total, hasMore: r.completion.hasMore }),
  },
};

/** The MCP params of a call of `rpc`. */
export function paramsOf(rpc, request) {
  return { ...RPCS[rpc].params(request), ...requestFields(request.common) };
}

/** The response of `rpc` for an MCP result. */
export function responseOf(rpc, result, instructions) {
  return { ...RPCS[rpc].response(result), common: responseFields(result, instructions) };
}
