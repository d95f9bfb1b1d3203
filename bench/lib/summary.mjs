// Turns raw samples into medians, ratios and target verdicts. Pure data, no printing.
import { median, spread } from './stats.mjs';
import { quietClients, targets } from './targets.mjs';

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

/** Clients a scenario's ratio columns compare against: raw always, plus any target's. */
export function baselines(transport, scenarioName) {
  const versus = targets[transport].filter((t) => t.scenario === scenarioName).map((t) => t.versus);
  return [...new Set(['raw', ...versus])];
}

/** Metrics given a ratio column: the scenario's headline (`ratio: true`), then any a target of the transport uses. */
export function ratioMetrics(transport, scenarioName, scenario) {
  const targeted = new Set(targets[transport].filter((t) => t.scenario === scenarioName).map((t) => t.metric));
  return scenario.metrics.filter((m) => m.ratio).concat(scenario.metrics.filter((m) => !m.ratio && targeted.has(m.key)));
}

export function ratio(stats, scenario, metric, client, versus) {
  const a = stats[scenario]?.[client]?.[metric]?.median;
  const b = stats[scenario]?.[versus]?.[metric]?.median;
  return a === undefined || b === undefined || b === 0 ? undefined : a / b;
}

export function ratios(transport, stats, scenarios) {
  const rows = [];
  for (const [name, scenario] of Object.entries(scenarios)) {
    for (const { key: metric } of ratioMetrics(transport, name, scenario)) {
      for (const versus of baselines(transport, name)) {
        for (const client of Object.keys(stats[name] ?? {})) {
          if (client === versus) continue;
          const value = ratio(stats, name, metric, client, versus);
          if (value !== undefined) rows.push({ scenario: name, metric, client, versus, ratio: value });
        }
      }
    }
  }
  return rows;
}

/**
 * PASS / MISS / n/a for each target of `transport`, then "no warnings" for each quiet client
 * that ran (`warnings[client]` maps a warning to the processes that emitted it).
 */
export function verdicts(transport, stats, warnings, clients) {
  const rows = targets[transport].map((t) => {
    const value = ratio(stats, t.scenario, t.metric, t.client, t.versus);
    const met = value === undefined ? undefined : t.max !== undefined ? value <= t.max : value >= t.min;
    return { ...t, ratio: value, status: met === undefined ? 'n/a' : met ? 'PASS' : 'MISS' };
  });
  for (const client of quietClients.filter((c) => clients.includes(c))) {
    const count = Object.keys(warnings[client] ?? {}).length;
    rows.push({ check: 'warnings', client, warnings: count, status: count === 0 ? 'PASS' : 'MISS' });
  }
  return rows;
}
