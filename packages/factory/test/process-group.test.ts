import { readdirSync, readFileSync } from 'node:fs';
import { everythingCommand } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/index.js';

const everything = everythingCommand('stdio');

/** Fields 4 (parent) and 5 (process group) of `/proc/<pid>/stat`, after the parenthesised command. */
function statOf(pid: number): { parent: number; group: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [, parent, group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(parent), group: Number(group) };
  } catch {
    return undefined; // the process ended while we looked
  }
}

/** The pids of this process's children. */
function children(): Set<number> {
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
  return new Set(pids.filter((pid) => statOf(pid)?.parent === process.pid));
}

/** Connects `entry`, and gives the process group of the server it started against this process's. */
async function groupsOf(
  entry: Record<string, unknown>,
): Promise<{ server: number; serverGroup: number | undefined; ours: number | undefined }> {
  const before = children();
  const client = await createClient({ command: everything.command, args: everything.args, ...entry }, { name: 'everything' });
  try {
    const started = [...children()].filter((pid) => !before.has(pid));
    expect(started).toHaveLength(1);
    const server = started[0] as number;
    return { server, serverGroup: statOf(server)?.group, ours: statOf(process.pid)?.group };
  } finally {
    await client.close();
  }
}

// Read from /proc: Linux only. Elsewhere on POSIX the stdio package's own tests cover the option.
describe.skipIf(process.platform !== 'linux')('processGroup in a stdio server entry', () => {
  it('starts the server as the leader of a group of its own with processGroup: true', async () => {
    const { server, serverGroup } = await groupsOf({ processGroup: true });
    expect(serverGroup).toBe(server);
  });

  it('starts the server in this process group with processGroup: false', async () => {
    const { serverGroup, ours } = await groupsOf({ processGroup: false });
    expect(ours).toBeDefined();
    expect(serverGroup).toBe(ours);
  });
});
