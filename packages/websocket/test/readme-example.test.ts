import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { McpClient } from '@mcpx/core';
import { everythingCommand } from '@mcpx/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { WebSocketTransport, type WebSocketTransportOptions } from '../src/index.js';

/** The fenced code blocks of the README, by language. */
function codeBlocks(language: string): string[] {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1] ?? '');
}

/** Runs a snippet's code after its import lines, with `bindings` in place of what it imports. */
function run(snippet: string, bindings: Record<string, unknown>, epilogue = ''): Promise<unknown> {
  const body = snippet
    .split('\n')
    .filter((line) => !line.startsWith('import '))
    .join('\n');
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
    ...args: string[]
  ) => (...values: unknown[]) => Promise<unknown>;
  return new AsyncFunction(...Object.keys(bindings), `${body}\n${epilogue}`)(...Object.values(bindings));
}

const children: ChildProcess[] = [];
const servers: WebSocketServer[] = [];

afterEach(async () => {
  for (const wss of servers) for (const socket of wss.clients) socket.terminate();
  const running = children.splice(0).filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve).kill('SIGKILL'))));
  await Promise.all(servers.splice(0).map((wss) => new Promise((resolve) => wss.close(resolve))));
});

describe('the README', () => {
  it('has a gateway script and a client example that run together', async () => {
    const [client] = codeBlocks('ts');
    const [gateway] = codeBlocks('js');
    expect(client).toContain("new WebSocketTransport('ws://127.0.0.1:8080/mcp'");
    expect(gateway).toContain("spawn('npx', ['-y', '@modelcontextprotocol/server-everything']");

    // The gateway, on a free port, running the installed server-everything instead of npx.
    const everything = everythingCommand('stdio');
    const wss = (await run(
      gateway ?? '',
      {
        WebSocketServer: class extends WebSocketServer {
          constructor(options: ConstructorParameters<typeof WebSocketServer>[0]) {
            super({ ...options, port: 0 });
            servers.push(this);
          }
        },
        createInterface,
        spawn: (command: string, _args: string[], options: SpawnOptions) => {
          expect(command).toBe('npx');
          const child = spawn(everything.command, everything.args, { ...options, stdio: ['pipe', 'pipe', 'ignore'] });
          children.push(child);
          return child;
        },
      },
      'return wss;',
    )) as WebSocketServer;
    await new Promise((resolve) => (wss.address() === null ? wss.once('listening', resolve) : resolve(undefined)));
    const { port } = wss.address() as AddressInfo;

    // The client example, pointed at that port.
    const logged: unknown[] = [];
    await run(client ?? '', {
      McpClient,
      WebSocketTransport: class extends WebSocketTransport {
        constructor(url: string, options?: WebSocketTransportOptions) {
          super(url.replace(':8080', `:${port}`), options);
        }
      },
      console: { log: (value: unknown) => logged.push(value) },
    });
    expect(logged).toEqual([expect.arrayContaining(['echo', 'get-sum'])]);
  });
});
