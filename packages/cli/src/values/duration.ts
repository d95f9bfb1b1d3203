import { UsageError } from '../errors/cli-error.js';

/** Milliseconds from `500ms`, `30s`, `2m` or a bare number of seconds. */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (match === null) throw new UsageError(`--${flag} must be a duration such as 500ms, 30s or 2m, got "${text}"`);
  const value = Number(match[1]);
  const ms = match[2] === 'ms' ? value : match[2] === 'm' ? value * 60_000 : value * 1000;
  if (!(ms > 0)) throw new UsageError(`--${flag} must be more than zero, got "${text}"`);
  return Math.round(ms);
}

/** A positive whole number from a flag. */
export function parseCount(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${flag} must be a whole number of at least 1, got "${text}"`);
  return value;
}

/** Milliseconds as people read them: `0.8 ms`, `12 ms`, `1.4 s`, `3 min`. */
export function formatMs(ms: number | null | undefined): string {
  if (ms == null || !Number.isFinite(ms)) return '-';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.round(ms / 60_000)} min`;
}
