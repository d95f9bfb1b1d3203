import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import type { CreateMessageRequestParams, CreateMessageResult } from '@mcpx/core';

/**
 * Answers a sampling request with a command of the user's: it is run through the shell, gets
 * the request params as JSON on stdin, and prints either a JSON `CreateMessageResult` or plain
 * text, which becomes the assistant's reply. With tools (sampling with tools), the params hold
 * `tools` and `toolChoice`, and the messages the server's `tool_use` / `tool_result` history;
 * the command asks for tool calls by printing `content` with `tool_use` blocks (`stopReason`
 * then defaults to `toolUse`). `role` and `model` default too. Rejects when it fails or
 * `signal` aborts; core checks the result against the schema.
 */
export function runSamplingCommand(command: string, params: CreateMessageRequestParams, signal: AbortSignal): Promise<CreateMessageResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, { shell: true, stdio: ['pipe', 'pipe', 'pipe'], signal });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', (error) => reject(new Error(`the sampling command "${command}" could not run: ${error.message}`, { cause: error })));
    child.on('close', (code) => {
      if (code !== 0) {
        const tail = Buffer.concat(stderr).toString('utf8').trim().split('\n').slice(-3).join(' | ');
        reject(new Error(`the sampling command "${command}" exited with code ${String(code)}${tail === '' ? '' : `: ${tail}`}`));
        return;
      }
      resolve(toResult(Buffer.concat(stdout).toString('utf8'), command));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify(params));
  });
}

function toResult(output: string, command: string): CreateMessageResult {
  // The program's name, as a model name: `node` for `"/usr/bin/node" model.mjs`.
  const program = basename((command.trim().split(/\s+/)[0] ?? '').replace(/^["']|["']$/g, ''));
  const model = program === '' ? 'sampling-command' : program;
  try {
    const parsed = JSON.parse(output) as Partial<CreateMessageResult>;
    if (typeof parsed === 'object' && parsed !== null && parsed.content !== undefined) {
      const blocks: unknown[] = Array.isArray(parsed.content) ? parsed.content : [parsed.content];
      const usesTools = blocks.some((block) => (block as { type?: unknown } | null)?.type === 'tool_use');
      return { role: 'assistant', model, stopReason: usesTools ? 'toolUse' : 'endTurn', ...parsed } as CreateMessageResult;
    }
  } catch {
    // Plain text: the reply itself.
  }
  return { role: 'assistant', model, stopReason: 'endTurn', content: { type: 'text', text: output.trimEnd() } };
}
