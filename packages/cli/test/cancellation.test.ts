import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, eventually, mcpx, requireBuild, scratch, fixtureConfig } from './helpers.js';

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
    const [call, cancelled] = events(log);
    expect(call).toMatchObject({ event: 'call' });
    expect(cancelled).toMatchObject({ event: 'cancelled', requestId: call!.id });
  });
});
