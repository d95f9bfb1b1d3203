import type { CallOptions, CallToolResult, Tool } from '@mcpx/core';
import { ToolMovedError } from './errors/tool-moved-error.js';

/** What the adapters need of an `McpClient`: its tools and a way to call them. */
export interface ClientToolSource {
  listTools(options?: CallOptions): Promise<{ tools: Tool[] }>;
  callTool(name: string, args?: Record<string, unknown>, options?: CallOptions): Promise<CallToolResult>;
  /** The server's own name, used when no `server` option names it. */
  readonly serverInfo?: { name: string } | undefined;
}

/** What the adapters need of an `McpRegistry`: its catalog of qualified tools and calls by qualified name. */
export interface RegistryToolSource {
  listTools(options?: { refresh?: boolean | undefined }): Promise<{
    tools: Array<{ name: string; server: string; originalName: string; tool: Tool; autoApproved: boolean }>;
    failures: Array<{ server: string; error: Error }>;
    collisions: Array<{ name: string; servers: string[] }>;
  }>;
  callTool(qualifiedName: string, args?: Record<string, unknown>, options?: CallOptions): Promise<CallToolResult>;
  connectAll(): Promise<unknown>;
}

/** An `McpClient` (one server) or an `McpRegistry` (a fleet, its tools namespaced by the registry's naming). */
export type ToolSource = ClientToolSource | RegistryToolSource;

/** One tool of a source, before any provider's naming. */
export interface SourceTool {
  /** The name the source calls it by: the registry's qualified name (`server__tool` by default), or the tool's own name on a client. */
  qualifiedName: string;
  /** The server offering it. */
  server: string;
  /** Its name on that server. */
  originalName: string;
  /** Its definition, as the server sent it. */
  tool: Tool;
  /** Whether the registry's config lets a host call it without asking (`autoApprove`); false for a client. */
  autoApproved: boolean;
  /**
   * Calls the tool; an `isError` result is returned, a failed call (server down, timeout,
   * cancelled) throws. A registry's tool whose qualified name now leads to another server or
   * tool throws `ToolMovedError` without calling either.
   */
  call(args: Record<string, unknown>, options: { signal?: AbortSignal | undefined }): Promise<CallToolResult>;
}

/** The tools of a source, the servers of a registry that could not list theirs, and the registry's name collisions. */
export interface SourceTools {
  tools: SourceTool[];
  failures: Array<{ server: string; error: Error }>;
  /** Qualified names that several servers of a registry share: only the first server's tool is listed (the registry's naming decides). */
  collisions: Array<{ name: string; servers: string[] }>;
}

/** Options of `listSourceTools`. */
export interface SourceOptions {
  /** The server's name for a client's tools (a registry knows its servers' names). @default the server's `serverInfo.name` */
  server?: string | undefined;
}

/** True when `source` is a registry rather than a single client. */
export function isRegistrySource(source: ToolSource): source is RegistryToolSource {
  return typeof (source as Partial<RegistryToolSource>).connectAll === 'function';
}

/** Lists the tools of a client or a registry, each with a `call` routed the way the source routes it. */
export async function listSourceTools(source: ToolSource, options: SourceOptions = {}): Promise<SourceTools> {
  if (isRegistrySource(source)) {
    const catalog = await source.listTools();
    return {
      tools: catalog.tools.map((entry) => ({
        qualifiedName: entry.name,
        server: entry.server,
        originalName: entry.originalName,
        tool: entry.tool,
        autoApproved: entry.autoApproved,
        call: async (args, { signal }) => {
          // The registry looks the name up again at call time: refuse a name that now leads elsewhere.
          const now = (await source.listTools()).tools.find((listed) => listed.name === entry.name);
          if (now !== undefined && (now.server !== entry.server || now.originalName !== entry.originalName))
            throw new ToolMovedError(entry.name, entry.server, entry.originalName, { server: now.server, originalName: now.originalName });
          return source.callTool(entry.name, args, signal === undefined ? {} : { signal });
        },
      })),
      failures: catalog.failures,
      collisions: catalog.collisions,
    };
  }
  const server = options.server ?? source.serverInfo?.name ?? 'server';
  const { tools } = await source.listTools();
  return {
    tools: tools.map((tool) => ({
      qualifiedName: tool.name,
      server,
      originalName: tool.name,
      tool,
      autoApproved: false,
      call: (args, { signal }) => source.callTool(tool.name, args, signal === undefined ? {} : { signal }),
    })),
    failures: [],
    collisions: [],
  };
}
