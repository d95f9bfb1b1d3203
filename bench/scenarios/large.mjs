// Large payloads: one echo call at a time carrying a 1 MiB text, each awaited before the next.
// Bound by copying, framing and parsing big messages rather than by per-call overhead.
import { checkEcho } from '../lib/check.mjs';
import { measure, repeatFor } from '../lib/measure.mjs';

export const title = '1 MiB echo calls, one at a time';
export const options = {
  full: { bytes: 1024 * 1024, warmup: 20, seconds: 1.5 },
  quick: { bytes: 1024 * 1024, warmup: 10, seconds: 0.5 },
};
export const metrics = [
  { key: 'callsPerSec', label: 'round trips/s', short: 'round trips/s', ratio: true },
  { key: 'cpuUsPerCall', label: 'CPU µs/call', short: 'CPU' },
];

const STEP = 4; // calls between two looks at the clock

export async function run(client, server, { bytes, warmup, seconds }) {
  // ASCII with no character JSON escapes: the text is `bytes` long on the wire too.
  const text = 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(Math.ceil(bytes / 36)).slice(0, bytes);
  const session = await client.connect(server);
  await session.listTools();
  checkEcho(await session.echo(text), text);
  for (let i = 0; i < warmup; i++) await session.echo(text);

  const { count, cpuUs, wallUs } = await measure(() =>
    repeatFor(seconds, async () => {
      for (let i = 0; i < STEP; i++) await session.echo(text);
      return STEP;
    }),
  );
  await session.close();
  return { calls: count, cpuUsPerCall: cpuUs / count, callsPerSec: count / (wallUs / 1e6) };
}
