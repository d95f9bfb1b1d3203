// Turns raw samples into medians, ratios and target verdicts. Pure data, no printing.
import { median, spread } from './stats.mjs';
import { targets } from './targets.mjs';

/** samples[scenario][client] = [result, ...] -> stats[scenario][client][metric] = { median, spread, n } */
export function summarize(samples, scenarios) {
  const stats = {};
  for (const [name, scenario] of Object.entries(scenarios)) {
    stats[name] = {};
    for (const [client, results] of Object.entries(samples[name] ?? {})) {
      if (results.length === 0) continue;
      stats[name][client] = {};
      for (const { key } of scenario.metrics) {
        const values = results.map((r) => r[key]);
        stats[name][client][key] = { median: median(values), spread: spread(values), n: values.length };
      }
    }
  }
  return stats;
}

/** Clients each scenario's headline metric is compared against: raw always, plus any target's. */
export function baselines(scenarioName) {
  const versus = targets.filter((t) => t.scenario === scenarioName).map((t) => t.versus);
  return [...new Set(['raw', ...versus])];
}

export function ratio(stats, scenario, metric, client, versus) {
  const a = stats[scenario]?.[client]?.[metric]?.median;
  const b = stats[scenario]?.[versus]?.[metric]?.median;
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

export function ratios(stats, scenarios) {
  const rows = [];
  for (const [name, scenario] of Object.entries(scenarios)) {
    const metric = scenario.metrics.find((m) => m.ratio)?.key;
    for (const versus of baselines(name)) {
      for (const client of Object.keys(stats[name] ?? {})) {
        if (client === versus) continue;
        const value = ratio(stats, name, metric, client, versus);
        if (value !== undefined) rows.push({ scenario: name, metric, client, versus, ratio: value });
      }
    }
  }
  return rows;
}

export function verdicts(stats) {
  return targets.map((t) => {
    const value = ratio(stats, t.scenario, t.metric, t.client, t.versus);
    return { ...t, ratio: value, status: value === undefined ? 'n/a' : value <= t.max ? 'PASS' : 'MISS' };
  });
}
