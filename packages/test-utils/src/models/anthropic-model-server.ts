import type { ServerResponse } from 'node:http';
import { openSse, replyJson, startFakeHttpServer, type RecordedRequest } from '../http/fake-http-server.js';
import { anthropicRequestProblem } from './anthropic-request-rules.js';
import { anthropicStreamEvents } from './anthropic-stream.js';

/** A content block of a scripted answer; a tool use without `id` gets `toolu_<turn>_<index>`. */
export type ScriptedBlock =
  { type: 'text'; text: string } | { type: 'tool_use'; id?: string; name: string; input: Record<string, unknown> };

/** A scripted assistant message. */
export interface ScriptedMessage {
  content: ScriptedBlock[];
  /** @default 'tool_use' when the content has a tool use, else 'end_turn' */
  stop_reason?: string;
}

/** A scripted HTTP error, such as a 429 with `retry-after`. */
export interface ScriptedError {
  status: number;
  headers?: Record<string, string>;
  /** The Messages API error type. @default 'api_error' */
  errorType?: string;
  message?: string;
}

/** One scripted turn: a message or an error, or a function of the request returning one (or never resolving, to hold the request open). */
export type ScriptedTurn =
  ScriptedMessage | ScriptedError | ((request: ModelRequest) => ScriptedMessage | ScriptedError | Promise<ScriptedMessage | ScriptedError>);

/** A `POST /v1/messages` the server got, its JSON body parsed. */
export interface ModelRequest extends RecordedRequest {
  /** The Messages API request body. */
  params: {
    model: string;
    max_tokens: number;
    stream?: boolean;
    system?: unknown;
    messages: Array<{ role: string; content: unknown }>;
    tools?: Array<{ name: string; description?: string; input_schema: Record<string, unknown> }>;
    [key: string]: unknown;
  };
}

/** The Messages API's `Message` as the server sends it. */
export interface AnthropicMessageBody {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: Array<
    { type: 'text'; text: string; citations: null } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }
  >;
  stop_reason: string;
  stop_sequence: null;
  usage: { input_tokens: number; output_tokens: number; cache_creation_input_tokens: null; cache_read_input_tokens: null };
}

/** A loopback server speaking the Anthropic Messages API from scripted turns. */
export interface AnthropicModelServer {
  /** The base URL to give the SDK (`baseURL`, or `ANTHROPIC_BASE_URL`). */
  readonly baseURL: string;
  /** Every `POST /v1/messages` received, in order (retries included). */
  readonly requests: ModelRequest[];
  /** Adds turns to the script. */
  script(...turns: ScriptedTurn[]): void;
  close(): Promise<void>;
}

function isError(turn: ScriptedMessage | ScriptedError): turn is ScriptedError {
  return 'status' in turn;
}

function messageBody(turn: ScriptedMessage, model: string, number: number): AnthropicMessageBody {
  const content = turn.content.map((block, index) =>
    block.type === 'text'
      ? { type: 'text' as const, text: block.text, citations: null }
      : { type: 'tool_use' as const, id: block.id ?? `toolu_${number}_${index}`, name: block.name, input: block.input },
  );
  return {
    id: `msg_${number}`,
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: turn.stop_reason ?? (content.some((block) => block.type === 'tool_use') ? 'tool_use' : 'end_turn'),
    stop_sequence: null,
    usage: { input_tokens: 10, output_tokens: 5, cache_creation_input_tokens: null, cache_read_input_tokens: null },
  };
}

function reply(response: ServerResponse, request: ModelRequest, turn: ScriptedMessage | ScriptedError, number: number): void {
  if (isError(turn)) {
    const body = { type: 'error', error: { type: turn.errorType ?? 'api_error', message: turn.message ?? `scripted ${turn.status}` } };
    replyJson(response, body, turn.status, turn.headers);
    return;
  }
  const message = messageBody(turn, request.params.model, number);
  if (request.params.stream !== true) return replyJson(response, message);
  openSse(response);
  response.end(anthropicStreamEvents(message));
}

/**
 * Starts a server on 127.0.0.1 and a free port that answers `POST /v1/messages` (JSON or, when
 * the request says `stream: true`, SSE events) with the scripted turns in order, one a request;
 * a request past the script gets a 500 naming the problem. A request that breaks a documented rule
 * of the API (see `anthropicRequestProblem`) gets the API's 400 `invalid_request_error` and uses
 * no turn of the script.
 */
export async function startAnthropicModelServer(...turns: ScriptedTurn[]): Promise<AnthropicModelServer> {
  const script = [...turns];
  const requests: ModelRequest[] = [];
  let answered = 0;
  const server = await startFakeHttpServer(async (recorded, response) => {
    if (recorded.method !== 'POST' || recorded.path.split('?')[0] !== '/v1/messages') {
      replyJson(
        response,
        { type: 'error', error: { type: 'not_found_error', message: `no route ${recorded.method} ${recorded.path}` } },
        404,
      );
      return;
    }
    const request = { ...recorded, params: recorded.json as ModelRequest['params'] };
    requests.push(request);
    const problem = anthropicRequestProblem(request.params);
    if (problem !== undefined) {
      replyJson(response, { type: 'error', error: { type: 'invalid_request_error', message: problem } }, 400);
      return;
    }
    const next = script.shift();
    const number = ++answered;
    if (next === undefined) {
      replyJson(
        response,
        { type: 'error', error: { type: 'api_error', message: `the script has no turn left for request ${number}` } },
        500,
      );
      return;
    }
    reply(response, request, typeof next === 'function' ? await next(request) : next, number);
  });
  return {
    baseURL: server.origin,
    requests,
    script: (...more) => void script.push(...more),
    close: () => server.close(),
  };
}
