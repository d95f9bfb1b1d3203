import type { JsonRpcMessage } from '@mcpx/core';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { faultServer, request, responseTo, useTransports, type Recording } from './helpers.js';

const open = useTransports();

async function ask(server: Recording, method: string): Promise<Record<string, unknown>> {
  const call = request(method);
  await server.transport.send(call);
  const response: JsonRpcMessage = await server.message(responseTo(call.id));
  return (response as { result: Record<string, unknown> }).result;
}

describe('the process environment of a server', () => {
  afterEach(() => {
    delete process.env.MCPX_TEST_SECRET;
    delete process.env['BASH_FUNC_mcpx%%'];
  });

  it('holds the default variables and the given env, and none of the other variables of this process', async () => {
    process.env.MCPX_TEST_SECRET = 'hunter2';
    const server = open({ ...faultServer('echo'), env: { MCPX_GIVEN: 'yes' } });
    await server.transport.start();
    const { env } = (await ask(server, 'env')) as { env: Record<string, string> };
    expect(env.MCPX_GIVEN).toBe('yes');
    expect(env.MCPX_TEST_SECRET).toBeUndefined();
    expect(env.PATH).toBe(process.env.PATH);
  });

  it('holds all of this process environment with inheritEnv, minus shell function exports', async () => {
    process.env.MCPX_TEST_SECRET = 'hunter2';
    process.env['BASH_FUNC_mcpx%%'] = '() { echo hi; }';
    const server = open({ ...faultServer('echo'), inheritEnv: true });
    await server.transport.start();
    const { env } = (await ask(server, 'env')) as { env: Record<string, string> };
    expect(env.MCPX_TEST_SECRET).toBe('hunter2');
    expect(env['BASH_FUNC_mcpx%%']).toBeUndefined();
  });

  it('runs in the given working directory', async () => {
    const server = open({ ...faultServer('echo'), cwd: tmpdir() });
    await server.transport.start();
    const { cwd } = (await ask(server, 'cwd')) as { cwd: string };
    expect(realpathSync(cwd)).toBe(realpathSync(tmpdir()));
  });
});
