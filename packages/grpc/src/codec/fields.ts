import { create } from '@bufbuild/protobuf';
import type { Duration } from '@bufbuild/protobuf/wkt';
import { RequestFieldsSchema, ResponseFieldsSchema, type RequestFields, type ResponseFields } from '../gen/mcp_messages_pb.js';
import { inputRequestFromProto, inputRequestToProto, inputResponseFromProto, inputResponseToProto } from './input.js';
import { objectOf, stringOf, structOf, type Json, type JsonObject } from './json.js';
import { BindingViolation } from './violation.js';

/** The key of `resume_data` under which the server side of this mapping keeps an MCP `requestState`. */
const STATE_KEY = 'requestState';

export { BindingViolation } from './violation.js';

/**
 * The method an MCP input response answers, from its shape: the modern era's `inputResponses`
 * are keyed like the requests but do not repeat their method, and the binding needs it.
 */
function answeredMethod(key: string, result: Json): string {
  if (typeof result.action === 'string') return 'elicitation/create';
  if (Array.isArray(result.roots)) return 'roots/list';
  if (typeof result.model === 'string' || result.role !== undefined) return 'sampling/createMessage';
  throw new BindingViolation(`the answer to input request "${key}" is neither a sampling, an elicitation nor a roots result`);
}

/** A modern request's `_meta`, `inputResponses` and `requestState` as the binding's `RequestFields`. */
export function requestFieldsToProto(params: Json): RequestFields {
  const metadata = structOf(params._meta);
  const responses = Object.entries(objectOf(params.inputResponses) ?? {}).map(([key, result]) => {
    const json = objectOf(result) ?? {};
    return [key, inputResponseToProto(answeredMethod(key, json), json)] as const;
  });
  let resumeData: JsonObject | undefined;
  if (typeof params.requestState === 'string') {
    const parsed: unknown = JSON.parse(params.requestState);
    resumeData = structOf(parsed);
  }
  return create(RequestFieldsSchema, {
    ...(metadata === undefined ? {} : { metadata }),
    dependentResponses: Object.fromEntries(responses),
    ...(resumeData === undefined ? {} : { resumeData }),
  });
}

/** The binding's `RequestFields` as a modern request's `_meta`, `inputResponses` and `requestState` (the server side). */
export function requestFieldsFromProto(common: RequestFields | undefined): Json {
  if (common === undefined) return {};
  const out: Json = {};
  if (common.metadata !== undefined) out._meta = common.metadata;
  const responses = Object.entries(common.dependentResponses);
  if (responses.length > 0) out.inputResponses = Object.fromEntries(responses.map(([key, value]) => [key, inputResponseFromProto(value)]));
  const state = common.resumeData?.[STATE_KEY];
  if (typeof state === 'string') out.requestState = state;
  return out;
}

/**
 * What the binding's `ResponseFields` add to a result: `_meta` from `metadata`, and, when it has
 * `dependent_requests`, `resultType: 'input_required'` with `inputRequests` and the `resume_data`
 * as an opaque `requestState` (its JSON text, parsed back when the retry is sent).
 */
export function responseFieldsFromProto(common: ResponseFields | undefined): Json {
  if (common === undefined) return {};
  const out: Json = {};
  if (common.metadata !== undefined) out._meta = common.metadata;
  const dependent = Object.entries(common.dependentRequests);
  if (dependent.length > 0) {
    const inputRequests: Json = {};
    for (const [key, request] of dependent) {
      const named = inputRequestFromProto(request);
      if (named === undefined) throw new BindingViolation(`dependent request "${key}" sets none of the fields this client knows`);
      inputRequests[key] = named;
    }
    out.resultType = 'input_required';
    out.inputRequests = inputRequests;
    // The binding: dependent_requests alone say the request is incomplete; resume_data rides along.
    if (common.resumeData !== undefined) out.requestState = JSON.stringify(common.resumeData);
  }
  return out;
}

/** A modern result's `_meta`, `inputRequests` and `requestState` as the binding's `ResponseFields` (the server side). */
export function responseFieldsToProto(result: Json, instructions?: string): ResponseFields {
  const metadata = structOf(result._meta);
  const requests = Object.entries(objectOf(result.inputRequests) ?? {}).map(([key, request]) => {
    const json = objectOf(request) ?? {};
    return [key, inputRequestToProto({ method: stringOf(json.method), params: objectOf(json.params) ?? {} })] as const;
  });
  return create(ResponseFieldsSchema, {
    ...(instructions === undefined ? {} : { instructions }),
    ...(metadata === undefined ? {} : { metadata }),
    dependentRequests: Object.fromEntries(requests),
    ...(typeof result.requestState === 'string' ? { resumeData: { [STATE_KEY]: result.requestState } } : {}),
  });
}

/** Milliseconds of a list result's `ttl`, as MCP's `ttlMs` cache hint; undefined when the server sent none. */
export function ttlMsOf(ttl: Duration | undefined): number | undefined {
  if (ttl === undefined) return undefined;
  return Number(ttl.seconds) * 1000 + Math.floor(ttl.nanos / 1_000_000);
}

/** A `ttlMs` cache hint as the binding's `ttl` (the server side). */
export function ttlOf(ttlMs: unknown): { ttl: { seconds: bigint; nanos: number } } | undefined {
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs < 0) return undefined;
  return { ttl: { seconds: BigInt(Math.floor(ttlMs / 1000)), nanos: (ttlMs % 1000) * 1_000_000 } };
}
