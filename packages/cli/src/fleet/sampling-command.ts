import { spawn } from 'node:child_process';
import type { CreateMessageRequestParams, CreateMessageResult } from '@mcpx/core';

/**
 * Answers a sampling request with a command of the user's: it is run through the shell, gets
 * the request params as JSON on stdin, and prints either a JSON `CreateMessageResult` or plain
 * text, which becomes the assistant's reply. Rejects when it fails or `signal` aborts.
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
  const model = command.trim().split(/\s+/)[0] ?? 'sampling-command';
  try {
    const parsed = JSON.parse(output) as Partial<CreateMessageResult>;
    if (typeof parsed === 'object' && parsed !== null && parsed.content !== undefined) {
      return { role: 'assistant', model, stopReason: 'endTurn', ...parsed } as CreateMessageResult;
    }
  } catch {
    // Plain text: the reply itself.
  }
  return { role: 'assistant', model, stopReason: 'endTurn', content: { type: 'text', text: output.trimEnd() } };
}
