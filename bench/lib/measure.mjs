// Measures CPU (user + system, this process only, all its threads) and wall time of one phase.
export async function measure(phase) {
  const cpuBefore = process.cpuUsage();
  const wallBefore = process.hrtime.bigint();
  const count = await phase();
  const wallUs = Number(process.hrtime.bigint() - wallBefore) / 1e3;
  const cpu = process.cpuUsage(cpuBefore);
  return { count, cpuUs: cpu.user + cpu.system, wallUs };
}

/**
 * Repeats `step` (which returns how many calls it made) until at least `seconds` have passed,
 * so fast and slow clients each get a measured phase long enough to outlast the noise.
 * Returns the number of calls made.
 */
export async function repeatFor(seconds, step) {
  const end = process.hrtime.bigint() + BigInt(Math.round(seconds * 1e9));
  let count = 0;
  while (process.hrtime.bigint() < end) count += await step();
  return count;
}
