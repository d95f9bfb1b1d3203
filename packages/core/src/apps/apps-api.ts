import type { CallOptions } from '../client/options.js';
import { AppRequestRefusedError } from '../errors/app-request-refused-error.js';
import { ConfigError } from '../errors/config-error.js';
import { ErrorCode, ProtocolError } from '../errors/protocol-error.js';
import type { ExtensionHost } from '../extensions/extension.js';
import type { JsonRpcRequest, JsonRpcResponse } from '../jsonrpc/messages.js';
import type { Tool } from '../types/index.js';
import type { ToolApp } from './app-meta.js';
import { isAppServerMethod, APP_SERVER_METHODS } from './app-bridge.js';
import { appResourceFrom, type AppResource } from './app-resource.js';
import { appOf, callableByApp } from './tool-app.js';

/** A tool that has an app, with that app. */
export interface AppTool {
  tool: Tool;
  app: ToolApp;
}

/**
 * The MCP Apps extension's API on one client: the tools that have apps, an app's HTML with what a
 * host needs to frame it, and the forwarding of an app's requests to this client's server, refusing
 * what SEP-1865 does not let an app do.
 */
export class AppsApi {
  /** @internal Made by the extension for each client. */
  constructor(private readonly host: ExtensionHost) {}

  /** The server's tools that point at an app, in the server's order. */
  async tools(options?: CallOptions): Promise<AppTool[]> {
    const { tools } = await this.host.client.listTools(options);
    return tools.flatMap((tool) => {
      const app = appOf(tool);
      return app === undefined ? [] : [{ tool, app }];
    });
  }

  /**
   * Reads an app: the `ui://` resource `target` points at (a tool with an app, or the URI itself),
   * with its `_meta.ui` checked (the content item's, falling back to the `resources/list` entry's,
   * as SEP-1865 requires) and the CSP and `allow` attribute built from it. An
   * `InvalidResponseError` when the resource is not an app SEP-1865 allows.
   */
  async read(target: string | Pick<Tool, 'name' | '_meta'>, options?: CallOptions): Promise<AppResource> {
    const uri = typeof target === 'string' ? target : appOf(target)?.resourceUri;
    if (uri === undefined) {
      const name = typeof target === 'string' ? target : target.name;
      throw new ConfigError(`the tool ${name} points at no app (it has no ui:// _meta.ui.resourceUri); check appOf(tool) first`, {
        server: this.host.server,
      });
    }
    const result = await this.host.client.readResource(uri, options);
    return appResourceFrom(result, uri, () => this.listed(uri, options), { server: this.host.server, method: 'resources/read' });
  }

  /**
   * Forwards a request an app sent its host to this client's server, and resolves with the result to
   * send back to the app. Only the methods in `APP_SERVER_METHODS` are forwarded; `tools/call` only
   * for a tool this server lists whose `visibility` includes `"app"`, and `tools/list` lists only
   * those. Anything else fails with an `AppRequestRefusedError`, and nothing reaches the server.
   */
  async forward(method: string, params: Record<string, unknown> = {}, options?: CallOptions): Promise<Record<string, unknown>> {
    if (!isAppServerMethod(method))
      throw this.refused(
        'method',
        `an app may not send ${method} to the server; a host forwards only ${APP_SERVER_METHODS.join(', ')} and answers ui/ methods itself`,
        method,
      );
    const client = this.host.client;
    switch (method) {
      case 'tools/call':
        return this.callTool(params, options);
      case 'tools/list':
        return { tools: (await client.listTools(options)).tools.filter(callableByApp) };
      case 'resources/read':
        if (typeof params.uri !== 'string') throw this.refused('params', 'the app sent resources/read without a "uri"', method);
        return await client.readResource(params.uri, options);
      case 'resources/list':
        return { resources: (await client.listResources(options)).resources };
      case 'resources/templates/list':
        return { resourceTemplates: (await client.listResourceTemplates(options)).resourceTemplates };
      case 'prompts/list':
        return { prompts: (await client.listPrompts(options)).prompts };
    }
  }

  /**
   * `forward` for a JSON-RPC request as the app sent it, answered with the JSON-RPC response to post
   * back: a refusal as `-32601` (a method not forwarded) or `-32602` (missing params, a tool the app may not call),
   * the server's own error as it sent it, any other failure as `-32603`.
   * @example
   * window.addEventListener('message', async (event) => {
   *   const data = event.data;
   *   if (event.source !== frame.contentWindow) return;
   *   if (!isAppServerMethod(data.method)) return answerHostMethod(data); // ui/*, ping, sampling
   *   frame.contentWindow.postMessage(await apps.relay(data), '*');
   * });
   */
  async relay(request: JsonRpcRequest, options?: CallOptions): Promise<JsonRpcResponse> {
    try {
      // The app is untrusted: params that are not an object count as none.
      const params = typeof request.params === 'object' && request.params !== null && !Array.isArray(request.params) ? request.params : {};
      return { jsonrpc: '2.0', id: request.id, result: await this.forward(request.method, params, options) };
    } catch (error) {
      return { jsonrpc: '2.0', id: request.id, error: errorObject(error) };
    }
  }

  private async callTool(params: Record<string, unknown>, options: CallOptions | undefined): Promise<Record<string, unknown>> {
    const name = params.name;
    if (typeof name !== 'string') throw this.refused('params', 'the app sent tools/call without a tool "name"', 'tools/call');
    const { tools } = await this.host.client.listTools(options);
    const tool = tools.find((candidate) => candidate.name === name);
    if (tool === undefined)
      throw this.refused(
        'unknown',
        `the app called the tool ${name}, which this server does not list; an app may call only its own server's tools`,
        'tools/call',
        name,
      );
    if (!callableByApp(tool))
      throw this.refused(
        'visibility',
        `the app called the tool ${name}, whose visibility excludes apps (${JSON.stringify(appOf(tool)?.visibility ?? ['model'])})`,
        'tools/call',
        name,
      );
    const args = typeof params.arguments === 'object' && params.arguments !== null ? (params.arguments as Record<string, unknown>) : {};
    return await this.host.client.callTool(name, args, options);
  }

  private async listed(uri: string, options: CallOptions | undefined) {
    if (this.host.client.serverCapabilities?.resources === undefined) return undefined;
    try {
      return (await this.host.client.listResources(options)).resources.find((resource) => resource.uri === uri);
    } catch {
      // The listing is only a fallback for metadata the content item lacks: without it, the app gets
      // the restrictive default policy, which is the safe side.
      return undefined;
    }
  }

  private refused(reason: AppRequestRefusedError['reason'], message: string, method: string, tool?: string): AppRequestRefusedError {
    return new AppRequestRefusedError(reason, message, { server: this.host.server, method, tool });
  }
}

function errorObject(error: unknown): { code: number; message: string; data?: unknown } {
  if (AppRequestRefusedError.isInstance(error))
    return { code: error.reason === 'method' ? ErrorCode.MethodNotFound : ErrorCode.InvalidParams, message: error.detail };
  if (ProtocolError.isInstance(error))
    return error.data === undefined
      ? { code: error.code, message: error.rawMessage }
      : { code: error.code, message: error.rawMessage, data: error.data };
  return { code: ErrorCode.InternalError, message: error instanceof Error ? error.message : String(error) };
}
