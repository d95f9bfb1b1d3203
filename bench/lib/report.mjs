// Prints the summary as a table for people. `--json` output is built in run.mjs instead.
import { baselines, ratio, ratioMetrics } from './summary.mjs';

const num = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const cell =
  (s) =>
  ({ median, spread }) =>
    `${num(median)} ±${(spread * 100).toFixed(0)}%`.padStart(s);

export function printReport({ transport, header, scenarios, clients, stats, verdicts, warnings, failures }) {
  const out = [header, ''];
  for (const [name, scenario] of Object.entries(scenarios)) {
    const columns = ratioMetrics(transport, name, scenario).flatMap((metric) =>
      baselines(transport, name).map((versus) => {
        const label = `${metric.short ?? metric.label} vs ${versus}`;
        return { metric, versus, label, width: Math.max(16, label.length + 2) };
      }),
    );
    out.push(`${scenario.title}  ${JSON.stringify(scenario.chosen)}`);
    out.push(
      '  ' +
        'client'.padEnd(15) +
        scenario.metrics.map((m) => m.label.padStart(18)).join('') +
        columns.map(({ label, width }) => label.padStart(width)).join(''),
    );
    for (const client of clients) {
      const row = stats[name]?.[client];
      if (row === undefined) {
        out.push(`  ${client.padEnd(15)}${failures[client] ? '  failed (see below)' : '  no samples'}`);
        continue;
      }
      const ratios = columns.map(({ metric, versus, width }) => {
        const r = ratio(stats, name, metric.key, client, versus);
        return (r === undefined ? '–' : `${r.toFixed(2)}×`).padStart(width);
      });
      out.push('  ' + client.padEnd(15) + scenario.metrics.map((m) => cell(18)(row[m.key])).join('') + ratios.join(''));
    }
    out.push('');
  }
  out.push('Targets (medians of per-round ratios, or medians of the figure itself; PASS/MISS do not change the exit code)');
  for (const v of verdicts) {
    if (v.check === 'warnings') {
      const got = v.status === 'n/a' ? 'not measured' : `${v.warnings} kind${v.warnings === 1 ? '' : 's'}`;
      out.push(`  ${v.status.padEnd(5)} ${`process warnings: ${v.client}`.padEnd(48)} ${got.padStart(12)}  (target: none)`);
      continue;
    }
    const absolute = v.versus === undefined;
    const label = absolute ? `${v.scenario} ${v.metric}: ${v.client}` : `${v.scenario} ${v.metric}: ${v.client} / ${v.versus}`;
    const unit = absolute ? ` ${v.unit}` : '×';
    const got = v.ratio === undefined ? 'not measured' : absolute ? `${num(v.ratio)}${unit}` : `${v.ratio.toFixed(2)}×`;
    const limit = `${v.max !== undefined ? `≤ ${v.max}` : `≥ ${v.min}`}${unit}${v.everyRound ? ' in every round' : ''}`;
    const rounds = v.rounds.length > 1 ? `  rounds ${v.rounds.map((r) => r.toFixed(2)).join(', ')}` : '';
    out.push(`  ${v.status.padEnd(5)} ${label.padEnd(48)} ${got.padStart(12)}  (target ${limit})${rounds}`);
  }
  const warned = clients.filter((c) => Object.keys(warnings[c] ?? {}).length > 0);
  out.push(
    '',
    warned.length === 0 ? 'Process warnings: none' : 'Process warnings (first and last of each kind, how often, in which scenarios)',
  );
  for (const client of warned) {
    for (const { first, last, emitted, processes, scenarios: where } of Object.values(warnings[client])) {
      out.push(`  ${client}: ${emitted} emitted by ${processes} process${processes === 1 ? '' : 'es'} (${where.join(', ')})`);
      out.push(`    first: ${first}`);
      if (last !== first) out.push(`    last:  ${last}`);
    }
  }
  const failed = Object.entries(failures);
  if (failed.length > 0) {
    out.push('', 'Failures (client skipped from then on)');
    for (const [client, error] of failed) out.push(`  ${client}: ${error}`);
    if (failed.some(([, e]) => e.includes('ERR_MODULE_NOT_FOUND')))
      out.push('  (a package not found: build the workspace first, `pnpm build`)');
  }
  console.log(out.join('\n'));
}
