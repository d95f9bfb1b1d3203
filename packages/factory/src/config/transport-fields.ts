import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseEnv } from 'node:util';
import type { FieldReader } from './fields.js';
import { readOAuth } from './oauth-fields.js';
import type { Report } from './problem.js';
import { TRANSPORT_TYPES } from './server-keys.js';
import type {
  GrpcServerConfig,
  HttpServerConfig,
  SseServerConfig,
  StdioServerConfig,
  TransportKind,
  WebSocketServerConfig,
} from './types.js';

type TransportPart =
  | Pick<StdioServerConfig, 'transport' | 'command' | 'args' | 'env' | 'cwd' | 'proxy' | 'processGroup'>
  | Pick<HttpServerConfig, 'transport' | 'url' | 'headers' | 'sseFallback' | 'oauth'>
  | Pick<SseServerConfig | WebSocketServerConfig | GrpcServerConfig, 'transport' | 'url' | 'headers' | 'oauth'>;

/** Where transport problems go. */
export interface TransportContext {
  readonly report: Report;
  /** For problems that depend on this machine: missing files and folders. */
  readonly machineReport: Report;
  readonly baseDir: string;
  /** Keys that unknown keys were taken for typos of (reported already). */
  readonly misspelt: ReadonlySet<string>;
}

const STDIO_KEYS = ['command', 'args', 'env', 'envFile', 'cwd', 'proxy', 'processGroup'];
const URL_KEYS = ['url', 'headers', 'sseFallback', 'oauth'];
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const URL_LIKE = /^(https?|wss?):\/\//i;
const FOREIGN_FIXES: Record<string, string> = {
  command: 'a remote server is reached by "url"; remove "command"',
  env: 'send HTTP headers with "headers" (such as "Authorization": "Bearer ${TOKEN}"); "env" is for servers started with "command"',
  headers: 'remove it; a server started with "command" gets settings through "env"',
  oauth: 'remove it; a server started with "command" gets its credentials through "env"',
};
const LABELS: Record<TransportKind, string> = { stdio: 'stdio', http: 'Streamable HTTP', sse: 'SSE', websocket: 'WebSocket', grpc: 'gRPC' };

/** The transport and its settings: from `type` when given, else `command` means stdio and the `url` scheme decides. */
export function readTransport(fields: FieldReader, context: TransportContext): TransportPart | undefined {
  const declared = readType(fields);
  if (declared === null) return undefined;
  if (fields.has('command') && fields.has('url')) {
    return fields.wrong(
      undefined,
      'has both "command" and "url"',
      'keep "command" to start a local server, or "url" to reach a remote one',
    );
  }
  const kind = declared ?? (fields.has('command') ? 'stdio' : fields.has('url') ? inferFromUrl(fields) : undefined);
  if (kind === null) return undefined;
  if (kind === undefined) {
    if (context.misspelt.has('command') || context.misspelt.has('url')) return undefined;
    return fields.wrong(
      undefined,
      'has neither "command" nor "url"',
      'add "command" (and "args") to start a local server, or "url" to reach a remote one',
    );
  }
  const foreign = kind === 'stdio' ? URL_KEYS : kind === 'http' ? STDIO_KEYS : [...STDIO_KEYS, 'sseFallback'];
  for (const name of foreign) {
    if (!fields.has(name)) continue;
    const value = fields.raw(name)?.value;
    if (name === 'command' && typeof value === 'string' && URL_LIKE.test(value)) {
      fields.wrong(name, `${JSON.stringify(value)} is a URL, not a program to start`, `write it as "url": ${JSON.stringify(value)}`);
    } else {
      fields.wrong(name, `does not apply to a ${LABELS[kind]} server`, FOREIGN_FIXES[name] ?? 'remove it, or change the transport');
    }
  }
  return kind === 'stdio' ? readStdio(fields, context) : readUrlServer(fields, kind, context);
}

/** The declared transport; undefined when not declared, null when invalid (reported). */
function readType(fields: FieldReader): TransportKind | undefined | null {
  const found = fields.raw('type');
  if (found === undefined) return undefined;
  const kind = typeof found.value === 'string' && Object.hasOwn(TRANSPORT_TYPES, found.value) ? TRANSPORT_TYPES[found.value] : undefined;
  if (kind !== undefined) return kind;
  fields.wrong(
    'type',
    `${JSON.stringify(found.value)} is not a transport`,
    'write "stdio", "http" (Streamable HTTP), "sse" (legacy HTTP+SSE), "websocket" or "grpc", or remove it to infer the transport',
  );
  return null;
}

function inferFromUrl(fields: FieldReader): TransportKind | null | undefined {
  // An unexpanded URL (its problem is reported already) still says which transport it is for.
  if (fields.isUnresolved('url')) {
    const written = String(fields.raw('url')?.value);
    return /^wss?:/i.test(written) ? 'websocket' : /^grpcs?:/i.test(written) ? 'grpc' : 'http';
  }
  const url = parseUrl(fields);
  if (url === undefined) return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') return 'http';
  if (url.protocol === 'ws:' || url.protocol === 'wss:') return 'websocket';
  if (url.protocol === 'grpc:' || url.protocol === 'grpcs:') return 'grpc';
  fields.wrong(
    'url',
    `the scheme ${url.protocol} is not one mcpx connects to`,
    'use http:// or https:// for an HTTP server, ws:// or wss:// for a WebSocket server, grpc:// or grpcs:// for a gRPC server',
  );
  return null;
}

function parseUrl(fields: FieldReader): URL | undefined {
  if (fields.isUnresolved('url')) return undefined;
  const text = fields.text('url', { nonEmpty: true });
  if (text === undefined) return undefined;
  try {
    return new URL(text);
  } catch {
    return fields.wrong('url', `${JSON.stringify(text)} is not an absolute URL`, 'write a URL such as https://example.com/mcp');
  }
}

function readStdio(fields: FieldReader, context: TransportContext): TransportPart | undefined {
  const command = fields.text('command', { nonEmpty: true });
  if (command !== undefined && URL_LIKE.test(command)) {
    return fields.wrong(
      'command',
      `${JSON.stringify(command)} is a URL, not a program to start`,
      `write it as "url": ${JSON.stringify(command)}`,
    );
  }
  if (!fields.has('command')) fields.wrong('command', 'is required for a stdio server', 'add "command": the program to run, such as "npx"');
  const args = fields.strings('args') ?? [];
  const env = fields.stringMap('env', (key) =>
    key === '' || key.includes('=') || key.includes('\0') ? [`${JSON.stringify(key)} is not a variable name`, 'rename it'] : undefined,
  );
  const fileEnv = readEnvFile(fields, context);
  const cwd = readCwd(fields, context);
  const proxy = fields.bool('proxy');
  const processGroup = fields.bool('processGroup');
  if (command === undefined) return undefined;
  return {
    transport: 'stdio',
    command,
    args,
    env: { ...fileEnv, ...env },
    ...(cwd === undefined ? {} : { cwd }),
    ...(proxy === undefined ? {} : { proxy }),
    ...(processGroup === undefined ? {} : { processGroup }),
  };
}

function readEnvFile(fields: FieldReader, context: TransportContext): Record<string, string> {
  const file = fields.text('envFile', { nonEmpty: true });
  if (file === undefined) return {};
  const path = resolve(context.baseDir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `cannot be read (${(error as Error).message})`;
    context.machineReport(
      fields.keyOf('envFile'),
      `${path} ${reason}`,
      'create it or fix the path; a relative path starts at the folder of the config file',
    );
    return {};
  }
  return Object.fromEntries(Object.entries(parseEnv(text)).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function readCwd(fields: FieldReader, context: TransportContext): string | undefined {
  const cwd = fields.text('cwd', { nonEmpty: true });
  if (cwd === undefined) return undefined;
  const path = resolve(context.baseDir, cwd);
  if (!existsSync(path) || !statSync(path).isDirectory()) {
    context.machineReport(
      fields.keyOf('cwd'),
      `${path} is not a folder`,
      'create it or fix the path; a relative path starts at the folder of the config file',
    );
  }
  return path;
}

function readUrlServer(fields: FieldReader, kind: Exclude<TransportKind, 'stdio'>, context: TransportContext): TransportPart | undefined {
  const urlInCommand = URL_LIKE.test(String(fields.raw('command')?.value));
  if (!fields.has('url') && !urlInCommand)
    fields.wrong('url', `is required for a ${LABELS[kind]} server`, 'add "url", such as "https://example.com/mcp"');
  const url = fields.has('url') ? parseUrl(fields) : undefined;
  const headers = fields.stringMap('headers', checkHeader) ?? {};
  const sseFallback = kind === 'http' ? (fields.bool('sseFallback') ?? true) : undefined;
  const oauth = readOAuth(fields, headers, context);
  if (fields.isUnresolved('url')) return part(kind, String(fields.raw('url')?.value), headers, sseFallback, oauth);
  if (url === undefined) return undefined;
  const schemes = kind === 'websocket' ? ['ws:', 'wss:', 'http:', 'https:'] : kind === 'grpc' ? ['grpc:', 'grpcs:'] : ['http:', 'https:'];
  if (!schemes.includes(url.protocol)) {
    const needed = kind === 'websocket' ? 'a ws:// or wss://' : kind === 'grpc' ? 'a grpc:// or grpcs://' : 'an http:// or https://';
    return fields.wrong('url', `a ${LABELS[kind]} server needs ${needed} URL, got ${url.protocol}//`, 'fix the URL, or the "type"');
  }
  if (url.username !== '' || url.password !== '') {
    return fields.wrong(
      'url',
      'the URL holds a user name or password',
      'remove them from the URL and send credentials in "headers", such as "Authorization": "Bearer ${TOKEN}"',
    );
  }
  return part(kind, url.href, headers, sseFallback, oauth);
}

function part(
  kind: Exclude<TransportKind, 'stdio'>,
  url: string,
  headers: Record<string, string>,
  sseFallback: boolean | undefined,
  oauth: HttpServerConfig['oauth'],
): TransportPart {
  const auth = oauth === undefined ? {} : { oauth };
  return kind === 'http'
    ? { transport: 'http', url, headers, sseFallback: sseFallback ?? true, ...auth }
    : { transport: kind, url, headers, ...auth };
}

function checkHeader(name: string, value: string): [string, string] | undefined {
  if (!HEADER_NAME.test(name)) return [`${JSON.stringify(name)} is not a valid header name`, 'use letters, digits and - in header names'];
  if (/[\r\n\0]/.test(value)) return ['contains a line break', 'remove the line break'];
  return undefined;
}
