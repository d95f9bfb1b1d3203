import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** A command line that starts a server process. */
export interface ServerCommand {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

function entry(pkg: string, relative: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), relative);
}

/** `@modelcontextprotocol/server-everything` in the given mode, run by this Node. */
export function everythingCommand(mode: 'stdio' | 'sse' | 'streamableHttp' = 'stdio'): ServerCommand {
  return { command: process.execPath, args: [entry('@modelcontextprotocol/server-everything', 'dist/index.js'), mode] };
}

/** `@modelcontextprotocol/server-filesystem` serving `root`. */
export function filesystemCommand(root: string): ServerCommand {
  return { command: process.execPath, args: [entry('@modelcontextprotocol/server-filesystem', 'dist/index.js'), root] };
}

/** `@modelcontextprotocol/server-memory`, keeping its knowledge graph in `file`. */
export function memoryCommand(file: string): ServerCommand {
  return {
    command: process.execPath,
    args: [entry('@modelcontextprotocol/server-memory', 'dist/index.js')],
    env: { MEMORY_FILE_PATH: file },
  };
}

/** The folder of the fault-injecting throwaway server scripts. */
export const faultServersDir: string = join(dirname(new URL(import.meta.url).pathname), 'fault-servers');

/** `@modelcontextprotocol/server-basic-vanillajs`, the official MCP Apps example (a `get-time` tool with an HTML app), over stdio. */
export function basicAppCommand(): ServerCommand {
  // Its exports map hides package.json; its main entry (dist/server.js) sits beside the binary.
  const main = join(dirname(require.resolve('@modelcontextprotocol/server-basic-vanillajs')), 'index.js');
  return { command: process.execPath, args: [main, '--stdio'] };
}
