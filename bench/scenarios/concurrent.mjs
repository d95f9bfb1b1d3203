// Concurrent: batches of `width` echo calls in flight at once, awaited together. Throughput-bound.
import { checkEcho } from '../lib/check.mjs';
import { measure, repeatFor } from '../lib/measure.mjs';

export const title = '256 concurrent echo calls';
export const options = {
  full: { width: 256, warmupBatches: 40, seconds: 1.5 },
  quick: { width: 256, warmupBatches: 20, seconds: 0.5 },
};
export const metrics = [
  { key: 'cpuUsPerCall', label: 'CPU µs/call', short: 'CPU', ratio: true },
  { key: 'callsPerSec', label: 'calls/s', short: 'calls/s' },
];

async function batch(session, width) {
  const calls = [];
  for (let i = 0; i < width; i++) calls.push(session.echo(`hi ${i}`));
  return Promise.all(calls);
}

export async function run(client, server, { width, warmupBatches, seconds }) {
  const session = await client.connect(server);
  await session.listTools();
  const first = await batch(session, width);
  first.forEach((result, i) => checkEcho(result, `hi ${i}`));
  for (let i = 0; i < warmupBatches; i++) await batch(session, width);

  const { count, cpuUs, wallUs } = await measure(() => repeatFor(seconds, async () => (await batch(session, width)).length));
  await session.close();
  return { calls: count, cpuUsPerCall: cpuUs / count, callsPerSec: count / (wallUs / 1e6) };
}
