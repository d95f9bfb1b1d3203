import { McpClient } from '@mcpx/core';
import { FakeServer } from '@mcpx/core/testing';
import { afterEach, beforeAll } from 'vitest';
import {
  McpRegistry,
  type Clock,
  type ConnectFn,
  type McpRegistryOptions,
  type RegistryEvent,
  type RegistryEventMap,
  type ServerState,
} from '../src/index.js';

/** Lets pending promise chains and in-memory messages run: a few turns of the event loop, no real waiting. */
export async function settle(turns = 10): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** A clock that moves only when told, firing due timers in order and letting their work run in between. */
export class ManualClock implements Clock {
  private current = 1_700_000_000_000;
  private timers: Array<{ id: number; at: number; callback: () => void }> = [];
  private ids = 0;

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = ++this.ids;
    this.timers.push({ id, at: this.current + Math.max(0, ms), callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.id !== handle);
  }

  /** Delays of the timers waiting, from now, soonest first. */
  get pending(): number[] {
    return this.timers.map((timer) => timer.at - this.current).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`. */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    await settle();
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (due === undefined) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
      await settle();
    }
    this.current = target;
    await settle();
  }
}

/** A fake server's tools: `echo` answers `<server>:<message>`. */
export function serveTools(server: FakeServer, name: string, tools: string[] = ['echo']): FakeServer {
  server.handle('tools/list', () => ({
    tools: tools.map((tool) => ({ name: tool, description: `${tool} of ${name}`, inputSchema: { type: 'object' } })),
  }));
  server.handle('tools/call', (params) => {
    const args = (params.arguments ?? {}) as { message?: string };
    return { content: [{ type: 'text', text: `${name}:${String(params.name)}:${args.message ?? ''}` }] };
  });
  return server;
}

/** A server whose every connection is a new `FakeServer`, as a restarted process would be. */
export interface FakeFleetMember {
  connect: ConnectFn;
  /** Every server instance created so far, one per connection. */
  instances: FakeServer[];
  /** The newest instance. */
  readonly latest: FakeServer;
}

/**
 * `connect()` for an in-memory server named `name`, serving `echo` unless `setup` says
 * otherwise; `setup` gets each new instance and its index from 0.
 */
export function fakeServer(name: string, setup: (server: FakeServer, index: number) => void = () => undefined): FakeFleetMember {
  const instances: FakeServer[] = [];
  return {
    instances,
    get latest(): FakeServer {
      const last = instances.at(-1);
      if (last === undefined) throw new Error(`no instance of ${name} yet`);
      return last;
    },
    connect: async (signal) => {
      const server = serveTools(new FakeServer({ serverInfo: { name, version: '1.0.0' } }), name);
      setup(server, instances.length);
      instances.push(server);
      const client = new McpClient({ eraCache: false, server: name });
      await client.connect(server.clientTransport, { signal });
      return client;
    },
  };
}

/** A `connect()` that never settles until its signal aborts; counts its calls. */
export function hangingConnect(): { connect: ConnectFn; calls: number } {
  const state = {
    calls: 0,
    connect: (signal: AbortSignal): Promise<McpClient> => {
      state.calls++;
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
    },
  };
  return state;
}

/** Everything a registry reported, with a way to wait for what is still to come. */
export interface Recording {
  events: RegistryEvent[];
  /** The states `server` moved to, in order. */
  states(server: string): ServerState[];
  /** The first event of `type` from now on that matches `predicate`. */
  next<K extends keyof RegistryEventMap>(type: K, predicate?: (event: RegistryEventMap[K]) => boolean): Promise<RegistryEventMap[K]>;
  /** The next time `server` moves to `state`. */
  reaches(server: string, state: ServerState): Promise<RegistryEventMap['state']>;
}

const TYPES: Array<keyof RegistryEventMap> = ['state', 'health', 'breaker', 'reconnect', 'catalog', 'error'];

/** Records every event of `registry`. */
export function record(registry: McpRegistry): Recording {
  const events: RegistryEvent[] = [];
  const waiters = new Set<(type: keyof RegistryEventMap, event: unknown) => void>();
  for (const type of TYPES) {
    registry.on(type, (event) => {
      events.push({ type, ...event } as RegistryEvent);
      for (const waiter of [...waiters]) waiter(type, event);
    });
  }
  const next = <K extends keyof RegistryEventMap>(
    type: K,
    predicate: (event: RegistryEventMap[K]) => boolean = () => true,
  ): Promise<RegistryEventMap[K]> =>
    new Promise((resolve) => {
      const waiter = (seen: keyof RegistryEventMap, event: unknown): void => {
        if (seen !== type || !predicate(event as RegistryEventMap[K])) return;
        waiters.delete(waiter);
        resolve(event as RegistryEventMap[K]);
      };
      waiters.add(waiter);
    });
  return {
    events,
    states: (server) => events.flatMap((event) => (event.type === 'state' && event.server === server ? [event.to] : [])),
    next,
    reaches: (server, state) => next('state', (event) => event.server === server && event.to === state),
  };
}

/** The text of a tool result's first content block. */
export function text(result: { content: unknown[] }): string {
  const first = result.content[0] as { type?: string; text?: string } | undefined;
  return first?.type === 'text' ? String(first.text) : '';
}

/** Returns a factory of registries on a manual clock, each closed after the test. */
export function useRegistries(): (options?: McpRegistryOptions) => { registry: McpRegistry; clock: ManualClock; events: Recording } {
  const created: McpRegistry[] = [];
  // The first connection of a process loads the era sessions' code from disk, which takes more
  // than the few turns `settle()` gives on a busy machine: one connection first, outside the tests.
  beforeAll(async () => {
    const client = await fakeServer('warm-up').connect(new AbortController().signal);
    await client.close();
  });
  afterEach(async () => {
    await Promise.all(created.splice(0).map((registry) => registry.close({ deadlineMs: 0 })));
  });
  return (options = {}) => {
    const clock = new ManualClock();
    const registry = new McpRegistry({ clock, ...options });
    created.push(registry);
    return { registry, clock, events: record(registry) };
  };
}
