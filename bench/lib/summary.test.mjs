import { describe, expect, it } from 'vitest';
import { roundRatios, verdicts } from './summary.mjs';

/** Stats of the memory scenario with one median a round for each client and metric. */
function memoryStats(rounds) {
  const memory = {};
  for (const [client, metrics] of Object.entries(rounds)) {
    memory[client] = {};
    for (const [metric, values] of Object.entries(metrics)) memory[client][metric] = { median: values[1], rounds: values };
  }
  return { memory };
}

const memoryVerdict = (stats) => verdicts('stdio', stats, {}, []).find((row) => row.scenario === 'memory' && row.versus === 'official');

describe('the memory target against the official client', () => {
  it('is n/a, not met, when the official client grew by 0 or less in every round', () => {
    const stats = memoryStats({
      mcpx: { rssKiBPerConnection: [48, 50, 47], marginalRssKiB: [48, 50, 47] },
      official: { rssKiBPerConnection: [-3, 0, -1], marginalRssKiB: [-3, 0, -1] },
    });
    expect(memoryVerdict(stats)).toMatchObject({ status: 'n/a', rounds: [] });
  });

  it('counts only the rounds where the official client grew', () => {
    const stats = memoryStats({ mcpx: { marginalRssKiB: [48, 50, 47] }, official: { marginalRssKiB: [-3, 12, -1] } });
    expect(memoryVerdict(stats)).toMatchObject({ status: 'MISS', rounds: [50 / 12] });
  });

  it('compares the marginal cost, which a one-off step of the official client does not move', () => {
    const stats = memoryStats({
      mcpx: { rssKiBPerConnection: [48, 50, 47], marginalRssKiB: [20, 21, 19] },
      official: { rssKiBPerConnection: [-3, -2, -1], marginalRssKiB: [20, 22, 21] },
    });
    expect(memoryVerdict(stats)).toMatchObject({ metric: 'marginalRssKiB', status: 'PASS' });
  });
});

describe('roundRatios', () => {
  it('gives no ratio for a round where the client figure is negative', () => {
    const stats = memoryStats({ mcpx: { marginalRssKiB: [-5, 10] }, official: { marginalRssKiB: [10, 20] } });
    expect(roundRatios(stats, 'memory', 'marginalRssKiB', 'mcpx', 'official')).toEqual([0.5]);
  });
});
