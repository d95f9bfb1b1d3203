import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/config-error.js';
import { McpClient } from '../client/mcp-client.js';
import { checkOptions, type OptionKeys } from './check-options.js';
import { JsonRpcEngine } from '../jsonrpc/engine.js';
import type { Transport } from '../transport.js';
import { exponentialBackoff } from './backoff.js';

interface Health {
  intervalMs?: number;
  timeoutMs?: number;
}
interface Defaults {
  requestTimeoutMs?: number;
  health?: Health;
}
interface Options {
  name?: string;
  defaults?: Defaults;
  clock?: () => number;
}
const KEYS = {
  name: true,
  clock: true,
  defaults: { requestTimeoutMs: true, health: { intervalMs: true, timeoutMs: true } },
} as const satisfies OptionKeys<Options>;

function refusal(options: unknown): ConfigError {
  try {
    checkOptions(options, KEYS, { where: 'new Thing(options)', server: 'alpha' });
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('the options were accepted');
}

describe('checkOptions', () => {
  it('accepts every known key, nested ones included, and values it does not look into', () => {
    expect(() =>
      checkOptions({ name: 'x', clock: Date.now, defaults: { requestTimeoutMs: 5, health: { intervalMs: 1 } } }, KEYS, { where: 'x' }),
    ).not.toThrow();
    expect(() => checkOptions(undefined, KEYS, { where: 'x' })).not.toThrow();
  });

  it('refuses a misspelt key with the option it is likely a typo of', () => {
    const error = refusal({ nmae: 'x' });
    expect(error.message).toBe('server "alpha": new Thing(options): unknown option "nmae"; did you mean "name"?');
    expect(error.server).toBe('alpha');
    expect(error.code).toBe('CONFIG_INVALID');
  });

  it('points a key given at the wrong level to the object it belongs under', () => {
    expect(refusal({ requestTimeoutMs: 300 }).message).toBe(
      'server "alpha": new Thing(options): unknown option "requestTimeoutMs"; it belongs under "defaults" (as "defaults.requestTimeoutMs")',
    );
    expect(refusal({ intervalMs: 300 }).message).toContain('it belongs under "defaults.health" (as "defaults.health.intervalMs")');
  });

  it('names nested keys by their path', () => {
    expect(refusal({ defaults: { health: { intervalMS: 1 } } }).message).toBe(
      'server "alpha": new Thing(options): unknown option "defaults.health.intervalMS"; did you mean "defaults.health.intervalMs"?',
    );
  });

  it('lists the known keys when nothing is close', () => {
    expect(refusal({ zzz: 1 }).message).toBe(
      'server "alpha": new Thing(options): unknown option "zzz"; remove it, or use one of "name", "clock", "defaults"',
    );
  });

  it("says the caller's hint for a key that belongs to another call, by its path", () => {
    const hints = { transport: 'pass it to connect(transport) instead', 'defaults.nmae': 'a hint wins over a spelling' };
    const check = (options: unknown): void => checkOptions(options, KEYS, { where: 'new Thing(options)', hints });
    expect(() => check({ transport: {} })).toThrow('new Thing(options): unknown option "transport"; pass it to connect(transport) instead');
    expect(() => check({ defaults: { nmae: 1 } })).toThrow('unknown option "defaults.nmae"; a hint wins over a spelling');
    expect(() => check({ nmae: 1 })).toThrow('unknown option "nmae"; did you mean "name"?');
  });

  it('reports every unknown key at once', () => {
    const error = refusal({ nmae: 'x', requestTimeoutMs: 1, defaults: { helth: {} } });
    expect(error.message.split('\n')).toEqual([
      'server "alpha": new Thing(options): 3 unknown options:',
      '  - unknown option "nmae"; did you mean "name"?',
      '  - unknown option "requestTimeoutMs"; it belongs under "defaults" (as "defaults.requestTimeoutMs")',
      '  - unknown option "defaults.helth"; did you mean "defaults.health"?',
    ]);
  });

  it('does not look into class instances or functions given as values', () => {
    class Store {
      extra = 1;
    }
    expect(() => checkOptions({ defaults: new Store() }, KEYS, { where: 'x' })).not.toThrow();
  });

  it('keeps key lists in step with their types', () => {
    // @ts-expect-error a key list that misses an option of its type does not compile
    const missing = { name: true, clock: true } as const satisfies OptionKeys<Options>;
    // @ts-expect-error nor does one with a key its type lacks
    const extra = { name: true, clock: true, defaults: true, other: true } as const satisfies OptionKeys<Options>;
    expect([missing, extra]).toHaveLength(2);
  });
});

describe('the options of core', () => {
  it('refuse a misspelt McpClient option', () => {
    expect(() => new McpClient({ requestTimeotMs: 300 } as never)).toThrow(
      'new McpClient(options): unknown option "requestTimeotMs"; did you mean "requestTimeoutMs"?',
    );
  });

  it.each([
    ['requestTimeout', 'requestTimeoutMs'],
    ['maxTotalTimeout', 'maxTotalTimeoutMs'],
    ['probeTimeout', 'probeTimeoutMs'],
    ['connectTimeout', 'connectTimeoutMs'],
  ])('point the old name %s of a duration at %s, its name in milliseconds', (old, current) => {
    expect(() => new McpClient({ [old]: 300 })).toThrow(`new McpClient(options): unknown option "${old}"; did you mean "${current}"?`);
  });

  it('point an old setting name at its name in milliseconds', () => {
    expect(() => new McpClient({ settingNames: { requestTimeout: '--timeout' } } as never)).toThrow(
      'new McpClient(options): unknown option "settingNames.requestTimeout"; did you mean "settingNames.requestTimeoutMs"?',
    );
  });

  it('refuse a transport given to the McpClient constructor, pointing at connect()', () => {
    expect(() => new McpClient({ server: 'alpha', transport: {} } as never)).toThrow(
      'server "alpha": new McpClient(options): unknown option "transport"; pass the transport to connect(transport) instead',
    );
  });

  it('refuse a misspelt option of a nested client option by its path', () => {
    expect(() => new McpClient({ cache: { stor: new Map() } } as never)).toThrow(
      'new McpClient(options): unknown option "cache.stor"; did you mean "cache.store"?',
    );
  });

  it('point the old timeout of connect() at timeoutMs', async () => {
    const client = new McpClient();
    await expect(client.connect(() => ({}) as never, { timeout: 5 } as never)).rejects.toThrow(
      'McpClient.connect(transport, options): unknown option "timeout"; did you mean "timeoutMs"?',
    );
  });

  it('refuse a misspelt option of a JsonRpcEngine', () => {
    expect(() => new JsonRpcEngine({} as Transport, { timeout: 5 } as never)).toThrow(
      'new JsonRpcEngine(transport, options): unknown option "timeout"; did you mean "timeoutMs"?',
    );
  });

  it('refuse a misspelt option of exponentialBackoff', () => {
    expect(() => exponentialBackoff({ initialMS: 5 } as never)).toThrow('unknown option "initialMS"; did you mean "initialMs"?');
  });
});
