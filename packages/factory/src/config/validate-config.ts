import { homedir } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { checkOptions, closestMatch } from '@mcpx/core/internal';
import { VALIDATE_OPTION_KEYS } from '../option-keys.js';
import { ConfigValidationError } from '../errors/config-validation-error.js';
import { asTable, describeValue } from './fields.js';
import type { Lookup } from './interpolate.js';
import { ProblemList, type ConfigProblem } from './problem.js';
import type { ConfigFormat } from './parse-text.js';
import { markValidated } from './validated.js';
import { validateServer } from './validate-server.js';
import { validateStore } from './store-fields.js';
import { isChatTable, validateChat } from './chat-fields.js';
import type { ChatConfig, Env, McpxConfig, ServerConfig, StoreConfig } from './types.js';

/** Options of `validateConfig`. */
export interface ValidateConfigOptions {
  /** The file the config came from: named in problems, and where relative paths start. @default none */
  file?: string | undefined;
  /** `'toml'` also accepts the table-per-server layout (each top-level table a server). @default 'json' */
  format?: ConfigFormat | undefined;
  /** Variables for `${VAR}`. @default process.env */
  env?: Env | undefined;
  /** Where a relative `file` is, or where relative paths start when there is no file. @default process.cwd() */
  cwd?: string | undefined;
  /** The home folder, for `${userHome}`. @default os.homedir() */
  homedir?: string | undefined;
}

/** The keys that hold the servers: most hosts' `mcpServers`, VS Code's `servers`, Codex's `mcp_servers`. */
const CONTAINERS = ['mcpServers', 'servers', 'mcp_servers'];

/**
 * Checks a parsed config (the `mcpServers` or `servers` layout, or TOML tables) and returns
 * its servers, validated, with `${VAR}` expanded and the transport of each one decided.
 * Throws one `ConfigValidationError` listing every problem, each with its file, server, field and fix.
 * @example
 * const config = validateConfig({ mcpServers: { everything: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-everything'] } } });
 */
export function validateConfig(input: unknown, options: ValidateConfigOptions = {}): McpxConfig {
  checkOptions(options, VALIDATE_OPTION_KEYS, { where: 'validateConfig(input, options)' });
  const problems = new ProblemList(options.file);
  const entries = serverEntries(input, options.format ?? 'json', problems);
  const lookup = lookupFor(options);
  const baseDir = folderOf(options);
  const servers: ServerConfig[] = [];
  const pending = new Map<ServerConfig, readonly ConfigProblem[]>();
  for (const [name, entry] of entries) {
    if (name.trim() === '' || name !== name.trim()) {
      problems.add(name, undefined, 'the server name is empty or has spaces around it', 'give the server a name such as "github"');
      continue;
    }
    const deferred = new ProblemList(options.file);
    const server = validateServer(entry, { name, problems, deferred, lookup, baseDir });
    if (server === undefined) continue;
    servers.push(server);
    if (deferred.problems.length > 0) pending.set(server, deferred.problems);
  }
  const store = storeOf(input, lookup, problems);
  const chat = chatOf(input, lookup, problems);
  if (problems.problems.length > 0) throw new ConfigValidationError(problems.problems);
  return markValidated(
    { file: options.file, servers, ...(store === undefined ? {} : { store }), ...(chat === undefined ? {} : { chat }) },
    pending,
  );
}

/** The top-level key of the shared store; in the TOML table-per-server layout, no server may be named so. */
const STORE = 'store';

/** The validated `store` of the config, when it has one. */
function storeOf(input: unknown, lookup: Lookup, problems: ProblemList): StoreConfig | undefined {
  const table = asTable(input);
  if (table === undefined || !(STORE in table)) return undefined;
  return validateStore(table[STORE], lookup, problems.reporter(undefined));
}

/**
 * The top-level key of `mcpx chat`'s defaults, when it holds them (`isChatTable`): a `chat` with a
 * server's keys is a server in the TOML table-per-server layout, and any other is the host's.
 */
const CHAT = 'chat';

/** The validated `chat` of the config, when it has one. */
function chatOf(input: unknown, lookup: Lookup, problems: ProblemList): ChatConfig | undefined {
  const table = asTable(input);
  if (table === undefined || !(CHAT in table) || !isChatTable(table[CHAT])) return undefined;
  return validateChat(table[CHAT], lookup, problems.reporter(undefined));
}

/** The folders editors keep a project's config in: `${workspaceFolder}` is the folder above. */
const EDITOR_FOLDERS = new Set(['.vscode', '.cursor']);

/** `${VAR}` looks in `env`; `${workspaceFolder}` (VS Code, Cursor) and `${userHome}` have built-in values unless `env` sets them. */
function lookupFor(options: ValidateConfigOptions): Lookup {
  const env = options.env ?? process.env;
  const folder = folderOf(options);
  const builtins: Record<string, string> = {
    workspaceFolder: EDITOR_FOLDERS.has(basename(folder)) ? dirname(folder) : folder,
    userHome: options.homedir ?? homedir(),
  };
  return (name) => (Object.hasOwn(env, name) ? env[name] : Object.hasOwn(builtins, name) ? builtins[name] : undefined);
}

/** The folder of the config file, or the current folder: where relative paths start. */
function folderOf(options: ValidateConfigOptions): string {
  const cwd = resolve(options.cwd ?? process.cwd());
  return options.file !== undefined ? dirname(resolve(cwd, options.file)) : cwd;
}

/** The server entries by name, from whichever layout the config uses. */
function serverEntries(input: unknown, format: ConfigFormat, problems: ProblemList): [string, unknown][] {
  const table = asTable(input);
  if (table === undefined) {
    if (input !== undefined)
      problems.add(undefined, undefined, `must be an object, got ${describeValue(input)}`, 'write { "mcpServers": { "name": { ... } } }');
    return [];
  }
  const present = CONTAINERS.filter((key) => key in table);
  if (present.length > 1) {
    problems.add(undefined, present[1], `has both "${present[0]}" and "${present[1]}"`, `put every server under "${present[0]}"`);
  }
  const container = present[0];
  if (container === undefined) {
    if (format === 'toml') return tomlTables(table, problems);
    if (reportTypos(table, problems) === 0) {
      problems.add(
        undefined,
        undefined,
        'has no "mcpServers" or "servers" key',
        'put the servers under "mcpServers": { "name": { "command": "..." } }',
      );
    }
    return [];
  }
  reportTypos(table, problems);
  const servers = asTable(table[container]);
  if (servers === undefined) {
    problems.add(
      undefined,
      container,
      `must be a table of servers by name, got ${describeValue(table[container])}`,
      `write "${container}": { "name": { "command": "..." } }`,
    );
    return [];
  }
  return Object.entries(servers);
}

/** The table-per-server TOML layout: every top-level key is a server. */
function tomlTables(table: Record<string, unknown>, problems: ProblemList): [string, unknown][] {
  const entries: [string, unknown][] = [];
  for (const [key, value] of Object.entries(table)) {
    if (key === STORE || (key === CHAT && isChatTable(value))) continue;
    const typo = closestMatch(key, CONTAINERS);
    if (
      typo !== undefined &&
      key !== typo &&
      asTable(value) !== undefined &&
      Object.values(value as object).every((item) => asTable(item) !== undefined)
    ) {
      problems.add(undefined, key, `unknown key "${key}"`, `did you mean "${typo}"?`);
    } else if (asTable(value) === undefined) {
      problems.add(
        key,
        undefined,
        `a top-level key must be a server table, got ${describeValue(value)}`,
        `write it as [${key}] followed by the server's settings`,
      );
    } else {
      entries.push([key, value]);
    }
  }
  return entries;
}

/**
 * Reports top-level keys that look like a misspelt servers key, `store` or `chat`, and returns how many
 * looked like a servers key. Other top-level keys belong to the host application and are left alone.
 */
function reportTypos(table: Record<string, unknown>, problems: ProblemList): number {
  let count = 0;
  for (const key of Object.keys(table)) {
    const typo =
      CONTAINERS.includes(key) || key === STORE || key === CHAT
        ? undefined
        : (closestMatch(key, CONTAINERS) ?? misspeltStore(key) ?? misspeltChat(key));
    if (typo === undefined) continue;
    problems.add(undefined, key, `unknown key "${key}"`, `did you mean "${typo}"?`);
    if (typo !== STORE && typo !== CHAT) count++;
  }
  return count;
}

/**
 * Top-level keys taken for a misspelt `store`. A short list rather than every key one edit away:
 * a host application's own `score`, `story` or `stone` is no typo of ours.
 */
const STORE_TYPOS: ReadonlySet<string> = new Set(['stor', 'stores', 'sotre', 'stroe', 'Store', 'STORE']);

/** `store` when `key` is a known misspelling of it (`stor`, `stores`, `Store`...). */
function misspeltStore(key: string): string | undefined {
  return STORE_TYPOS.has(key) ? STORE : undefined;
}

/** Top-level keys taken for a misspelt `chat`: a short list, as for `store` (a host's own `chart` or `cat` is no typo of ours). */
const CHAT_TYPOS: ReadonlySet<string> = new Set(['chats', 'caht', 'chta', 'Chat', 'CHAT', 'mcpxChat', 'mcpx_chat']);

/** `chat` when `key` is a known misspelling of it (`chats`, `Chat`...). */
function misspeltChat(key: string): string | undefined {
  return CHAT_TYPOS.has(key) ? CHAT : undefined;
}
