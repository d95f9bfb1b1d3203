import type { Context, Io } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { createStyle, useColor } from '../output/style.js';
import { CliError } from './cli-error.js';

/** An error as the CLI reports it. */
export interface ErrorReport {
  exitCode: number;
  name: string;
  message: string;
  code?: string | number | undefined;
  hint?: string | undefined;
  problems?: readonly unknown[] | undefined;
}

/** Which exit code an error maps to, and what to say about it. */
export async function classify(error: unknown, interrupted: boolean): Promise<ErrorReport> {
  const base = {
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
    code: codeOf(error),
  };
  if (error instanceof CliError) return { ...base, exitCode: error.exitCode, hint: error.hint };
  // These packages are loaded by then whenever one of their errors can be thrown.
  const [core, registry, factory] = await Promise.all([import('@mcpx/core'), import('@mcpx/registry'), import('@mcpx/factory')]);
  if (interrupted && (core.CancelledError.isInstance(error) || !core.McpxError.isInstance(error))) {
    return { ...base, exitCode: EXIT.interrupted, message: 'interrupted' };
  }
  if (core.LoginRequiredError.isInstance(error)) return { ...base, exitCode: EXIT.loginRequired };
  if (core.UrlElicitationRequiredError.isInstance(error)) {
    const urls = error.elicitations.map((elicitation) => elicitation.url).join(' and ');
    return {
      ...base,
      exitCode: EXIT.failure,
      hint: `open ${urls || 'the URL the server named'} in a browser, finish there, then run the command again`,
    };
  }
  if (factory.ConfigValidationError.isInstance(error)) return { ...base, exitCode: EXIT.config, problems: error.problems };
  if (factory.ConfigNotFoundError.isInstance(error))
    return { ...base, exitCode: EXIT.config, hint: 'mcpx config init writes a commented starter file' };
  if (core.ConfigError.isInstance(error)) return { ...base, exitCode: EXIT.config };
  if (core.ConnectTimeoutError.isInstance(error)) {
    return {
      ...base,
      exitCode: EXIT.unavailable,
      hint: 'a first npx -y run downloads the package, and Docker pulls the image: allow for it, e.g. --connect-timeout 2m',
    };
  }
  const unavailable = [
    registry.ServerUnavailableError,
    registry.CircuitOpenError,
    core.NonJsonOutputError,
    registry.RegistryClosedError,
    core.ConnectionClosedError,
    core.TransportError,
    core.AuthError,
    core.UnsupportedProtocolVersionError,
    factory.StoreUnavailableError,
  ];
  if (unavailable.some((type) => type.isInstance(error))) return { ...base, exitCode: EXIT.unavailable };
  if (core.RequestTimeoutError.isInstance(error)) {
    return { ...base, exitCode: EXIT.failure, hint: 'durations are written 500ms, 30s or 2m; progress notifications restart the timeout' };
  }
  if (registry.ServerNotFoundError.isInstance(error) || registry.NotInCatalogError.isInstance(error))
    return { ...base, exitCode: EXIT.usage };
  return { ...base, exitCode: EXIT.failure };
}

/** Prints the error on stderr: a line (and a hint) for people, one JSON object with `--json`. */
export function printError(report: ErrorReport, io: Io, context: Pick<Context, 'json'> | undefined): void {
  if (context?.json) {
    const { exitCode, name, message, code, hint, problems } = report;
    io.stderr.write(`${JSON.stringify({ error: { name, message, code, exitCode, hint, problems } })}\n`);
    return;
  }
  // An empty message was said already, as it happened.
  if (report.message === '') return;
  const style = createStyle(useColor(io.stderr, io.env, undefined));
  io.stderr.write(`${style.red('mcpx:')} ${report.message}\n`);
  if (report.hint !== undefined) io.stderr.write(`${style.dim(`hint: ${report.hint}`)}\n`);
}

function codeOf(error: unknown): string | number | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' || typeof code === 'number' ? code : undefined;
}
