import type { CatalogFailure } from '@mcpx/registry';
import type { Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { downExitCode, reportDown } from '../fleet/down.js';
import type { Fleet } from '../fleet/open-fleet.js';

/** The server named by a catalog command's argument, if any. */
export function selection(context: Context): string[] {
  return context.args.positionals.slice(0, 1);
}

/** Notes servers that are down or could not list, and returns the exit code: 4 when any (5 when each down server needs a login), else 0. */
export function finish(context: Context, fleet: Fleet, failures: readonly CatalogFailure[]): number {
  const down = reportDown(context, fleet);
  for (const failure of failures) context.note(`${context.err.red('mcpx:')} ${failure.server} could not list: ${failure.error.message}`);
  if (failures.length > 0) return EXIT.unavailable;
  return down ? downExitCode(fleet.down()) : EXIT.ok;
}

/** Failures as JSON. */
export function failuresJson(failures: readonly CatalogFailure[], fleet: Fleet): Array<{ server: string; error: string }> {
  return [
    ...fleet.down().map((view) => ({ server: view.name, error: view.lastError?.message ?? view.state })),
    ...failures.map((failure) => ({ server: failure.server, error: failure.error.message })),
  ];
}

/** The first line of a description. */
export function summaryLine(text: string | undefined): string {
  return (text ?? '').trim().split('\n')[0] ?? '';
}
