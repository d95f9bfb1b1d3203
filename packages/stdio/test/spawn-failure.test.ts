import { TransportError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { faultServer, useTransports } from './helpers.js';

const open = useTransports();

describe('a server that cannot be spawned', () => {
  it('rejects start() with a TransportError naming the command that was not found', async () => {
    const server = open({ command: 'mcpx-no-such-command-4f2a', args: ['--stdio'], name: 'ghost' });
    const error: unknown = await server.transport.start().catch((caught: unknown) => caught);
    expect(TransportError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ target: 'mcpx-no-such-command-4f2a --stdio', server: 'ghost', isRetryable: false });
    expect((error as Error).message).toContain('the command "mcpx-no-such-command-4f2a" was not found');
    expect((error as Error).message).toContain('PATH');
    expect((error as Error).cause).toMatchObject({ code: 'ENOENT' });
    await server.transport.close();
    expect(server.closeCalls).toEqual([]);
  });

  it('says so when the working directory does not exist', async () => {
    const server = open({ ...faultServer('echo'), cwd: '/nonexistent/mcpx-test-dir' });
    await expect(server.transport.start()).rejects.toThrow(/working directory "\/nonexistent\/mcpx-test-dir" does not exist/);
  });

  it.skipIf(process.platform === 'win32')('says so when the command is not executable', async () => {
    const server = open({ command: faultServer('echo').args[0]! });
    await expect(server.transport.start()).rejects.toThrow(/could not be executed \(permission denied\)/);
  });
});
