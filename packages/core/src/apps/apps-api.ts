import type { CallOptions } from '../client/options.js';
import { AppRequestRefusedError } from '../errors/app-request-refused-error.js';
import { CancelledError, ConfigError, ErrorCode, ProtocolError } from '../index.js';
import type { ExtensionHost } from '../extensions/extension.js';
import type { JsonRpcNotification, JsonRpcRequest, JsonRpcResponse } from '../jsonrpc/messages.js';
import type { Tool } from '../types/index.js';
import type { ToolApp } from './app-meta.js';
import { isAppServerMethod, APP_SERVER_METHODS } from './app-bridge.js';
import { appResourceFrom, type AppResource } from './app-resource.js';
import { appOf, callableByApp, visibilityOf } from './tool-app.js';

/** A tool that has an app, with that app. */
export interface AppTool {
  /** The tool, as the server lists it. */
  tool: Tool;
  /** The app it points at, with who may call the tool. */
  app: ToolApp;
}

/** Options of `AppsApi.forward` and `AppsApi.relay`: a call's options, and the host's side of the app's messages. */
export interface AppForwardOptions extends CallOptions {
  /**
   * Posts a notification to the app. Given, a `tools/call` whose `_meta.progressToken` asks for
   * progress gets the server's progress back as `notifications/progress` under the app's own token;
   * the server sees a token of this client's, so an app cannot reach another request's progress.
   * @default none: the app's progress token is dropped
   */
  notifyApp?: ((notification: JsonRpcNotification) => void) | undefined;
  /**
   * Told of each failure `relay` answers the app with only a generic `-32603` (anything but a
   * refusal or the server's own JSON-RPC error): the detail stays with the host, away from the
   * untrusted app. @default none
   */
  onError?: ((error: unknown) => void) | undefined;
}

/** What `relay` tells the app of a failure whose detail is the host's (a timeout, a lost connection, an invalid response). */
const HOST_FAILURE = 'the host could not complete the request';

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
   * as SEP-1865 requires) and the CSP and `allow` attribute built from it. A `ConfigError`, before
   * anything is sent, when `target` is no `ui://` URI or tool with an app; an `InvalidResponseError`
   * when the resource is not an app SEP-1865 allows.
   */
  async read(target: string | Pick<Tool, 'name' | '_meta'>, options?: CallOptions): Promise<AppResource> {
    const uri = typeof target === 'string' ? target : appOf(target)?.resourceUri;
    if (uri === undefined && typeof target !== 'string')
      throw new ConfigError(`the tool ${target.name} points at no app (it has no ui:// _meta.ui.resourceUri); check appOf(tool) first`, {
        server: this.host.server,
      });
    if (uri === undefined || !uri.startsWith('ui://'))
      throw new ConfigError(
        `${JSON.stringify(uri)} is not a ui:// URI, which SEP-1865 requires of app resources; pass a tool with an app or its resourceUri`,
        {
          server: this.host.server,
        },
      );
    const result = await this.host.client.readResource(uri, options);
    return appResourceFrom(result, uri, () => this.listed(uri, options), { server: this.host.server, method: 'resources/read' });
  }

  /**
   * Forwards a request an app sent its host to this client's server, and resolves with the result to
   * send back to the app. Only the methods in `APP_SERVER_METHODS` are forwarded; `tools/call` only
   * for a tool this server lists whose `visibility` includes `"app"`, and `tools/list` lists only
   * those, with `arguments` an object if any. Anything else fails with an `AppRequestRefusedError`,
   * and nothing reaches the server.
   */
  async forward(method: string, params: Record<string, unknown> = {}, options?: AppForwardOptions): Promise<Record<string, unknown>> {
    if (!isAppServerMethod(method))
      throw this.refused(
        'method',
        `an app may not send ${method} to the server; a host forwards only ${APP_SERVER_METHODS.join(', ')} and answers ui/ methods itself`,
        method,
      );
    const client = this.host.client;
    const call = callOptions(options);
    switch (method) {
      case 'tools/call':
        return this.callTool(params, options);
      case 'tools/list':
        return { tools: (await client.listTools(call)).tools.filter(callableByApp) };
      case 'resources/read':
        if (typeof params.uri !== 'string') throw this.refused('params', 'the app sent resources/read without a "uri"', method);
        return await client.readResource(params.uri, call);
      case 'resources/list':
        return { resources: (await client.listResources(call)).resources };
      case 'resources/templates/list':
        return { resourceTemplates: (await client.listResourceTemplates(call)).resourceTemplates };
      case 'prompts/list':
        return { prompts: (await client.listPrompts(call)).prompts };
    }
  }

  /**
   * `forward` for a JSON-RPC request as the app sent it, answered with the JSON-RPC response to post
   * back: a refusal as `-32601` (a method not forwarded) or `-32602` (missing params, a tool the app may not call),
   * the server's own error as it sent it, any other failure as `-32603` with a generic message: the
   * app is untrusted, so the detail (a timeout naming the server's URL, say) goes to `options.onError`.
   * @example
   * window.addEventListener('message', async (event) => {
   *   const data = event.data;
   *   if (event.source !== frame.contentWindow) return;
   *   if (!isAppServerMethod(data.method)) return answerHostMethod(data); // ui/*, ping, sampling
   *   frame.contentWindow.postMessage(await apps.relay(data), '*');
   * });
   */
  async relay(request: JsonRpcRequest, options?: AppForwardOptions): Promise<JsonRpcResponse> {
    try {
      // The app is untrusted: params that are not an object count as none.
      return {
        jsonrpc: '2.0',
        id: request.id,
        result: await this.forward(request.method, recordOrUndefined(request.params) ?? {}, options),
      };
    } catch (error) {
      const answer = errorAnswer(error);
      if (answer === undefined) options?.onError?.(error);
      return { jsonrpc: '2.0', id: request.id, error: answer ?? { code: ErrorCode.InternalError, message: HOST_FAILURE } };
    }
  }

  private async callTool(params: Record<string, unknown>, options: AppForwardOptions | undefined): Promise<Record<string, unknown>> {
    const name = params.name;
    if (typeof name !== 'string') throw this.refused('params', 'the app sent tools/call without a tool "name"', 'tools/call');
    const args = params.arguments;
    if (args !== undefined && recordOrUndefined(args) === undefined)
      throw this.refused('params', `the app sent tools/call of ${name} with "arguments" that are not an object`, 'tools/call', name);
    const { tools } = await this.host.client.listTools(callOptions(options));
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
        `the app called the tool ${name}, whose visibility excludes apps (${JSON.stringify(visibilityOf(tool))})`,
        'tools/call',
        name,
      );
    return await this.host.client.callTool(name, recordOrUndefined(args) ?? {}, withAppProgress(params, options));
  }

  private async listed(uri: string, options: CallOptions | undefined) {
    if (this.host.client.serverCapabilities?.resources === undefined) return undefined;
    try {
      return (await this.host.client.listResources(options)).resources.find((resource) => resource.uri === uri);
    } catch (error) {
      // The caller gave up: that is not a listing that failed.
      if (options?.signal?.aborted === true || CancelledError.isInstance(error)) throw error;
      // The listing is only a fallback for metadata the content item lacks: without it, the app gets
      // the restrictive default policy, which is the safe side.
      return undefined;
    }
  }

  private refused(reason: AppRequestRefusedError['reason'], message: string, method: string, tool?: string): AppRequestRefusedError {
    return new AppRequestRefusedError(reason, message, { server: this.host.server, method, tool });
  }
}

/** The JSON-RPC error to tell the app: a refusal, or the server's own error; undefined for a failure whose detail is the host's. */
function errorAnswer(error: unknown): { code: number; message: string; data?: unknown } | undefined {
  if (AppRequestRefusedError.isInstance(error))
    return { code: error.reason === 'method' ? ErrorCode.MethodNotFound : ErrorCode.InvalidParams, message: error.detail };
  if (ProtocolError.isInstance(error))
    return error.data === undefined
      ? { code: error.code, message: error.rawMessage }
      : { code: error.code, message: error.rawMessage, data: error.data };
  return undefined;
}

/** `options` as the client's call options, without the app's side. */
function callOptions(options: AppForwardOptions | undefined): CallOptions | undefined {
  if (options === undefined) return undefined;
  const { notifyApp: _notifyApp, onError: _onError, ...call } = options;
  return call;
}

/** The call options of an app's `tools/call`: with its progress relayed under its own token, when it asked and the host can post it. */
function withAppProgress(params: Record<string, unknown>, options: AppForwardOptions | undefined): CallOptions | undefined {
  const call = callOptions(options);
  const token = recordOrUndefined(params._meta)?.progressToken;
  const notifyApp = options?.notifyApp;
  if (notifyApp === undefined || (typeof token !== 'string' && typeof token !== 'number')) return call;
  return {
    ...call,
    onprogress: (progress) => {
      call?.onprogress?.(progress);
      const { progress: done, total, message } = progress;
      notifyApp({
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: {
          progressToken: token,
          progress: done,
          ...(total === undefined ? {} : { total }),
          ...(message === undefined ? {} : { message }),
        },
      });
    },
  };
}

function recordOrUndefined(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
