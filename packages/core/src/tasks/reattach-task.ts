import type { McpClient } from '../client/mcp-client.js';
import { taskDriverOf } from '../client/client-tasks.js';
import type { TaskDriver } from './task-driver.js';
import { openTaskHandle, type TaskHandle } from './task-handle.js';
import type { Task } from './task.js';

/** Runs one request of a task on the client that serves it now (the registry's current client of a server). */
export type TaskRunner = <T>(method: string, request: (client: McpClient) => Promise<T>) => Promise<T>;

/**
 * A handle on the task `taskId`, with its state fetched, whose every request goes to the client
 * `run` gives at that moment: so it survives a reconnect that replaces the client (the registry's).
 */
export async function reattachTask(taskId: string, run: TaskRunner, signal?: AbortSignal): Promise<TaskHandle> {
  const first = await run('tasks/get', (client) => taskDriverOf(client, taskId, 'tools/call'));
  const handle = openTaskHandle(new RebindingTaskDriver(first, run), { taskId, status: 'working' });
  await handle.refresh(signal);
  return handle;
}

/** A task driver that drives each request through the driver of the client serving the task now. */
class RebindingTaskDriver implements TaskDriver {
  /** The driver of each client seen, kept so that what it holds (an open `tasks/result`, the input answered) carries on. */
  private readonly drivers = new WeakMap<McpClient, Promise<TaskDriver>>();

  constructor(
    private readonly first: TaskDriver,
    private readonly run: TaskRunner,
  ) {}

  get taskId(): string {
    return this.first.taskId;
  }

  get server(): string | undefined {
    return this.first.server;
  }

  get method(): string {
    return this.first.method;
  }

  get defaultPollIntervalMs(): number {
    return this.first.defaultPollIntervalMs;
  }

  get(signal: AbortSignal | undefined): Promise<Task> {
    return this.on('tasks/get', (driver) => driver.get(signal));
  }

  cancel(signal: AbortSignal | undefined): Promise<Task | undefined> {
    return this.on('tasks/cancel', (driver) => driver.cancel(signal));
  }

  advance(task: Task, signal: AbortSignal): Promise<void> {
    return this.on('tasks/get', (driver) => driver.advance(task, signal));
  }

  outcome(task: Task, signal: AbortSignal | undefined): Promise<Record<string, unknown>> {
    return this.on('tasks/result', (driver) => driver.outcome(task, signal));
  }

  watch(): () => void {
    // Pushed states reach the driver of one client; polling covers every client.
    return () => undefined;
  }

  private on<T>(method: string, request: (driver: TaskDriver) => Promise<T>): Promise<T> {
    return this.run(method, async (client) => {
      const known = this.drivers.get(client);
      const driver = known ?? taskDriverOf(client, this.taskId, this.method);
      if (known === undefined) this.drivers.set(client, driver);
      return request(await driver);
    });
  }
}
