import { GLOBAL_FLAGS, SERVER_FLAGS, type FlagSpec } from '../args/flags.js';
import { CHAT_PROVIDERS } from '../chat/providers.js';
import type { CommandSpec } from '../commands/command.js';
import { COMMANDS, findCommand } from '../commands/specs.js';

/** Commands whose words are server names. */
const TAKES_SERVERS = new Set([
  'servers',
  'tools',
  'resources',
  'prompts',
  'ping',
  'health',
  'stats',
  'config remove',
  'login',
  'logout',
  'auth status',
]);
/** Commands whose first word is `server/name`. */
const TAKES_TARGET = new Set(['call', 'prompt', 'app']);
/** Commands whose first word only is a server name (for `tasks`, the second is a task id). */
const TAKES_ONE_SERVER = new Set(['skills', 'tasks list', 'tasks get', 'tasks result', 'tasks cancel']);
/** Values of flags that have a fixed set; `mcpx chat`'s providers from their list, typed by the factory's names. */
const FLAG_VALUES: Record<string, readonly string[]> = {
  transport: ['stdio', 'http', 'sse', 'websocket'],
  provider: Object.keys(CHAT_PROVIDERS),
};
/** What `mcpx completion` takes. */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;

/**
 * The completions of the last word of `words` (the words after `mcpx`, the last one being typed,
 * possibly empty): commands, subcommands, flags, flag values, and server names from the config.
 * An empty list lets the shell complete file names.
 */
export function candidates(words: readonly string[], servers: () => readonly string[]): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  if (before.includes('--')) return [];
  const previous = before.at(-1);
  const command = findCommand(positionalsOf(before, [...GLOBAL_FLAGS, ...SERVER_FLAGS], undefined));
  const flags = [...GLOBAL_FLAGS, ...SERVER_FLAGS, ...(command?.flags ?? [])];
  const valueOf = previous?.startsWith('-') ? flagNamed(flags, previous) : undefined;
  if (valueOf !== undefined && valueOf.kind === 'string') return matching(FLAG_VALUES[valueOf.name] ?? [], current);
  if (current.startsWith('-')) return matching(flags.flatMap(spellings), current);
  const given = positionalsOf(before, flags, command);
  if (command === undefined) {
    const first = given[0];
    if (first === 'config' || first === 'auth' || first === 'tasks') return matching(subcommands(first), current);
    if (first === 'help') return matching(topWords(), current);
    if (first === undefined) return matching(topWords(), current);
    return [];
  }
  const name = command.name.join(' ');
  if (name === 'completion') return given.length === 0 ? matching(SHELLS, current) : [];
  if (TAKES_SERVERS.has(name)) return given.length < command.positionals.max ? matching(servers(), current) : [];
  if (TAKES_ONE_SERVER.has(name)) return given.length === 0 ? matching(servers(), current) : [];
  if (TAKES_TARGET.has(name) && given.length === 0)
    return matching(
      servers().map((server) => `${server}/`),
      current,
    );
  return [];
}

/** The words given to `command` so far, after its name, without flags and their values. */
function positionalsOf(words: readonly string[], flags: readonly FlagSpec[], command: CommandSpec | undefined): string[] {
  const positionals: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!;
    if (word.startsWith('-')) {
      if (!word.includes('=') && flagNamed(flags, word)?.kind === 'string') index++;
      continue;
    }
    positionals.push(word);
  }
  return positionals.slice(command?.name.length ?? 0);
}

function flagNamed(flags: readonly FlagSpec[], word: string): FlagSpec | undefined {
  const name = word.replace(/^--?/, '');
  return flags.find((flag) => (word.startsWith('--') ? flag.name === name : flag.short === name));
}

function spellings(flag: FlagSpec): string[] {
  return [flag.negatable ? `--no-${flag.name}` : `--${flag.name}`, ...(flag.short === undefined ? [] : [`-${flag.short}`])];
}

function topWords(): string[] {
  return [...new Set([...COMMANDS.map((command) => command.name[0]!), 'help'])];
}

function subcommands(first: string): string[] {
  return COMMANDS.filter((command) => command.name[0] === first && command.name.length > 1).map((command) => command.name[1]!);
}

function matching(words: readonly string[], prefix: string): string[] {
  return words.filter((word) => word.startsWith(prefix));
}
