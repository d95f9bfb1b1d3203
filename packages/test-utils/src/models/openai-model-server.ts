import type { ServerResponse } from 'node:http';
import { openSse, replyJson, startFakeHttpServer, type RecordedRequest } from '../http/fake-http-server.js';
import { chatCompletionBody, responseBody, type OpenAIScriptedMessage } from './openai-bodies.js';
import { openaiChatRequestProblem, openaiResponsesRequestProblem } from './openai-request-rules.js';
import { chatCompletionChunks, responseEvents } from './openai-streams.js';

/** A scripted HTTP error, such as a 429 with `retry-after`. */
export interface OpenAIScriptedError {
  /** The HTTP status of the answer. */
  status: number;
  /** Headers of the answer, such as `retry-after`. @default none */
  headers?: Record<string, string>;
  /** The error's `type`. @default 'server_error' */
  errorType?: string;
  /** The error's `code`. @default null */
  code?: string;
  /** The error's `message`. @default `scripted <status>` */
  message?: string;
}

/** One scripted turn: an answer or an error, or a function of the request returning one (or never resolving, to hold the request open). */
export type OpenAIScriptedTurn =
  | OpenAIScriptedMessage
  | OpenAIScriptedError
  | ((request: OpenAIModelRequest) => OpenAIScriptedMessage | OpenAIScriptedError | Promise<OpenAIScriptedMessage | OpenAIScriptedError>);

/** A request the server got, its JSON body parsed. */
export interface OpenAIModelRequest extends RecordedRequest {
  /** Which API was asked: `POST /v1/chat/completions` or `POST /v1/responses`. */
  api: 'chat' | 'responses';
  /** The request body. */
  params: {
    model: string;
    stream?: boolean;
    messages?: Array<Record<string, unknown> & { role: string; content?: unknown }>;
    input?: string | Array<Record<string, unknown>>;
    tools?: Array<Record<string, unknown>>;
    [key: string]: unknown;
  };
}

/** A loopback server speaking OpenAI's Chat Completions and Responses APIs from scripted turns. */
export interface OpenAIModelServer {
  /** The base URL to give the SDK (`baseURL`, or `OPENAI_BASE_URL`): the origin and `/v1`. */
  readonly baseURL: string;
  /** Every request to either API, in order (retries included). */
  readonly requests: OpenAIModelRequest[];
  /** Adds turns to the script. */
  script(...turns: OpenAIScriptedTurn[]): void;
  close(): Promise<void>;
}

const ROUTES: Readonly<Record<string, 'chat' | 'responses'>> = { '/v1/chat/completions': 'chat', '/v1/responses': 'responses' };

function isError(turn: OpenAIScriptedMessage | OpenAIScriptedError): turn is OpenAIScriptedError {
  return 'status' in turn;
}

function replyError(
  response: ServerResponse,
  status: number,
  message: string,
  type: string,
  code: string | null = null,
  headers = {},
): void {
  replyJson(response, { error: { message, type, param: null, code } }, status, headers);
}

function reply(
  response: ServerResponse,
  request: OpenAIModelRequest,
  turn: OpenAIScriptedMessage | OpenAIScriptedError,
  number: number,
): void {
  if (isError(turn))
    return replyError(
      response,
      turn.status,
      turn.message ?? `scripted ${turn.status}`,
      turn.errorType ?? 'server_error',
      turn.code ?? null,
      turn.headers,
    );
  const streamed = request.params.stream === true;
  if (request.api === 'chat') {
    const completion = chatCompletionBody(turn, request.params.model, number);
    if (!streamed) return replyJson(response, completion);
    const includeUsage = (request.params.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true;
    openSse(response);
    response.end(chatCompletionChunks(completion, includeUsage));
    return;
  }
  const body = responseBody(turn, request.params, number);
  if (!streamed) return replyJson(response, body);
  openSse(response);
  response.end(responseEvents(body));
}

/**
 * Starts a server on 127.0.0.1 and a free port that answers `POST /v1/chat/completions` and
 * `POST /v1/responses` (JSON or, with `stream: true`, SSE in each API's own chunks and events)
 * with the scripted turns in order, one a request, whichever API asks. A request past the script
 * gets a 500 naming the problem. A request that breaks a documented rule of its API (see
 * `openaiChatRequestProblem` and `openaiResponsesRequestProblem`) gets the API's 400
 * `invalid_request_error` and uses no turn of the script.
 */
export async function startOpenAIModelServer(...turns: OpenAIScriptedTurn[]): Promise<OpenAIModelServer> {
  const script = [...turns];
  const requests: OpenAIModelRequest[] = [];
  let answered = 0;
  const server = await startFakeHttpServer(async (recorded, response) => {
    const api = recorded.method === 'POST' ? ROUTES[recorded.path.split('?')[0]!] : undefined;
    if (api === undefined) return replyError(response, 404, `Invalid URL (${recorded.method} ${recorded.path})`, 'invalid_request_error');
    const request: OpenAIModelRequest = { ...recorded, api, params: recorded.json as OpenAIModelRequest['params'] };
    requests.push(request);
    const problem = api === 'chat' ? openaiChatRequestProblem(request.params) : openaiResponsesRequestProblem(request.params);
    if (problem !== undefined) return replyError(response, 400, problem, 'invalid_request_error');
    const next = script.shift();
    const number = ++answered;
    if (next === undefined) return replyError(response, 500, `the script has no turn left for request ${number}`, 'server_error');
    reply(response, request, typeof next === 'function' ? await next(request) : next, number);
  });
  return {
    baseURL: `${server.origin}/v1`,
    requests,
    script: (...more) => void script.push(...more),
    close: () => server.close(),
  };
}
