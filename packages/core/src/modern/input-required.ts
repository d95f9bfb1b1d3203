import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { InboundRequestContext } from '../jsonrpc/dispatch.js';
import { isObject } from '../validation/guards.js';
import { answerElicitation } from '../client/answer-elicitation.js';
import { answerSampling } from '../client/answer-sampling.js';
import type { McpClientOptions } from '../client/options.js';
import { loadSchemas } from '../client/schema-loader.js';
import type { ElicitRequestParams } from '../types/index.js';

/** The methods whose results may be `input_required` (2026-07-28). */
export const INPUT_REQUIRED_METHODS: ReadonlySet<string> = new Set(['tools/call', 'prompts/get', 'resources/read']);

/** The most rounds of `input_required` one request may go through. */
export const DEFAULT_MAX_INPUT_ROUNDS = 10;

type Send = (params: Record<string, unknown>) => Promise<Record<string, unknown>>;
/** The client options that answer input requests. */
export type InputHandlers = Pick<McpClientOptions, 'sampling' | 'samplingTools' | 'elicitation' | 'urlElicitation' | 'roots'>;
type Handlers = InputHandlers;

/** Where a request of the multi round-trip pattern goes, and how many rounds it may take. */
export interface InputRoundsContext {
  /** The method of the request, for errors. */
  method: string;
  /** The server's name, for errors. */
  server: string | undefined;
  /** Aborts the handlers answering the server's input requests. */
  signal: AbortSignal | undefined;
  /** The most rounds the request may take. */
  maxRounds: number;
}

/**
 * Runs the rest of a request of the multi round-trip pattern, after a first answer that asked
 * for input (`first.resultType` is `input_required`): its `inputRequests` go to the same
 * handlers the legacy era uses, and the request is sent again (with a new id) carrying
 * `inputResponses` and the server's `requestState`, until an answer asks for nothing more.
 */
export async function inputRounds(
  send: Send,
  params: Record<string, unknown>,
  handlers: Handlers,
  context: InputRoundsContext,
  first: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const where = { server: context.server, method: context.method };
  let result = first;
  for (let round = 1; result.resultType === 'input_required'; round++) {
    if (round > context.maxRounds) {
      throw new InvalidResponseError(
        `the server still asked for input after ${context.maxRounds} rounds; giving up (raise \`maxInputRounds\` if that is expected)`,
        where,
      );
    }
    const { inputRequests, requestState } = result;
    if (inputRequests === undefined && requestState === undefined) {
      throw new InvalidResponseError('an input_required result must carry inputRequests or requestState', where);
    }
    const inputResponses = isObject(inputRequests) ? await answerInputRequests(inputRequests, handlers, context.signal, where) : undefined;
    const retry: Record<string, unknown> = { ...params };
    if (inputResponses !== undefined) retry.inputResponses = inputResponses;
    if (requestState !== undefined) retry.requestState = requestState;
    result = await send(retry);
  }
  return result;
}

/**
 * Answers the server-to-client requests of an `inputRequests` map with the client's handlers; resolves
 * with the `inputResponses` map, keyed the same. The tasks extension answers a task's input with it.
 */
export async function answerInputRequests(
  requests: Record<string, unknown>,
  handlers: Handlers,
  signal: AbortSignal | undefined,
  where: { server: string | undefined; method: string },
): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    Object.entries(requests).map(async ([key, request]) => {
      if (!isObject(request) || typeof request.method !== 'string') {
        throw new InvalidResponseError(`input request "${key}" is not a request object`, where);
      }
      const params = isObject(request.params) ? request.params : {};
      const context: InboundRequestContext = {
        requestId: key,
        inputKey: key,
        method: request.method,
        signal: signal ?? new AbortController().signal,
        meta: undefined,
        server: where.server,
      };
      return [key, await answerOne(request.method, params, handlers, context, where)] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function answerOne(
  method: string,
  params: Record<string, unknown>,
  handlers: Handlers,
  context: InboundRequestContext,
  where: { server: string | undefined; method: string },
): Promise<unknown> {
  const missingHandler = (what: string): InvalidResponseError =>
    new InvalidResponseError(`the server asked for ${method}, but this client has no ${what} handler and did not declare it`, where);
  switch (method) {
    case 'elicitation/create': {
      const parsed = (await loadSchemas()).ModernElicitRequestParamsSchema.safeParse(params);
      if (!parsed.success)
        throw new InvalidResponseError(`the server's elicitation/create input request is invalid: ${parsed.error.message}`, where);
      // A URL elicitation has no elicitationId in 2026-07-28: the client answers, the server learns the outcome on the retry.
      const missing = (mode: string): InvalidResponseError => missingHandler(mode === 'url' ? 'urlElicitation' : 'elicitation');
      return answerElicitation(parsed.data as ElicitRequestParams, { handlers, context, completions: undefined, missing });
    }
    case 'sampling/createMessage': {
      if (!handlers.sampling) throw missingHandler('sampling');
      const schemas = await loadSchemas();
      const pair = { params: schemas.ModernCreateMessageRequestParamsSchema, result: schemas.ModernCreateMessageResultSchema };
      return answerSampling(params, { handler: handlers.sampling, tools: handlers.samplingTools === true, context, schemas: pair });
    }
    case 'roots/list':
      if (!handlers.roots) throw missingHandler('roots');
      return { roots: await handlers.roots(context) };
    default:
      throw new InvalidResponseError(`the server asked for input with an unknown method "${method}"`, where);
  }
}
