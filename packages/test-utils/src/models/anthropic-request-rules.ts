/** A content block of a request, as JSON. */
type Block = Record<string, unknown>;

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;
const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

function blocksOf(content: unknown): Block[] {
  if (typeof content === 'string') return [{ type: 'text', text: content }];
  return Array.isArray(content) ? (content as Block[]) : [];
}

/** The problem with one content block (text, image, or the content of a tool_result), or undefined. */
function blockProblem(block: Block, where: string): string | undefined {
  if (block.type === 'text' && (typeof block.text !== 'string' || block.text === ''))
    return `${where}: text content blocks must be non-empty`;
  if (block.type === 'image') {
    const source = block.source as { type?: string; media_type?: string } | undefined;
    if (source?.type === 'base64' && !IMAGE_TYPES.has(source.media_type ?? ''))
      return `${where}.source.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`;
  }
  if (block.type === 'tool_result' && Array.isArray(block.content)) {
    for (const [index, inner] of (block.content as Block[]).entries()) {
      const problem = blockProblem(inner, `${where}.content.${index}`);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

/**
 * The first rule of the Messages API that a request body breaks, in the API's own words, or
 * undefined: non-empty text blocks, tool names of `^[a-zA-Z0-9_-]{1,128}$`, image media types the
 * API takes, and each assistant `tool_use` answered by a `tool_result` of the same id in the next
 * user message (and no `tool_result` without its `tool_use`).
 */
export function anthropicRequestProblem(params: { messages?: unknown; tools?: unknown }): string | undefined {
  for (const [index, tool] of (Array.isArray(params.tools) ? (params.tools as Block[]) : []).entries()) {
    if (typeof tool.name !== 'string' || !TOOL_NAME.test(tool.name))
      return `tools.${index}.name: String should match pattern '^[a-zA-Z0-9_-]{1,128}$'`;
  }
  const messages = Array.isArray(params.messages) ? (params.messages as Array<{ role?: unknown; content?: unknown }>) : [];
  let pending: string[] = [];
  for (const [index, message] of messages.entries()) {
    const blocks = blocksOf(message.content);
    for (const [at, block] of blocks.entries()) {
      const problem = blockProblem(block, `messages.${index}.content.${at}`);
      if (problem !== undefined) return problem;
    }
    const results = blocks.filter((block) => block.type === 'tool_result').map((block) => String(block.tool_use_id));
    const missing = pending.filter((id) => !results.includes(id));
    if (missing.length > 0)
      return `messages.${index}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(', ')}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`;
    const unexpected = results.filter((id) => !pending.includes(id));
    if (unexpected.length > 0)
      return `messages.${index}.content: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${unexpected[0]}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`;
    pending = message.role === 'assistant' ? blocks.filter((block) => block.type === 'tool_use').map((block) => String(block.id)) : [];
  }
  return undefined;
}
