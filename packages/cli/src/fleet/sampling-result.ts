import { basename } from 'node:path';
import type { CreateMessageResult } from '@mcpx/core';

/** What a sampling command prints to ask for a tool call, in one line: shown when its JSON is not a `CreateMessageResult`. */
export const SAMPLING_RESULT_EXAMPLE =
  '{"content": [{"type": "tool_use", "id": "call-1", "name": "get_weather", "input": {"city": "Lisbon"}}]}, or {"content": {"type": "text", "text": "..."}}';

/** One problem of a result, as zod reports it. */
interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly errors?: readonly (readonly Issue[])[];
}

/**
 * The reply of the sampling command `command`, from what it printed: output that starts with `{`
 * is JSON, which must hold `content` and be a `CreateMessageResult` once `role`, `model` (the
 * command's program name) and `stopReason` (`toolUse` when it uses a tool, else `endTurn`) are
 * filled in; anything else is the text of the reply. Throws an error saying what is wrong and
 * where (`content[0].id: expected string`) otherwise.
 */
export async function readSamplingOutput(output: string, command: string): Promise<CreateMessageResult> {
  // The program's name, as a model name: `node` for `"/usr/bin/node" model.mjs`.
  const program = basename((command.trim().split(/\s+/)[0] ?? '').replace(/^["']|["']$/g, ''));
  const model = program === '' ? 'sampling-command' : program;
  const text = output.trim();
  if (!text.startsWith('{')) return { role: 'assistant', model, stopReason: 'endTurn', content: { type: 'text', text: output.trimEnd() } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`the sampling command "${command}" printed invalid JSON: ${(error as Error).message}`, { cause: error });
  }
  const fields = parsed as Partial<CreateMessageResult>;
  if (fields.content === undefined) throw wrong(command, 'content: missing (the reply: a content block or a list of them)');
  const blocks: unknown[] = Array.isArray(fields.content) ? fields.content : [fields.content];
  const usesTools = blocks.some((block) => (block as { type?: unknown } | null)?.type === 'tool_use');
  const result = { role: 'assistant', model, stopReason: usesTools ? 'toolUse' : 'endTurn', ...fields };
  const { CreateMessageResultSchema } = await import('@mcpx/core/schemas');
  const checked = CreateMessageResultSchema.safeParse(result);
  if (!checked.success) throw wrong(command, describeIssues(checked.error.issues));
  return result as CreateMessageResult;
}

function wrong(command: string, problem: string): Error {
  return new Error(`sampling command "${command}": ${problem}; it should print JSON such as ${SAMPLING_RESULT_EXAMPLE}`);
}

/** The first problems, as `content[0].id: expected string`; of a union's alternatives, the one that got furthest. */
function describeIssues(issues: readonly Issue[]): string {
  return flatten(issues, [])
    .slice(0, 3)
    .map(({ path, message }) => `${formatPath(path)}: ${message.replace(/^Invalid input: /, '')}`)
    .join('; ');
}

function flatten(issues: readonly Issue[], prefix: readonly PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'invalid_union' || issue.errors === undefined || issue.errors.length === 0)
      return [{ path, message: issue.message }];
    const depth = (branch: readonly Issue[]): number => Math.min(...branch.map((item) => item.path.length));
    const closest = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0]!;
    return flatten(closest, path);
  });
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the result';
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}
