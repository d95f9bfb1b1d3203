import { basename, extname } from 'node:path';
import { listFlag, stringFlag, type ParsedArgs } from '../args/parse.js';
import { UsageError } from '../errors/cli-error.js';

/** A server given on the command line instead of a config file: its name and its config entry. */
export interface OneOffServer {
  readonly name: string;
  /** The entry as it would be written under `mcpServers`, validated by the factory like any other. */
  readonly entry: Record<string, unknown>;
}

const TRANSPORTS: Record<string, string> = { stdio: 'stdio', http: 'http', sse: 'sse', websocket: 'websocket', ws: 'websocket' };
/** Programs that run a script: the script names the server better than they do. */
const RUNNERS = new Set([
  'node',
  'nodejs',
  'bun',
  'deno',
  'tsx',
  'ts-node',
  'python',
  'python3',
  'uv',
  'uvx',
  'npx',
  'pnpm',
  'pipx',
  'docker',
]);
const HINT = 'a one-off server is `-- <command line>` (stdio) or `--url <url>`';

/**
 * The one-off server of `--url` or of the command line after `--`, with the flags that shape it
 * (`--transport`, `--header`, `--env`, `--cwd`, `--name`); undefined when neither is given.
 * Throws a `UsageError` for flags that do not fit together or are malformed.
 */
export function oneOffServer(args: ParsedArgs): OneOffServer | undefined {
  const url = stringFlag(args, 'url');
  const command = args.serverCommand;
  const headers = listFlag(args, 'header');
  const env = listFlag(args, 'env');
  const cwd = stringFlag(args, 'cwd');
  const name = stringFlag(args, 'name');
  const transport = transportFlag(args);
  if (url === undefined && command === undefined) {
    const given = [
      ['--transport', transport],
      ['--header', headers[0]],
      ['--env', env[0]],
      ['--cwd', cwd],
      ['--name', name],
    ].find(([, value]) => value !== undefined)?.[0];
    if (given !== undefined) throw new UsageError(`${given} shapes a one-off server, and none was given`, { hint: HINT });
    return undefined;
  }
  if (url !== undefined && command !== undefined)
    throw new UsageError('give either --url or a command line after --, not both', { hint: HINT });
  if (url !== undefined) {
    if (env.length > 0 || cwd !== undefined)
      throw new UsageError(`${env.length > 0 ? '--env' : '--cwd'} applies to a server started after --, not to a --url server`);
    if (transport === 'stdio') throw new UsageError('--transport stdio needs a command line after --, not --url');
    const entry = {
      url,
      ...(headers.length === 0 ? {} : { headers: parseHeaders(headers) }),
      ...(transport === undefined ? {} : { type: transport }),
      toolPrefix: '',
    };
    return { name: name ?? nameOfUrl(url), entry };
  }
  const [program, ...rest] = command!;
  if (headers.length > 0) throw new UsageError('--header applies to a --url server, not to one started after --');
  if (transport !== undefined && transport !== 'stdio')
    throw new UsageError(`--transport ${transport} needs --url; a server started after -- speaks stdio`);
  const entry = {
    command: program!,
    args: rest,
    ...(env.length === 0 ? {} : { env: parseEnv(env) }),
    ...(cwd === undefined ? {} : { cwd }),
    toolPrefix: '',
  };
  return { name: name ?? nameOfCommand(program!, rest), entry };
}

function transportFlag(args: ParsedArgs): string | undefined {
  const given = stringFlag(args, 'transport');
  if (given === undefined) return undefined;
  const transport = TRANSPORTS[given.toLowerCase()];
  if (transport === undefined) throw new UsageError(`--transport "${given}" is not a transport; write stdio, http, sse or websocket`);
  return transport;
}

function parseHeaders(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon <= 0)
      throw new UsageError(`--header "${value}" needs the form "Name: value", such as --header 'Authorization: Bearer $TOKEN'`);
    headers[value.slice(0, colon).trim()] = value.slice(colon + 1).trim();
  }
  return headers;
}

function parseEnv(values: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    if (equals <= 0) throw new UsageError(`--env "${value}" needs the form KEY=VALUE, such as --env API_KEY=secret`);
    env[value.slice(0, equals)] = value.slice(equals + 1);
  }
  return env;
}

/** Script names that say nothing of the server, and build folders: the folder above names it. */
const GENERIC = new Set(['index', 'main', 'cli', 'server', 'dist', 'build', 'lib', 'src', 'bin', 'out']);

/**
 * `weather` for `node weather/build/index.js`, `server-memory` for `npx -y
 * @modelcontextprotocol/server-memory`, `my-server` for `./my-server`.
 */
function nameOfCommand(program: string, rest: readonly string[]): string {
  const script = RUNNERS.has(basename(program).replace(/\.(exe|cmd)$/i, '')) ? rest.find((word) => !word.startsWith('-')) : undefined;
  const parts = (script ?? program).split(/[\\/]/).filter((part) => part !== '' && part !== '.' && part !== '..');
  const last = parts.at(-1) ?? '';
  parts[parts.length - 1] = last.slice(0, last.length - extname(last).length);
  const telling = parts.findLast((part) => !GENERIC.has(part.toLowerCase())) ?? parts.at(-1) ?? '';
  return clean(telling) || 'server';
}

function nameOfUrl(url: string): string {
  try {
    return clean(new URL(url).hostname) || 'server';
  } catch {
    return 'server'; // the factory reports the URL itself
  }
}

function clean(word: string): string {
  return word
    .replace(/^@[^/]*\//, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
