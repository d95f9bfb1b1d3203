/** A function call of a scripted OpenAI turn; without `id` it gets `call_<turn>_<index>`. */
export interface OpenAIScriptedCall {
  /** The call's id. @default `call_<turn>_<index>` */
  id?: string;
  /** The function's name. */
  name: string;
  /** The arguments: an object is sent as its JSON text, a string as it is (to script invalid JSON). */
  arguments: Record<string, unknown> | string;
}

/** A scripted OpenAI answer, for Chat Completions and the Responses API alike. */
export interface OpenAIScriptedMessage {
  /** The answer's text. @default none */
  text?: string;
  /** The model refuses, with this text (Chat `refusal`, Responses refusal content). @default none */
  refusal?: string;
  /** Function calls. @default none */
  toolCalls?: OpenAIScriptedCall[];
  /** Chat `finish_reason` (`'length'` makes a response `incomplete`, `max_output_tokens`). @default 'tool_calls' with calls, else 'stop' */
  finish?: 'stop' | 'length' | 'content_filter' | 'tool_calls';
}

/** Chat Completions' `chat.completion` body. */
export interface ChatCompletionBody {
  id: string;
  object: 'chat.completion';
  created: number;
  model: string;
  choices: Array<{
    index: number;
    message: {
      role: 'assistant';
      content: string | null;
      refusal: string | null;
      annotations: [];
      tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
    };
    logprobs: null;
    finish_reason: string;
  }>;
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}

/** An output item of a Responses API `response`. */
export type ResponseOutputBody =
  | {
      id: string;
      type: 'message';
      role: 'assistant';
      status: 'completed' | 'incomplete';
      content: Array<{ type: 'output_text'; text: string; annotations: []; logprobs: [] } | { type: 'refusal'; refusal: string }>;
    }
  | { id: string; type: 'function_call'; call_id: string; name: string; arguments: string; status: 'completed' };

/** The Responses API's `response` body. */
export interface ResponseBody {
  id: string;
  object: 'response';
  created_at: number;
  status: 'completed' | 'incomplete' | 'in_progress';
  model: string;
  output: ResponseOutputBody[];
  incomplete_details: { reason: string } | null;
  error: null;
  instructions: unknown;
  tools: unknown[];
  tool_choice: unknown;
  parallel_tool_calls: boolean;
  temperature: number;
  top_p: number;
  metadata: Record<string, string>;
  text: { format: { type: 'text' } };
  usage: {
    input_tokens: number;
    output_tokens: number;
    total_tokens: number;
    input_tokens_details: { cached_tokens: number };
    output_tokens_details: { reasoning_tokens: number };
  } | null;
}

const CREATED = 1_767_225_600;

function calls(turn: OpenAIScriptedMessage, number: number): Array<{ id: string; name: string; arguments: string }> {
  return (turn.toolCalls ?? []).map((call, index) => ({
    id: call.id ?? `call_${number}_${index}`,
    name: call.name,
    arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
  }));
}

/** The `chat.completion` answering a request with `turn`. */
export function chatCompletionBody(turn: OpenAIScriptedMessage, model: string, number: number): ChatCompletionBody {
  const toolCalls = calls(turn, number).map(({ id, name, arguments: args }) => ({
    id,
    type: 'function' as const,
    function: { name, arguments: args },
  }));
  return {
    id: `chatcmpl-${number}`,
    object: 'chat.completion',
    created: CREATED,
    model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: turn.text ?? null,
          refusal: turn.refusal ?? null,
          annotations: [],
          ...(toolCalls.length === 0 ? {} : { tool_calls: toolCalls }),
        },
        logprobs: null,
        finish_reason: turn.finish ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop'),
      },
    ],
    usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  };
}

/** The `response` answering a Responses API request with `turn`. */
export function responseBody(turn: OpenAIScriptedMessage, params: Record<string, unknown>, number: number): ResponseBody {
  const incomplete = turn.finish === 'length' || turn.finish === 'content_filter';
  const output: ResponseOutputBody[] = [];
  const content: Extract<ResponseOutputBody, { type: 'message' }>['content'] = [];
  if (turn.text !== undefined) content.push({ type: 'output_text', text: turn.text, annotations: [], logprobs: [] });
  if (turn.refusal !== undefined) content.push({ type: 'refusal', refusal: turn.refusal });
  if (content.length > 0)
    output.push({ id: `msg_${number}`, type: 'message', role: 'assistant', status: incomplete ? 'incomplete' : 'completed', content });
  calls(turn, number).forEach(({ id, name, arguments: args }, index) =>
    output.push({ id: `fc_${number}_${index}`, type: 'function_call', call_id: id, name, arguments: args, status: 'completed' }),
  );
  return {
    id: `resp_${number}`,
    object: 'response',
    created_at: CREATED,
    status: incomplete ? 'incomplete' : 'completed',
    model: String(params.model),
    output,
    incomplete_details: incomplete ? { reason: turn.finish === 'length' ? 'max_output_tokens' : 'content_filter' } : null,
    error: null,
    instructions: params.instructions ?? null,
    tools: Array.isArray(params.tools) ? params.tools : [],
    tool_choice: params.tool_choice ?? 'auto',
    parallel_tool_calls: true,
    temperature: 1,
    top_p: 1,
    metadata: {},
    text: { format: { type: 'text' } },
    usage: {
      input_tokens: 10,
      output_tokens: 5,
      total_tokens: 15,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 0 },
    },
  };
}
