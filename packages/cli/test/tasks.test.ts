import type { ChildProcess } from 'node:child_process';
import { everythingCommand, startEverythingHttp, type HttpServerProcess } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, json, mcpx, requireBuild, scratch, type RunResult } from './helpers.js';
import { startHoldServer, type HoldServer } from './hold-server.js';
import { startSharedServer, type SharedServer } from './shared-server.js';
import { requireTmux, TerminalSession } from './tmux.js';

// Tools that run as tasks (MCP tasks, 2025-11-25). Results come from server-everything's
// simulate-research-query (taskSupport "required", four stages of a second each); what must
// happen while a task is still working (Ctrl-C, cancel, keep) uses the task-server fixture's
// "hold", whose task goes on until cancelled, so a loaded machine cannot finish it first. Both
// are reached through a stdio relay marked as a proxy, so that they outlive each run as a remote
// server does and a task started by one run can be fetched, awaited or cancelled by the next.
const dir = scratch('tasks');
let shared: SharedServer | undefined;
let hold: HoldServer | undefined;
const config = ['--config', 'research.json'];
const holdConfig = ['--config', 'hold.json'];
beforeAll(async () => {
  requireBuild();
  shared = await startSharedServer(dir);
  dir.write('research.json', shared.config('research'));
  hold = await startHoldServer(dir);
  dir.write('hold.json', hold.config('hold'));
});
afterAll(async () => {
  await shared?.close();
  await hold?.close();
  dir[Symbol.dispose]();
});

interface TaskJson {
  taskId: string;
  status: string;
  statusMessage?: string;
  ttlMs?: number;
  pollIntervalMs?: number;
}

/** A call that runs as a task: `tool` on `server` with `args`, the config file, and the status it first reports. */
interface TaskCall {
  server: string;
  tool: string;
  args: string[];
  config: string[];
  firstStatus: string;
}

const research = (topic: string): TaskCall => ({
  server: 'research',
  tool: 'simulate-research-query',
  args: [`topic=${topic}`],
  config,
  firstStatus: 'working: Gathering sources',
});
const held = (label: string): TaskCall => ({
  server: 'hold',
  tool: 'hold',
  args: [`label=${label}`],
  config: holdConfig,
  firstStatus: 'working: Holding',
});

/** `mcpx call` of a task, interrupted (SIGINT, as Ctrl-C without a terminal) once it reported its first status. */
async function interruptedCall(call: TaskCall): Promise<{ result: RunResult; taskId: string }> {
  let child: ChildProcess | undefined;
  let stderr = '';
  const running = mcpx(['call', `${call.server}/${call.tool}`, ...call.args, ...call.config], {
    dir,
    onStart: (started) => {
      child = started;
      started.stderr?.on('data', (chunk: string) => (stderr += chunk));
    },
  });
  try {
    const pattern = new RegExp(`runs as task (\\S+) on ${call.server}`);
    const taskId = await eventually(() => pattern.exec(stderr)?.[1], 'the call to become a task');
    await eventually(() => (stderr.includes(call.firstStatus) ? true : undefined), 'the first status');
    child!.kill('SIGINT');
    return { result: await running, taskId };
  } finally {
    child?.kill();
  }
}

describe('mcpx call on a tool that runs as a task', () => {
  it('shows the task id and each status on stderr, and prints only the result on stdout', async () => {
    const result = await mcpx(['call', 'research/simulate-research-query', 'topic=python', ...config], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Research Report: python\n/);
    expect(result.stdout).not.toContain('Gathering sources...');
    expect(result.stderr).toMatch(/mcpx: research\/simulate-research-query runs as task \S+ on research\n/);
    expect(result.stderr).toContain('  working: Gathering sources...\n');
    expect(result.stderr).toContain('  working: Generating report...\n');
  });

  it('prints the result as JSON with --json, the status still on stderr', async () => {
    const result = await mcpx(['call', 'research/simulate-research-query', 'topic=tides', '--json', ...config], { dir });
    expect(result.code).toBe(0);
    expect(json<{ content: Array<{ text: string }> }>(result).content[0]?.text).toContain('# Research Report: tides');
    expect(result.stderr).toContain('working: Synthesizing findings...');
  });

  it('answers the question the task asks with --answers', async () => {
    const result = await mcpx(
      ['call', 'research/simulate-research-query', 'topic=python', 'ambiguous=true', '--answers', '{"interpretation":"snake"}', ...config],
      { dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Research Report: python (snake)');
    expect(result.stderr).toContain('input_required: Found multiple interpretations for "python"');
  });

  it('leaves the task running on Ctrl-C without a terminal, printing how to cancel it, exit 130', async () => {
    const { result, taskId } = await interruptedCall(held('glaciers'));
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`mcpx: task ${taskId} goes on on hold (working: Holding)`);
    expect(result.stderr).toContain(`  cancel it:      mcpx tasks cancel hold ${taskId}\n`);
    const state = await mcpx(['tasks', 'get', 'hold', taskId, '--json', ...holdConfig], { dir });
    expect(state.code).toBe(0);
    expect(json<{ task: TaskJson }>(state).task).toMatchObject({ taskId, status: 'working', ttlMs: 300_000, pollIntervalMs: 500 });
  });

  it('says on Ctrl-C that the task of a stdio server mcpx started ends with it, with no mcpx tasks hints', async () => {
    dir.write('local.json', JSON.stringify({ mcpServers: { local: everythingCommand('stdio') } }));
    const local = { ...research('lichens'), server: 'local', config: ['--config', 'local.json'] };
    const { result, taskId } = await interruptedCall(local);
    expect(result.code).toBe(130);
    expect(result.stderr).toContain(`mcpx: task ${taskId} ends with local, the stdio server mcpx started and now stops`);
    expect(result.stderr).not.toContain('mcpx tasks');
  });
});

describe('mcpx call on a task over Streamable HTTP', () => {
  let http: HttpServerProcess;
  beforeAll(async () => {
    http = await startEverythingHttp('streamableHttp');
  });
  afterAll(() => http.stop());

  it('shows the status and prints the result', async () => {
    const result = await mcpx(['call', '--url', http.url, '--name', 'remote', 'simulate-research-query', 'topic=moss'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Research Report: moss\n/);
    expect(result.stderr).toMatch(/runs as task \S+ on remote\n/);
    expect(result.stderr).toContain('  working: Generating report...\n');
  });
});

describe('mcpx tasks', () => {
  it('result waits for a task started by another run and prints its result', async () => {
    const { taskId } = await interruptedCall(research('volcanoes'));
    const result = await mcpx(['tasks', 'result', 'research', taskId, ...config], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Research Report: volcanoes\n/);
    expect(result.stderr).toMatch(/working: (Analyzing content|Synthesizing findings|Generating report)\.\.\./);
  });

  it('cancel cancels a task started by another run; get and list then show it cancelled', async () => {
    const { taskId } = await interruptedCall(held('comets'));
    const cancelled = await mcpx(['tasks', 'cancel', 'hold', taskId, ...holdConfig], { dir });
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toBe(`cancelled task ${taskId} on hold (cancelled: Cancelled on request)\n`);
    const state = await mcpx(['tasks', 'get', 'hold', taskId, ...holdConfig], { dir });
    expect(state.code).toBe(0);
    expect(state.stdout).toMatch(new RegExp(`^task +${taskId}\\nstatus +cancelled\\n`));
    const list = await mcpx(['tasks', 'list', 'hold', '--json', ...holdConfig], { dir });
    expect(list.code).toBe(0);
    expect(json<{ tasks: TaskJson[] }>(list).tasks).toContainEqual(expect.objectContaining({ taskId, status: 'cancelled' }));
    const table = await mcpx(['tasks', 'list', 'hold', ...holdConfig], { dir });
    expect(table.stdout).toMatch(/^TASK +STATUS +UPDATED +MESSAGE\n/);
    expect(table.stdout).toMatch(new RegExp(`^${taskId} +cancelled `, 'm'));
  });

  it('cancel says what the server reports when the task goes on working', async () => {
    const { taskId } = await interruptedCall(held('stubborn'));
    const cancelled = await mcpx(['tasks', 'cancel', 'hold', taskId, ...holdConfig], { dir });
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toBe(`asked hold to cancel task ${taskId}; the server reports: working: Holding\n`);
  });

  it('cancel says that a task which already ended did, with its final state', async () => {
    const started = await mcpx(['call', 'research/simulate-research-query', 'topic=ferns', '--json', ...config], { dir });
    expect(started.code).toBe(0);
    const taskId = /runs as task (\S+) on research/.exec(started.stderr)![1]!;
    const cancelled = await mcpx(['tasks', 'cancel', 'research', taskId, ...config], { dir });
    expect(cancelled.stderr).toBe('');
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toMatch(new RegExp(`^task ${taskId} on research already ended \\(completed`));
  });

  it('says that a stdio server mcpx starts knows no task of an earlier run, and how to mark a proxy', async () => {
    dir.write('local-result.json', JSON.stringify({ mcpServers: { local: everythingCommand('stdio') } }));
    const result = await mcpx(['tasks', 'result', 'local', 'no-such-task', '--config', 'local-result.json'], { dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('mcpx: local does not know task no-such-task: mcpx starts a new process of this stdio server each run');
    expect(result.stderr).toContain('"proxy": true');
  });

  it('get, result and cancel say when the server does not know the task, and how to list those it knows', async () => {
    for (const verb of ['get', 'result', 'cancel']) {
      const result = await mcpx(['tasks', verb, 'research', 'no-such-task', ...config], { dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('mcpx: research does not know task no-such-task: it may have expired, or run on another server');
      expect(result.stderr).toContain('hint: mcpx tasks list research lists the tasks it holds');
    }
  });

  it('take a server and a task id, as help says', async () => {
    const result = await mcpx(['tasks', 'get', 'research', ...config], { dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: mcpx tasks get <server> <taskId>');
    const help = await mcpx(['help', 'tasks', 'cancel'], { dir });
    expect(help.stdout).toContain('mcpx tasks cancel <server> <taskId>');
  });
});

describe('Ctrl-C on a task in a terminal', () => {
  beforeAll(requireTmux);

  it('shows the status on the status line, asks whether to cancel the task, and cancels it on Enter', async () => {
    using terminal = new TerminalSession(dir, ['call', 'hold/hold', 'label=owls', ...holdConfig]);
    const screen = await terminal.waitFor(/runs as task (\S+) on hold/);
    const taskId = /runs as task (\S+) on hold/.exec(screen)![1]!;
    await terminal.waitFor('hold/hold  working: Holding');
    terminal.send('C-c');
    await terminal.waitFor(`Task ${taskId} goes on on hold. Cancel it? [Y/n]`);
    terminal.send('Enter');
    await terminal.waitFor(`mcpx: cancelled task ${taskId} on hold (cancelled`);
    expect(await terminal.exitCode()).toBe(130);
    const state = await mcpx(['tasks', 'get', 'hold', taskId, '--json', ...holdConfig], { dir });
    expect(json<{ task: TaskJson }>(state).task.status).toBe('cancelled');
  });

  it('on Ctrl-C in a question the task asks, dismisses the question and then asks about the task', async () => {
    using terminal = new TerminalSession(dir, ['call', 'research/simulate-research-query', 'topic=python', 'ambiguous=true', ...config]);
    await terminal.waitFor('3) Monty Python comedy group (comedy)');
    terminal.send('C-c');
    await terminal.waitFor(/dismissed\nTask \S+ goes on on research\. Cancel it\? \[Y\/n\]/);
    terminal.type('y');
    await terminal.waitFor(/mcpx: cancelled task \S+ on research \(cancelled/);
    expect(await terminal.exitCode()).toBe(130);
  });

  it('says what the server reports when it keeps the task working after Enter', async () => {
    using terminal = new TerminalSession(dir, ['call', 'hold/hold', 'label=stubborn', ...holdConfig]);
    const screen = await terminal.waitFor(/runs as task (\S+) on hold/);
    const taskId = /runs as task (\S+) on hold/.exec(screen)![1]!;
    terminal.send('C-c');
    await terminal.waitFor('Cancel it? [Y/n]');
    terminal.send('Enter');
    await terminal.waitFor(`mcpx: asked hold to cancel task ${taskId}; the server reports: working: Holding`);
    expect(await terminal.exitCode()).toBe(130);
  });

  it('keeps the task when the user answers n, saying how to reach it', async () => {
    using terminal = new TerminalSession(dir, ['call', 'hold/hold', 'label=bees', ...holdConfig]);
    const screen = await terminal.waitFor(/runs as task (\S+) on hold/);
    const taskId = /runs as task (\S+) on hold/.exec(screen)![1]!;
    terminal.send('C-c');
    await terminal.waitFor('Cancel it? [Y/n]');
    terminal.type('n');
    await terminal.waitFor(`mcpx tasks cancel hold ${taskId}`);
    expect(await terminal.exitCode()).toBe(130);
    const state = await mcpx(['tasks', 'get', 'hold', taskId, '--json', ...holdConfig], { dir });
    expect(json<{ task: TaskJson }>(state).task.status).toBe('working');
  });
});
