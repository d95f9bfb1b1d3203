import { spawn } from 'node:child_process';
import type { CreateMessageRequestParams, CreateMessageResult } from '@mcpx/core';
import { readSamplingOutput } from './sampling-result.js';

/**
 * Answers a sampling request with a command of the user's: it is run through the shell, gets
 * the request params as JSON on stdin, and prints either a JSON `CreateMessageResult` or plain
 * text, which becomes the assistant's reply (see `readSamplingOutput`: output starting with `{`
 * must be valid JSON). With tools (sampling with tools), the params hold
 * `tools` and `toolChoice`, and the messages the server's `tool_use` / `tool_result` history;
 * the command asks for tool calls by printing `content` with `tool_use` blocks (`stopReason`
 * then defaults to `toolUse`). `role` and `model` default too. Rejects when it fails or
 * `signal` aborts, or its output is not a valid result.
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
      resolve(readSamplingOutput(Buffer.concat(stdout).toString('utf8'), command));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify(params));
  });
}
