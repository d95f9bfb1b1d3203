// Prints the summary as a table for people. `--json` output is built in run.mjs instead.
import { baselines, ratio } from './summary.mjs';

const num = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const cell = (s) => ({ median, spread }) => `${num(median)} ±${(spread * 100).toFixed(0)}%`.padStart(s);

export function printReport({ header, scenarios, clients, stats, verdicts, failures }) {
  const out = [header, ''];
  for (const [name, scenario] of Object.entries(scenarios)) {
    const headline = scenario.metrics.find((m) => m.ratio);
    const versus = baselines(name);
    out.push(`${scenario.title}  ${JSON.stringify(scenario.chosen)}`);
    out.push(
      '  ' +
        'client'.padEnd(10) +
        scenario.metrics.map((m) => m.label.padStart(18)).join('') +
        versus.map((v) => `vs ${v}`.padStart(14)).join(''),
    );
    for (const client of clients) {
      const row = stats[name]?.[client];
      if (row === undefined) {
        out.push(`  ${client.padEnd(10)}${failures[client] ? '  failed (see below)' : '  no samples'}`);
        continue;
      }
      const ratios = versus.map((v) => {
        const r = ratio(stats, name, headline.key, client, v);
        return (r === undefined ? '–' : `${r.toFixed(2)}×`).padStart(14);
      });
      out.push('  ' + client.padEnd(10) + scenario.metrics.map((m) => cell(18)(row[m.key])).join('') + ratios.join(''));
    }
    out.push('');
  }
  out.push('Targets (ratios of medians; PASS/MISS do not change the exit code)');
  for (const v of verdicts) {
    const label = `${v.scenario} ${v.metric}: ${v.client} / ${v.versus}`;
    const got = v.ratio === undefined ? 'not measured' : `${v.ratio.toFixed(2)}×`;
    out.push(`  ${v.status.padEnd(5)} ${label.padEnd(44)} ${got.padStart(12)}  (target ≤ ${v.max}×)`);
  }
  const failed = Object.entries(failures);
  if (failed.length > 0) {
    out.push('', 'Failures (client skipped from then on)');
    for (const [client, error] of failed) out.push(`  ${client}: ${error}`);
    if (failed.some(([, e]) => e.includes('ERR_MODULE_NOT_FOUND'))) out.push('  (a package not found: build the workspace first, `pnpm build`)');
  }
  console.log(out.join('\n'));
}
