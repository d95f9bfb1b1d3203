// Sequential: one echo call at a time, each awaited before the next. Latency-bound.
import { checkEcho } from '../lib/check.mjs';
import { measure, repeatFor } from '../lib/measure.mjs';

export const title = 'sequential echo calls';
export const options = { full: { warmup: 5000, seconds: 1.5 }, quick: { warmup: 2000, seconds: 0.5 } };
export const metrics = [
  { key: 'cpuUsPerCall', label: 'CPU µs/call', short: 'CPU', ratio: true },
  { key: 'wallUsPerCall', label: 'wall µs/call' },
  { key: 'callsPerSec', label: 'calls/s', short: 'calls/s' },
];

const STEP = 100; // calls between two looks at the clock

async function calls(session, n) {
  for (let i = 0; i < n; i++) await session.echo('hi');
  return n;
}

export async function run(client, server, { warmup, seconds }) {
  const session = await client.connect(server);
  await session.listTools();
  checkEcho(await session.echo('hi'), 'hi');
  await calls(session, warmup);

  const { count, cpuUs, wallUs } = await measure(() => repeatFor(seconds, () => calls(session, STEP)));
  await session.close();
  return { calls: count, cpuUsPerCall: cpuUs / count, wallUsPerCall: wallUs / count, callsPerSec: count / (wallUs / 1e6) };
}
