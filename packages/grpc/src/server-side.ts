import { create, type Message } from '@bufbuild/protobuf';
import { requestFieldsFromProto, responseFieldsToProto } from './codec/fields.js';
import type { Json } from './codec/json.js';
import type { Route } from './routes.js';

/** The params of the MCP request a call of `route` carries: its fields, then `_meta`, `inputResponses` and `requestState` from `common`. */
export function paramsOfCall(route: Route, request: Message): Json {
  const common = (request as Message & { common?: Parameters<typeof requestFieldsFromProto>[0] }).common;
  return { ...route.decodeParams(request), ...requestFieldsFromProto(common) };
}

/** The response of `route` for an MCP result (`input_required` ones as `dependent_requests`), with `instructions` when given. */
export function responseOfResult(route: Route, result: Json, instructions?: string): Message {
  return create(route.output, { ...route.encodeResult(result), common: responseFieldsToProto(result, instructions) });
}
