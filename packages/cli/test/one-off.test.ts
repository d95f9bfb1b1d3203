import {
  everythingCommand,
  startDualEraGrpcServer,
  startEverythingHttp,
  type DualEraGrpcServer,
  type HttpServerProcess,
} from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, mcpx, requireBuild, scratch } from './helpers.js';

// A server given on the command line, as the MCP Inspector's CLI takes it: no config file at all.
const dir = scratch('one-off');
const everything = everythingCommand('stdio');
let http: HttpServerProcess;
let grpc: DualEraGrpcServer;
beforeAll(async () => {
  requireBuild();
  [http, grpc] = await Promise.all([startEverythingHttp('streamableHttp'), startDualEraGrpcServer()]);
});
afterAll(async () => {
  await Promise.all([http?.stop(), grpc?.close()]);
  dir[Symbol.dispose]();
});

describe('a one-off stdio server after --', () => {
  it('lists its tools under its own name, without the example fleet', async () => {
    const result = await mcpx(['tools', '--name', 'ev', '--', everything.command, ...everything.args], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ev\/echo\s+Echoes back the input string$/m);
    expect(result.stderr).not.toContain('example fleet');
  });

  it('is called by the bare tool name, with typed key=value arguments', async () => {
    const result = await mcpx(['call', 'get-sum', 'a=19', 'b=23', '--json', '--', everything.command, ...everything.args], { dir });
    expect(result.code).toBe(0);
    expect(json<{ content: Array<{ text: string }> }>(result).content[0]?.text).toContain('42');
  });

  it('gets the environment of --env', async () => {
    const result = await mcpx(['call', 'get-env', '--env', 'MCPX_ONE_OFF=yes', '--', everything.command, ...everything.args], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('MCPX_ONE_OFF');
  });

  it('cannot be mixed with --config', async () => {
    const result = await mcpx(['tools', '--config', 'x.json', '--', everything.command, ...everything.args], { dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('replaces the config file; leave out --config');
  });
});

describe('a one-off server at --url', () => {
  it('is reached over Streamable HTTP and shown in servers under its host', async () => {
    const result = await mcpx(['servers', '--json', '--url', http.url], { dir });
    expect(result.code).toBe(0);
    expect(json<{ servers: Array<{ name: string; transport: string; state: string }> }>(result).servers).toEqual([
      expect.objectContaining({ name: '127.0.0.1', transport: 'http', state: 'connected' }),
    ]);
  });

  it('takes a call with --header and --name', async () => {
    const result = await mcpx(
      ['call', 'remote/echo', 'message=over http', '--name', 'remote', '--url', http.url, '--header', 'X-Trace: 1'],
      { dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Echo: over http');
  });

  it('is reached over the gRPC binding at a grpc:// URL', async () => {
    const result = await mcpx(['call', 'rpc/echo', 'message=over grpc', '--name', 'rpc', '--url', grpc.target], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Echo: over grpc');
  });

  it('refuses a URL of another scheme, through the config validator (exit 3)', async () => {
    const result = await mcpx(['tools', '--url', 'ftp://127.0.0.1/mcp'], { dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('the scheme ftp: is not one mcpx connects to');
  });

  it('refuses a --header without a colon, and --url with a command line (exit 2)', async () => {
    const header = await mcpx(['tools', '--url', http.url, '--header', 'X-Trace'], { dir });
    expect(header.code).toBe(2);
    expect(header.stderr).toContain('--header "X-Trace" needs the form "Name: value"');
    const both = await mcpx(['tools', '--url', http.url, '--', everything.command, ...everything.args], { dir });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give either --url or a command line after --, not both');
  });
});
