// Turns raw samples into medians, ratios and target verdicts. Pure data, no printing.
import { median, spread } from './stats.mjs';
import { quietClients, targets } from './targets.mjs';

/**
 * samples[scenario][client] = [result, ...] (each with its `round`) ->
 * stats[scenario][client][metric] = { median, spread, n, rounds }, `rounds[r]` the median of round r's values.
 */
export function summarize(samples, scenarios) {
  const stats = {};
  for (const [name, scenario] of Object.entries(scenarios)) {
    stats[name] = {};
    for (const [client, results] of Object.entries(samples[name] ?? {})) {
      if (results.length === 0) continue;
      stats[name][client] = {};
      for (const { key } of scenario.metrics) {
        const values = results.map((r) => r[key]);
        const rounds = [];
        for (const r of new Set(results.map((result) => result.round)))
          rounds[r] = median(results.filter((result) => result.round === r).map((result) => result[key]));
        stats[name][client][key] = { median: median(values), spread: spread(values), n: values.length, rounds };
      }
    }
  }
  return stats;
}

/**
 * The ratio of `client` to `versus` in each round both ran (the medians of that round's values), in
 * round order. A round whose baseline is 0 or below, or whose client figure is below 0 (memory that
 * shrank), has no ratio: a negative one would read as better than any bound. No round left: n/a.
 */
export function roundRatios(stats, scenario, metric, client, versus) {
  const a = stats[scenario]?.[client]?.[metric]?.rounds ?? [];
  const b = stats[scenario]?.[versus]?.[metric]?.rounds ?? [];
  const out = [];
  for (let r = 0; r < a.length; r++) if (a[r] !== undefined && b[r] !== undefined && b[r] > 0 && a[r] >= 0) out.push(a[r] / b[r]);
  return out;
}

/** Clients a scenario's ratio columns compare against: raw always, plus any target's. */
export function baselines(transport, scenarioName) {
  const versus = targets[transport].filter((t) => t.scenario === scenarioName && t.versus !== undefined).map((t) => t.versus);
  return [...new Set(['raw', ...versus])];
}

/** Metrics given a ratio column: the scenario's headline (`ratio: true`), then any a target of the transport uses. */
export function ratioMetrics(transport, scenarioName, scenario) {
  const targeted = new Set(targets[transport].filter((t) => t.scenario === scenarioName && t.versus !== undefined).map((t) => t.metric));
  return scenario.metrics.filter((m) => m.ratio).concat(scenario.metrics.filter((m) => !m.ratio && targeted.has(m.key)));
}

/**
 * The median of the per-round ratios of `client` to `versus`: both ran in the same round, under
 * the same load, so a noisy round moves both. Without `versus`, the client's median itself.
 */
export function ratio(stats, scenario, metric, client, versus) {
  if (versus === undefined) return stats[scenario]?.[client]?.[metric]?.median;
  const values = roundRatios(stats, scenario, metric, client, versus);
  return values.length === 0 ? undefined : median(values);
}

export function ratios(transport, stats, scenarios) {
  const rows = [];
  for (const [name, scenario] of Object.entries(scenarios)) {
    for (const { key: metric } of ratioMetrics(transport, name, scenario)) {
      for (const versus of baselines(transport, name)) {
        for (const client of Object.keys(stats[name] ?? {})) {
          if (client === versus) continue;
          const value = ratio(stats, name, metric, client, versus);
          if (value !== undefined)
            rows.push({ scenario: name, metric, client, versus, ratio: value, rounds: roundRatios(stats, name, metric, client, versus) });
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
    const rounds = t.versus === undefined ? [] : roundRatios(stats, t.scenario, t.metric, t.client, t.versus);
    // `everyRound`: the bound holds in each round, not only for the median.
    const checked = t.everyRound ? rounds : [value];
    const within = (v) => (t.max !== undefined ? v <= t.max : v >= t.min);
    const met = value === undefined ? undefined : checked.every(within);
    return { ...t, ratio: value, rounds, status: met === undefined ? 'n/a' : met ? 'PASS' : 'MISS' };
  });
  for (const client of quietClients.filter((c) => clients.includes(c))) {
    const count = Object.keys(warnings[client] ?? {}).length;
    rows.push({ check: 'warnings', client, warnings: count, status: count === 0 ? 'PASS' : 'MISS' });
  }
  return rows;
}
