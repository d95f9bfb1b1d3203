import type { CallToolResult } from '@mcpx/core';
import { printJson, type Context } from '../context.js';
import { renderContent } from './content.js';

/** Prints a tool's result on stdout (its content as text, or the result as JSON with `--json`) and returns what was printed. */
export function printToolResult(context: Context, result: CallToolResult): string {
  if (context.json) {
    printJson(context, result);
    return JSON.stringify(result);
  }
  const text =
    result.content.length > 0
      ? renderContent(result.content, context.out)
      : result.structuredContent !== undefined
        ? JSON.stringify(result.structuredContent, null, 2)
        : '';
  if (text !== '') context.print(text.endsWith('\n') ? text : `${text}\n`);
  return text;
}
