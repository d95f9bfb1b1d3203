import { asTable, describeValue, FieldReader } from './fields.js';
import { readKeys } from './keys.js';
import type { Report } from './problem.js';
import { HEALTH_KEYS, RECONNECT_KEYS } from './server-keys.js';
import type { HealthConfig, ReconnectConfig } from './types.js';

/** `reconnect`: true, false or a table; or the flat `auto_reconnect`, `max_reconnect_attempts`, `reconnect_delay`. */
export function readReconnect(fields: FieldReader, report: Report): ReconnectConfig | false | undefined {
  const flat = ['flat:autoReconnect', 'flat:maxReconnectAttempts', 'flat:reconnectDelay'].filter((name) => fields.has(name));
  if (fields.has('reconnect')) {
    for (const name of flat)
      fields.wrong(
        name,
        `conflicts with "${fields.keyOf('reconnect')}"`,
        `move it into the reconnect table, or remove "${fields.keyOf('reconnect')}"`,
      );
    return policy(fields, 'reconnect', report, (reader) =>
      compact({
        maxAttempts: reader.integer('maxAttempts', 0),
        initialDelayMs: reader.integer('initialDelayMs', 0),
        maxDelayMs: reader.integer('maxDelayMs', 0),
      }),
    );
  }
  if (flat.length === 0) return undefined;
  const auto = fields.bool('flat:autoReconnect');
  const maxAttempts = fields.integer('flat:maxReconnectAttempts', 0);
  const initialDelayMs = fields.seconds('flat:reconnectDelay', 0);
  if (auto === false) return false;
  return compact({ maxAttempts, initialDelayMs });
}

/** `health`: true, false or a table; or the flat `health_check_interval` in seconds (0 turns checks off). */
export function readHealth(fields: FieldReader, report: Report): HealthConfig | false | undefined {
  if (fields.has('health')) {
    if (fields.has('flat:healthCheckInterval')) {
      fields.wrong('flat:healthCheckInterval', `conflicts with "${fields.keyOf('health')}"`, `set intervalMs in the health table instead`);
    }
    return policy(fields, 'health', report, (reader) =>
      compact({
        intervalMs: reader.integer('intervalMs', 1),
        degradedIntervalMs: reader.integer('degradedIntervalMs', 1),
        timeoutMs: reader.integer('timeoutMs', 1),
        degradedLatencyMs: reader.integer('degradedLatencyMs', 0),
        failureThreshold: reader.integer('failureThreshold', 1),
        jitter: reader.share('jitter'),
      }),
    );
  }
  const interval = fields.seconds('flat:healthCheckInterval', 0);
  if (interval === undefined) return undefined;
  return interval === 0 ? false : { intervalMs: interval };
}

function policy<T>(
  fields: FieldReader,
  name: 'reconnect' | 'health',
  report: Report,
  read: (reader: FieldReader) => T,
): T | false | undefined {
  const value = fields.raw(name)?.value;
  if (value === true) return read(new FieldReader(new Map(), report));
  if (value === false) return false;
  const table = asTable(value);
  if (table === undefined)
    return fields.wrong(
      name,
      `must be true, false or a table, got ${describeValue(value)}`,
      `write false to turn it off, or a table such as { ${(name === 'reconnect' ? RECONNECT_KEYS : HEALTH_KEYS).keys[0]}: 5 }`,
    );
  const path = `${fields.keyOf(name)}.`;
  const found = readKeys(table, name === 'reconnect' ? RECONNECT_KEYS : HEALTH_KEYS, report, path);
  return read(new FieldReader(found, report, path));
}

/** `object` without its undefined properties. */
export function compact<T extends object>(object: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
