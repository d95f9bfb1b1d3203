import type { RegisteredServer } from '@mcpx/registry';

/** One ping's outcome. */
export interface PingResult {
  readonly server: string;
  readonly ok: boolean;
  /** Round trip in milliseconds, when it answered. */
  readonly latencyMs: number | null;
  readonly error: string | null;
}

/** Pings a server (`ping`, or `server/discover` for a 2026-07-28 server) and times it; never throws. */
export async function pingServer(
  view: RegisteredServer,
  options: { timeoutMs?: number | undefined; signal?: AbortSignal | undefined } = {},
): Promise<PingResult> {
  const client = view.client;
  if (client === undefined) return { server: view.name, ok: false, latencyMs: null, error: `not connected (${view.state})` };
  const started = performance.now();
  try {
    await client.ping({ timeoutMs: options.timeoutMs, signal: options.signal });
    return { server: view.name, ok: true, latencyMs: performance.now() - started, error: null };
  } catch (error) {
    return { server: view.name, ok: false, latencyMs: null, error: error instanceof Error ? error.message : String(error) };
  }
}
