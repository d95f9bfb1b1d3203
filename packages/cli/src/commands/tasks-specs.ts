import { INTERACTION_FLAGS, type FlagSpec } from '../args/flags.js';
import type { CommandSpec } from './command.js';

const PROGRESS: FlagSpec = { name: 'progress', kind: 'boolean', negatable: true, description: 'no status on stderr while waiting' };

const ABOUT = [
  'A tool the server runs as a task (MCP tasks: `mcpx call` shows "runs as task <id>") goes on on the server after',
  'Ctrl-C: these commands reach it by its id, from another run. A server mcpx starts itself (stdio) stops when mcpx',
  'does, and its tasks with it, unless it is a proxy to a remote server (mark it "proxy": true in the config).',
].join('\n');

/** `mcpx tasks list|get|result|cancel`, the tasks of one server. */
export const TASK_COMMANDS: readonly CommandSpec[] = [
  {
    name: ['tasks', 'list'],
    summary: 'the tasks a server holds: id, status, last update, status message',
    usage: 'tasks list <server>',
    description: ABOUT,
    flags: [],
    positionals: { min: 1, max: 1 },
    examples: [
      ['mcpx tasks list research', 'every task of the server "research"'],
      ['mcpx tasks list research --json | jq -r \'.tasks[] | select(.status == "working") | .taskId\'', 'the ids of those still working'],
    ],
    load: () => import('./tasks-list.js'),
  },
  {
    name: ['tasks', 'get'],
    summary: "a task's state: status, status message, times, ttl",
    usage: 'tasks get <server> <taskId>',
    description: ABOUT,
    flags: [],
    positionals: { min: 2, max: 2 },
    examples: [['mcpx tasks get research 786512e2-9e0d-44bd-8f29-789f320fe840', 'where the task stands']],
    load: () => import('./tasks-get.js'),
  },
  {
    name: ['tasks', 'result'],
    summary: 'wait for a task to end and print its result, as mcpx call does',
    usage: 'tasks result <server> <taskId>',
    description: `${ABOUT}\nThe status is shown on stderr while waiting, and questions the task asks are answered as in mcpx call. A failed or\ncancelled task exits 1; Ctrl-C stops waiting, not the task.`,
    flags: [PROGRESS, ...INTERACTION_FLAGS],
    positionals: { min: 2, max: 2 },
    examples: [['mcpx tasks result research 786512e2-9e0d-44bd-8f29-789f320fe840 --json', 'the tool result, as JSON']],
    load: () => import('./tasks-result.js'),
  },
  {
    name: ['tasks', 'cancel'],
    summary: 'ask the server to cancel a task',
    usage: 'tasks cancel <server> <taskId>',
    description: `${ABOUT}\nCancelling is up to the server: the state it reports afterwards is printed.`,
    flags: [],
    positionals: { min: 2, max: 2 },
    examples: [['mcpx tasks cancel research 786512e2-9e0d-44bd-8f29-789f320fe840', 'stop it']],
    load: () => import('./tasks-cancel.js'),
  },
];
