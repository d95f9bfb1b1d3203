import type { McpClient } from '../client/mcp-client.js';
import type { CallOptions } from '../client/options.js';
import { taskDriverOf } from '../client/client-tasks.js';
import { LocalError } from '../errors/local-error.js';
import { ProtocolError } from '../errors/protocol-error.js';
import { RequestTimeoutError } from '../errors/request-timeout-error.js';
import { TaskCancelledError } from '../errors/task-cancelled-error.js';
import { abortableDelay } from './abortable-delay.js';
import type { TaskDriver, TaskDriverContext } from './task-driver.js';
import { openTaskHandle, type TaskHandle } from './task-handle.js';
import type { Task } from './task.js';

/**
 * Runs one request of a task on the client that serves it now (the registry's current client of a
 * server), with the options that client's requests take there (the registry's `requestTimeoutMs`).
 */
export type TaskRunner = <T>(method: string, request: (client: McpClient, options: CallOptions) => Promise<T>) => Promise<T>;

/**
 * A handle on the task `taskId`, with its state fetched, whose every request goes to the client
 * `run` gives at that moment: so it survives a reconnect that replaces the client (the registry's).
 * While polling, a request refused because the server is momentarily unreachable (a retryable
 * `LocalError` other than a timeout: reconnecting, its breaker open, the connection dropped) is tried again at the poll
 * interval, for as long as someone waits (each waiter's signal, a task deadline, bounds it).
 */
export async function reattachTask(taskId: string, run: TaskRunner, signal?: AbortSignal): Promise<TaskHandle> {
  const shared: TaskDriverContext = { answered: new Set() };
  const first = await run('tasks/get', (client, options) =>
    taskDriverOf(client, taskId, 'tools/call', { ...shared, requestOptions: options }),
  );
  const driver = new RebindingTaskDriver(first, run, shared);
  const handle = openTaskHandle(driver, { taskId, status: 'working' });
  await handle.refresh(signal);
  return handle;
}

/** The outcome of a request that the task itself decided (its failure, its cancellation): no fault of the server's. */
type Settled<T> = { value: T } | { error: unknown };

/** A task driver that drives each request through the driver of the client serving the task now. */
class RebindingTaskDriver implements TaskDriver {
  /** The driver of each client seen, kept so that what it holds (an open `tasks/result`) carries on. */
  private readonly drivers = new WeakMap<McpClient, Promise<TaskDriver>>();
  /** The driver the last request went through: the one that answers the task's input. */
  private latest: TaskDriver;
  /** The interval the server last suggested, for retries while it cannot be reached. */
  private pollIntervalMs: number | undefined;

  constructor(
    first: TaskDriver,
    private readonly run: TaskRunner,
    private readonly shared: TaskDriverContext,
  ) {
    this.latest = first;
  }

  get taskId(): string {
    return this.latest.taskId;
  }

  get server(): string | undefined {
    return this.latest.server;
  }

  get method(): string {
    return this.latest.method;
  }

  get defaultPollIntervalMs(): number {
    return this.latest.defaultPollIntervalMs;
  }

  async get(signal: AbortSignal | undefined): Promise<Task> {
    const task = await this.retrying(signal, () => this.on('tasks/get', (driver) => driver.get(signal)));
    this.pollIntervalMs = task.pollIntervalMs;
    return task;
  }

  cancel(signal: AbortSignal | undefined): Promise<Task | undefined> {
    return this.on('tasks/cancel', (driver) => driver.cancel(signal));
  }

  advance(task: Task, signal: AbortSignal): Promise<void> {
    // Outside the registry's request: answering may wait on the user for long, which is no request to the server.
    return this.latest.advance(task, signal);
  }

  async outcome(task: Task, signal: AbortSignal | undefined): Promise<Record<string, unknown>> {
    const settled = await this.retrying(signal, () =>
      this.on('tasks/result', async (driver): Promise<Settled<Record<string, unknown>>> => {
        try {
          return { value: await driver.outcome(task, signal) };
        } catch (error) {
          // The task failed or was cancelled: its outcome, not the server failing, so it stays out of the breaker.
          if (ProtocolError.isInstance(error) || TaskCancelledError.isInstance(error)) return { error };
          throw error;
        }
      }),
    );
    if ('error' in settled) throw settled.error;
    return settled.value;
  }

  watch(): () => void {
    // Pushed states reach the driver of one client; polling covers every client.
    return () => undefined;
  }

  private on<T>(method: string, request: (driver: TaskDriver) => Promise<T>): Promise<T> {
    return this.run(method, async (client, options) => {
      const known = this.drivers.get(client);
      const driver = known ?? taskDriverOf(client, this.taskId, this.method, { ...this.shared, requestOptions: options });
      if (known === undefined) this.drivers.set(client, driver);
      this.latest = await driver;
      return request(this.latest);
    });
  }

  /** Runs `attempt`, again at the poll interval while the server is momentarily unreachable and `signal` lets it wait. */
  private async retrying<T>(signal: AbortSignal | undefined, attempt: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        return await attempt();
      } catch (error) {
        // A timeout is the server being slow, not away: it fails the wait as a direct client's would.
        const away = LocalError.isInstance(error) && error.isRetryable && !RequestTimeoutError.isInstance(error);
        if (signal === undefined || !away) throw error;
      }
      const context = { server: this.server, method: 'tasks/get' };
      await abortableDelay(this.pollIntervalMs ?? this.defaultPollIntervalMs, signal, context);
    }
  }
}
