import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, eventually, FIXTURES, mcpx, requireBuild, scratch, fixtureConfig } from './helpers.js';

const dir = scratch('cancel');
beforeAll(requireBuild);
afterAll(() => dir[Symbol.dispose]());

describe('an interrupted call (SIGINT, as Ctrl-C sends)', () => {
  it('is cancelled on the server, and mcpx exits 130', async () => {
    const log = join(dir.path, 'slow.log');
    dir.write('slow.json', fixtureConfig(log));
    const result = await mcpx(['call', 'slow/wait', '--config', 'slow.json'], {
      dir,
      onStart: (child) => {
        // If the call never reaches the server, the unhandled rejection fails the test (vitest reports it).
        void eventually(() => events(log).find((entry) => entry.event === 'call'), 'the call to reach the server').then(() =>
          child.kill('SIGINT'),
        );
      },
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('cancelled slow/wait; slow was told to stop');
    const [call, cancelled] = events(log).filter((entry) => entry.event !== 'list');
    expect(call).toMatchObject({ event: 'call' });
    expect(cancelled).toMatchObject({ event: 'cancelled', requestId: call!.id });
  });

  it('sends no tools/call when interrupted while the tool is looked up', async () => {
    const log = join(dir.path, 'lookup.log');
    const server = {
      command: process.execPath,
      args: [join(FIXTURES, 'fixture-server.mjs')],
      env: { MCPX_TEST_LOG: log, MCPX_TEST_HOLD_LIST: join(dir.path, 'lookup.go') },
    };
    dir.write('lookup.json', JSON.stringify({ mcpServers: { slow: server } }));
    const result = await mcpx(['call', 'slow/wait', '--config', 'lookup.json'], {
      dir,
      onStart: (child) => {
        // Interrupted while tools/list is unanswered; then the answer comes, which the lookup was waiting for.
        void eventually(() => events(log).find((entry) => entry.event === 'list'), 'the lookup to reach the server').then(() => {
          child.kill('SIGINT');
          dir.write('lookup.go', '');
        });
      },
    });
    expect(result.code).toBe(130);
    expect(events(log).map((entry) => entry.event)).not.toContain('call');
  });
});
