import { create } from '@bufbuild/protobuf';
import {
  ElicitResult_Type as ElicitType,
  SamplingCreateMessageRequest_IncludeContext as IncludeContext,
  SamplingMessageSchema,
  ServerInitiatedRequestSchema,
  ServerInitiatedResponseSchema,
  type SamplingMessage,
  type ServerInitiatedRequest,
  type ServerInitiatedResponse,
} from '../gen/mcp_messages_pb.js';
import { contentFromProto, contentToProto, roleName, roleOf } from './content.js';
import { propertyFromProto, propertyToProto } from './elicit-schema.js';
import { numberOf, objectOf, present, stringOf, structOf, type Json } from './json.js';
import { BindingViolation } from './violation.js';

/** A server-to-client request as the modern era carries it in `inputRequests`. */
export interface InputRequest {
  method: string;
  params: Json;
}

const INCLUDE_CONTEXT: Readonly<Record<string, IncludeContext>> = {
  none: IncludeContext.NONE,
  thisServer: IncludeContext.THIS_SERVER,
  allServers: IncludeContext.ALL_SERVERS,
};
const ELICIT_ACTIONS: Readonly<Record<string, ElicitType>> = {
  accept: ElicitType.TYPE_ACCEPT,
  decline: ElicitType.TYPE_DECLINE,
  cancel: ElicitType.TYPE_CANCEL,
};

/** The sampling messages of one MCP message (a content array becomes one binding message a block). */
function samplingMessagesToProto(message: unknown): SamplingMessage[] {
  const json = objectOf(message) ?? {};
  const blocks = Array.isArray(json.content) ? json.content : [json.content];
  return blocks.map((block) => create(SamplingMessageSchema, { role: roleOf(json.role), ...contentToProto(block) }));
}

function samplingMessageFromProto(message: SamplingMessage | undefined): Json {
  return {
    role: roleName(message?.role ?? 0),
    content: message === undefined ? { type: 'text', text: '' } : (contentFromProto(message) ?? {}),
  };
}

/** A dependent request of the binding as an MCP input request; undefined for one it cannot name. */
export function inputRequestFromProto(request: ServerInitiatedRequest): InputRequest | undefined {
  const sampling = request.samplingCreateMessage;
  if (sampling !== undefined) {
    const preferences = sampling.modelPreferences;
    const includeContext = Object.entries(INCLUDE_CONTEXT).find(([, value]) => value === sampling.includeContext)?.[0];
    return {
      method: 'sampling/createMessage',
      params: present({
        messages: sampling.messages.map(samplingMessageFromProto),
        modelPreferences:
          preferences === undefined
            ? undefined
            : present({
                hints: preferences.hints.map((hint) => present({ name: hint.name })),
                intelligencePriority: preferences.intelligencePriority,
                speedPriority: preferences.speedPriority,
                costPriority: preferences.costPriority,
              }),
        systemPrompt: sampling.systemPrompt,
        includeContext: sampling.includeContext === IncludeContext.NONE ? undefined : includeContext,
        temperature: sampling.temperature,
        maxTokens: sampling.maxTokens,
        stopSequences: sampling.stopSequence,
      }),
    };
  }
  const elicit = request.elicitRequest;
  if (elicit !== undefined) {
    const properties = Object.fromEntries(
      Object.entries(elicit.requestedSchema).map(([name, schema]) => [name, propertyFromProto(schema)]),
    );
    const requestedSchema = { type: 'object', properties, ...present({ required: elicit.requiredFields }) };
    return { method: 'elicitation/create', params: { mode: 'form', message: elicit.message, requestedSchema } };
  }
  if (request.listRootsRequest !== undefined) return { method: 'roots/list', params: {} };
  return undefined;
}

/** An MCP input request as the binding's dependent request (the server side of the mapping). */
export function inputRequestToProto(request: InputRequest): ServerInitiatedRequest {
  const { params } = request;
  switch (request.method) {
    case 'sampling/createMessage': {
      const preferences = objectOf(params.modelPreferences);
      const temperature = numberOf(params.temperature);
      const priority = (key: string): Json => {
        const value = numberOf(preferences?.[key]);
        return value === undefined ? {} : { [key]: value };
      };
      return create(ServerInitiatedRequestSchema, {
        samplingCreateMessage: {
          messages: Array.isArray(params.messages) ? params.messages.flatMap(samplingMessagesToProto) : [],
          ...(preferences === undefined
            ? {}
            : {
                modelPreferences: {
                  hints: Array.isArray(preferences.hints)
                    ? preferences.hints.map((hint) => ({ name: stringOf(objectOf(hint)?.name) }))
                    : [],
                  ...priority('intelligencePriority'),
                  ...priority('speedPriority'),
                  ...priority('costPriority'),
                },
              }),
          systemPrompt: stringOf(params.systemPrompt),
          includeContext: INCLUDE_CONTEXT[stringOf(params.includeContext)] ?? IncludeContext.NONE,
          ...(temperature === undefined ? {} : { temperature }),
          maxTokens: numberOf(params.maxTokens) ?? 0,
          stopSequence: Array.isArray(params.stopSequences) ? params.stopSequences.map((item) => stringOf(item)) : [],
        },
      });
    }
    case 'elicitation/create': {
      const schema = objectOf(params.requestedSchema) ?? {};
      const properties = Object.entries(objectOf(schema.properties) ?? {}).flatMap(([name, property]) => {
        const converted = propertyToProto(property);
        return converted === undefined ? [] : [[name, converted] as const];
      });
      return create(ServerInitiatedRequestSchema, {
        elicitRequest: {
          message: stringOf(params.message),
          requestedSchema: Object.fromEntries(properties),
          requiredFields: Array.isArray(schema.required) ? schema.required.map((item) => stringOf(item)) : [],
        },
      });
    }
    case 'roots/list':
      return create(ServerInitiatedRequestSchema, { listRootsRequest: {} });
    default:
      throw new Error(`the gRPC binding of MCP has no dependent request for ${request.method}`);
  }
}

/** The client's answer to an input request as the binding's dependent response. */
export function inputResponseToProto(method: string, result: unknown): ServerInitiatedResponse {
  const json = objectOf(result) ?? {};
  switch (method) {
    case 'sampling/createMessage': {
      const blocks = Array.isArray(json.content) ? json.content : [json.content];
      if (blocks.length !== 1)
        throw new BindingViolation(
          `the sampling answer has ${blocks.length} content blocks, but the binding's SamplingMessage carries exactly one; answer with a single block`,
        );
      if (contentToProto(blocks[0]) === undefined)
        throw new BindingViolation(
          `the sampling answer's ${JSON.stringify(objectOf(blocks[0])?.type ?? typeof blocks[0])} content block has no place in the binding's SamplingMessage (text, image, audio, resource, resource_link)`,
        );
      const [message] = samplingMessagesToProto(json);
      return create(ServerInitiatedResponseSchema, {
        samplingCreateMessageResult: {
          ...(message === undefined ? {} : { message }),
          model: stringOf(json.model),
          stopReason: stringOf(json.stopReason),
        },
      });
    }
    case 'elicitation/create': {
      const content = structOf(json.content);
      return create(ServerInitiatedResponseSchema, {
        elicitResult: { type: ELICIT_ACTIONS[stringOf(json.action)] ?? ElicitType.UNKNOWN, ...(content === undefined ? {} : { content }) },
      });
    }
    case 'roots/list': {
      const roots = Array.isArray(json.roots) ? json.roots.map((root) => objectOf(root) ?? {}) : [];
      return create(ServerInitiatedResponseSchema, {
        rootListResult: { roots: roots.map((root) => ({ uri: stringOf(root.uri), name: stringOf(root.name) })) },
      });
    }
    default:
      throw new Error(`the gRPC binding of MCP has no dependent response for ${method}`);
  }
}

/** A dependent response of the binding as the MCP result it carries (the server side of the mapping). */
export function inputResponseFromProto(response: ServerInitiatedResponse): Json {
  const sampling = response.samplingCreateMessageResult;
  if (sampling !== undefined) {
    return { ...samplingMessageFromProto(sampling.message), model: sampling.model, ...present({ stopReason: sampling.stopReason }) };
  }
  const elicit = response.elicitResult;
  if (elicit !== undefined) {
    const action = Object.entries(ELICIT_ACTIONS).find(([, value]) => value === elicit.type)?.[0] ?? 'cancel';
    return { action, ...(elicit.content === undefined ? {} : { content: elicit.content }) };
  }
  const roots = response.rootListResult;
  if (roots !== undefined) return { roots: roots.roots.map((root) => present({ uri: root.uri, name: root.name })) };
  return {};
}
