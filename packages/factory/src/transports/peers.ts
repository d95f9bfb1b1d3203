import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '@mcpx/core';
import type * as Http from '@mcpx/http';
import type * as Sse from '@mcpx/sse';
import type * as Stdio from '@mcpx/stdio';
import type * as WebSocket from '@mcpx/websocket';
import type * as Grpc from '@mcpx/grpc';
import type { TransportKind } from '../config/types.js';

/** The package of each transport. */
export const TRANSPORT_PACKAGES = {
  stdio: '@mcpx/stdio',
  http: '@mcpx/http',
  sse: '@mcpx/sse',
  websocket: '@mcpx/websocket',
  grpc: '@mcpx/grpc',
} as const satisfies Record<TransportKind, string>;

/** The modules of the transport packages, as `import()` gives them. */
export interface TransportModules {
  stdio: typeof Stdio;
  http: typeof Http;
  sse: typeof Sse;
  websocket: typeof WebSocket;
  grpc: typeof Grpc;
}

/** Whether a transport's package is installed, as `supportedTransports()` reports it. */
export interface TransportSupport {
  readonly transport: TransportKind;
  /** The package that provides it. */
  readonly package: string;
  readonly installed: boolean;
}

const LABELS: Record<TransportKind, string> = {
  stdio: 'the stdio transport',
  http: 'the Streamable HTTP transport',
  sse: 'the legacy HTTP+SSE transport',
  websocket: 'the WebSocket transport',
  grpc: 'the gRPC transport',
};

// Literal specifiers, so that bundlers see them.
const importers: { [K in TransportKind]: () => Promise<TransportModules[K]> } = {
  stdio: () => import('@mcpx/stdio'),
  http: () => import('@mcpx/http'),
  sse: () => import('@mcpx/sse'),
  websocket: () => import('@mcpx/websocket'),
  grpc: () => import('@mcpx/grpc'),
};

const loaded = new Map<TransportKind, Promise<unknown>>();

/**
 * Whether the package of `kind` is in a `node_modules` folder at or above `from` (this module
 * unless given), where `import()` looks for it.
 */
export function isInstalled(kind: TransportKind, from: string | URL = import.meta.url): boolean {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'node_modules', TRANSPORT_PACKAGES[kind], 'package.json'))) return true;
    const parent = dirname(dir);
    if (parent === dir) return false;
    dir = parent;
  }
}

/**
 * Which transports can be used, that is whose package is installed beside `@mcpx/factory`.
 * @example
 * supportedTransports().filter((t) => t.installed).map((t) => t.transport); // ['stdio', 'http']
 */
export function supportedTransports(): TransportSupport[] {
  return (Object.keys(TRANSPORT_PACKAGES) as TransportKind[]).map((transport) => ({
    transport,
    package: TRANSPORT_PACKAGES[transport],
    installed: isInstalled(transport),
  }));
}

/**
 * Loads the package of `kind` on first use. A package that is not installed is a `ConfigError`
 * naming the server that needs it and the command that installs it.
 */
export function loadTransport<K extends TransportKind>(kind: K, server: string): Promise<TransportModules[K]> {
  let module = loaded.get(kind) as Promise<TransportModules[K]> | undefined;
  if (module === undefined) {
    module = importers[kind]();
    loaded.set(kind, module);
  }
  const pkg = TRANSPORT_PACKAGES[kind];
  return module.catch((error: unknown) => {
    loaded.delete(kind);
    if (isMissingPackage(error, pkg))
      throw new ConfigError(`needs ${pkg} (${LABELS[kind]}), which is not installed: npm install ${pkg}`, { server, cause: error });
    throw new ConfigError(
      `${pkg} is installed but failed to load (${error instanceof Error ? error.message : String(error)}); reinstall it`,
      { server, cause: error },
    );
  });
}

/** Whether `error` says that `pkg` itself (not something it imports) cannot be found. */
export function isMissingPackage(error: unknown, pkg: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  const notFound = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /cannot find (package|module)/i.test(error.message);
  return notFound && (error.message.includes(`'${pkg}'`) || error.message.includes(`"${pkg}"`));
}
