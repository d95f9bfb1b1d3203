import type { ZodType } from 'zod';
import { ErrorCode, ProtocolError } from '../errors/protocol-error.js';
import type { InboundRequestContext } from '../jsonrpc/dispatch.js';
import type { CreateMessageRequestParams, CreateMessageResult } from '../types/index.js';
import type { SamplingHandler } from './options.js';

/** What answering one sampling request needs besides its params. */
export interface SamplingAnswering {
  handler: SamplingHandler;
  /** Whether the client declared `sampling.tools` (its `samplingTools` option). */
  tools: boolean;
  context: InboundRequestContext;
  /** The schemas of the request's params and of the handler's result, as the era defines them. */
  schemas: { params: ZodType; result: ZodType };
}

interface Block {
  type: string;
  id?: string;
  name?: string;
  toolUseId?: string;
}

/**
 * Answers `sampling/createMessage`: checks the request against the schema and the spec's rules
 * for tools (offered only when `sampling.tools` was declared; a message with tool results holds
 * nothing else; every tool use answered by a tool result in the next message), asks the handler,
 * and checks its result (a `tool_use` only when tools were offered and allowed, naming one of
 * them, with an id of its own). A bad request
 * is answered -32602, a bad result -32603.
 */
export async function answerSampling(raw: Record<string, unknown>, answering: SamplingAnswering): Promise<Record<string, unknown>> {
  const parsed = answering.schemas.params.safeParse(raw);
  if (!parsed.success) throw invalid(`invalid params: ${parsed.error.message}`);
  const params = parsed.data as CreateMessageRequestParams;
  const offersTools = params.tools !== undefined && params.tools.length > 0;
  if ((offersTools || params.toolChoice !== undefined) && !answering.tools) {
    throw invalid('the request offers tools, but this client did not declare sampling.tools (the sampling handler does not take tools)');
  }
  checkMessages(params.messages.map((message) => ({ role: message.role, blocks: blocksOf(message.content) })));
  const result = answering.schemas.result.safeParse(await answering.handler(params, answering.context));
  if (!result.success) throw failed(`the sampling handler's result is not a valid CreateMessageResult: ${result.error.message}`);
  const answer = result.data as CreateMessageResult;
  const uses = blocksOf(answer.content).filter((block) => block.type === 'tool_use');
  if (uses.length > 0 && (!offersTools || params.toolChoice?.mode === 'none')) {
    throw failed(
      `the sampling handler's result uses a tool, but the request ${offersTools ? 'said toolChoice "none"' : 'offered no tools'}`,
    );
  }
  checkToolUses(uses, params.tools?.map((tool) => tool.name) ?? []);
  return answer;
}

/** Each tool use of the handler's result names a tool the request offered, and has an id no other one has. */
function checkToolUses(uses: Block[], offered: string[]): void {
  const ids = new Set<string | undefined>();
  for (const use of uses) {
    if (!offered.includes(use.name ?? '')) {
      throw failed(
        `the sampling handler's result uses tool "${use.name}", which the request did not offer (it offered ${offered.map((name) => `"${name}"`).join(', ')})`,
      );
    }
    if (ids.has(use.id))
      throw failed(`the sampling handler's result uses tool "${use.name}" with id "${use.id}", which an earlier tool use has`);
    ids.add(use.id);
  }
}

/** The spec's rules for tool results in the conversation the server sent. */
function checkMessages(messages: { role: string; blocks: Block[] }[]): void {
  messages.forEach((message, index) => {
    const results = message.blocks.filter((block) => block.type === 'tool_result');
    if (results.length > 0 && results.length < message.blocks.length) {
      throw invalid(`message ${index} mixes tool results with other content; a message with tool results must hold only tool results`);
    }
    const uses = message.blocks.filter((block) => block.type === 'tool_use').map((block) => block.id);
    if (uses.length === 0) return;
    const next = messages[index + 1];
    if (next === undefined) return; // The model's last turn: the server asks again once it ran the tools.
    const answered = new Set(next.blocks.map((block) => (block.type === 'tool_result' ? block.toolUseId : undefined)));
    const missing = uses.filter((id) => !answered.has(id));
    if (next.role !== 'user' || missing.length > 0) {
      throw invalid(
        `message ${index} uses tools (${missing.join(', ') || uses.join(', ')}) whose results are missing from message ${index + 1}; each tool use needs a tool result in the next user message`,
      );
    }
  });
}

function blocksOf(content: unknown): Block[] {
  return (Array.isArray(content) ? content : [content]) as Block[];
}

function invalid(detail: string): ProtocolError {
  return new ProtocolError({ code: ErrorCode.InvalidParams, message: `sampling/createMessage: ${detail}` });
}

function failed(detail: string): ProtocolError {
  return new ProtocolError({ code: ErrorCode.InternalError, message: `sampling/createMessage: ${detail}` });
}
