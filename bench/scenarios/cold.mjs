// Cold start: a fresh process imports the client, connects, lists tools, closes and exits.
// The runner times the whole process from spawn to exit (`processMs`); the phases are
// timed inside it. Several processes a round, since one sample is noisy.
import { performance } from 'node:perf_hooks';

export const title = 'cold start (import, connect, list tools, exit)';
export const options = { full: { perRound: 3 }, quick: { perRound: 1 } };
export const metrics = [
  { key: 'processMs', label: 'process ms', short: 'process', ratio: true },
  { key: 'importMs', label: 'import ms' },
  { key: 'connectMs', label: 'connect ms' },
];

export async function run(client, server) {
  const t0 = performance.now();
  const session = await client.connect(server);
  const t1 = performance.now();
  const { tools } = await session.listTools();
  if (!tools?.some((tool) => tool.name === 'echo')) throw new Error('bench: tools/list has no "echo"');
  const t2 = performance.now();
  await session.close();
  return { connectMs: t1 - t0, listMs: t2 - t1, closeMs: performance.now() - t2 };
}
