import { LocalError, TransportError, type AuthProvider, type McpClient, type McpClientOptions, type SettingNames } from '@mcpx/core';
import type { HttpRetry } from '@mcpx/http';
import type { HttpServerConfig, ServerConfig } from '../config/types.js';
import { isInstalled, loadTransport } from '../transports/peers.js';
import { connectTransport } from './connect-transport.js';
import { defaultExtensions } from './default-extensions.js';
import { toolFilter } from './tool-filter.js';
import { connectorAuth, type FactoryOAuthOptions } from './server-oauth.js';
import type { DiagnosticListener } from './diagnostics.js';
import type { SharedStores } from '../store/open-store.js';
import { configServerKey } from '../store/server-key.js';

/** What connecting a server needs besides its config. */
export interface ConnectorOptions {
  /** Client options for every server: handlers, client info... The server's own settings win. */
  client?: Omit<McpClientOptions, 'server'> | undefined;
  /** Credentials for the HTTP, SSE and WebSocket transports of every server, instead of OAuth. */
  authProvider?: AuthProvider | undefined;
  /**
   * OAuth for the HTTP, SSE and WebSocket servers (with `@mcpx/auth` installed): each gets an
   * `OAuthProvider` from its `oauth` settings, unless it has `"oauth": false` or an
   * `Authorization` header. `false` turns OAuth off for every server.
   * @default a file token store, interactive when standard error is a terminal
   */
  oauth?: FactoryOAuthOptions | false | undefined;
  /** Told about the SSE fallback, and the store's fallback to memory. */
  onDiagnostic?: DiagnosticListener | undefined;
  /**
   * State shared across processes (`openStore` of a config's `store`): its cache goes into every
   * client's `cache.store` (with a `cache.serverKey` digest of the server's command, arguments,
   * working directory and environment, or URL and headers), its era store into `eraCache`, its
   * token store into OAuth's `store`, each unless `client` or `oauth` gives its own. You close what you opened; `false` uses none.
   * @default `createRegistry`: the config's `store`, opened and closed with the registry; `createClient`: none
   */
  store?: SharedStores | false | undefined;
  /** Milliseconds for connecting each server, over the servers' own `connectTimeoutMs`: for a command line's setting. @default each server's `connectTimeoutMs` */
  connectTimeoutMs?: number | undefined;
  /**
   * Told of each retry of a request to a Streamable HTTP server (its transport's `retry.onRetry`),
   * in the async context of the request retried, so that `otelRetryEvent` from `@mcpx/otel`
   * records it on the request's span. The legacy HTTP+SSE transport retries no request.
   * @default none
   */
  onHttpRetry?: ((retry: HttpRetry) => void) | undefined;
}

/** How timeout errors name the settings of a server in a config file; `client.settingNames` overrides them. */
export const CONFIG_SETTING_NAMES: SettingNames = {
  requestTimeoutMs: "`requestTimeoutMs` in the server's config",
  connectTimeoutMs: "`connectTimeoutMs` in the server's config",
};

/**
 * Connects one server, again on every call: the `connect` function a registry calls for each
 * (re)connection. Remembers that a Streamable HTTP server turned out to speak only the legacy
 * HTTP+SSE transport, so that reconnections go straight to SSE.
 */
export class ServerConnector {
  #sseOnly = false;
  #auth: Promise<AuthProvider | undefined> | undefined;

  constructor(
    readonly server: ServerConfig,
    private readonly options: ConnectorOptions = {},
  ) {}

  /** A connected client; closes what it opened and rejects with the signal's reason when `signal` aborts. */
  async connect(signal?: AbortSignal): Promise<McpClient> {
    const server = this.server;
    const clientOptions = this.clientOptions();
    const authProvider = server.transport === 'stdio' ? undefined : await this.authProvider();
    switch (server.transport) {
      case 'stdio': {
        const { StdioTransport } = await loadTransport('stdio', server.name);
        const { command, args, env, cwd, processGroup, name } = server;
        // Only when set: a @mcpx/stdio older than the option would refuse the key.
        const group = processGroup === undefined ? {} : { processGroup };
        const create = () => new StdioTransport({ command, args, env, cwd, name, ...group });
        return connectTransport(create, clientOptions, signal);
      }
      case 'http':
        return this.#sseOnly
          ? this.connectSse(server, clientOptions, authProvider, signal)
          : this.connectHttp(server, clientOptions, authProvider, signal);
      case 'sse':
        return this.connectSse(server, clientOptions, authProvider, signal);
      case 'websocket': {
        const { WebSocketTransport } = await loadTransport('websocket', server.name);
        const create = () => new WebSocketTransport(server.url, { headers: server.headers, authProvider, name: server.name });
        return connectTransport(create, clientOptions, signal);
      }
      case 'grpc': {
        const { GrpcTransport } = await loadTransport('grpc', server.name);
        const metadata = Object.fromEntries(Object.entries(server.headers).map(([key, value]) => [key.toLowerCase(), value]));
        const create = () => new GrpcTransport(server.url, { metadata, authProvider, name: server.name });
        return connectTransport(create, clientOptions, signal);
      }
    }
  }

  /**
   * The credentials of the server: the `authProvider` option, else its `OAuthProvider` (made on
   * first use and kept, so that reconnections reuse its tokens), else none.
   */
  authProvider(): Promise<AuthProvider | undefined> {
    if (this.options.authProvider !== undefined) return Promise.resolve(this.options.authProvider);
    if (this.options.oauth === false) return Promise.resolve(undefined);
    const oauth = this.options.oauth;
    const tokens = this.stores?.tokens;
    const withStore = tokens === undefined || oauth?.store !== undefined ? oauth : { ...oauth, store: tokens };
    this.#auth ??= connectorAuth(this.server, withStore).catch((error: unknown) => {
      this.#auth = undefined;
      throw error;
    });
    return this.#auth;
  }

  private async connectHttp(
    server: HttpServerConfig,
    clientOptions: McpClientOptions,
    authProvider: AuthProvider | undefined,
    signal: AbortSignal | undefined,
  ): Promise<McpClient> {
    const { StreamableHttpTransport } = await loadTransport('http', server.name);
    const onRetry = this.options.onHttpRetry;
    const create = () =>
      new StreamableHttpTransport(server.url, {
        headers: server.headers,
        authProvider,
        name: server.name,
        ...(onRetry === undefined ? {} : { retry: { onRetry } }),
      });
    try {
      return await connectTransport(create, clientOptions, signal);
    } catch (error) {
      if (!server.sseFallback || signal?.aborted || !refusesStreamableHttp(error)) throw error;
      if (!isInstalled('sse')) {
        this.tell(
          'sse-unavailable',
          `${server.url} answered ${error.status} to Streamable HTTP; if it speaks the legacy HTTP+SSE transport, npm install @mcpx/sse to fall back to it`,
          error,
        );
        throw error;
      }
      this.tell('sse-fallback', `${server.url} answered ${error.status} to Streamable HTTP; trying the legacy HTTP+SSE transport`, error);
      try {
        const client = await this.connectSse(server, clientOptions, authProvider, signal);
        this.#sseOnly = true;
        return client;
      } catch (sseError) {
        if (signal?.aborted) throw sseError;
        this.tell(
          'sse-fallback-failed',
          `the legacy HTTP+SSE transport failed too: ${messageOf(sseError)}`,
          sseError instanceof Error ? sseError : undefined,
        );
        throw bothFailed(server, error, sseError);
      }
    }
  }

  private async connectSse(
    server: HttpServerConfig | Extract<ServerConfig, { transport: 'sse' }>,
    clientOptions: McpClientOptions,
    authProvider: AuthProvider | undefined,
    signal: AbortSignal | undefined,
  ): Promise<McpClient> {
    const { SseTransport } = await loadTransport('sse', server.name);
    const create = () => new SseTransport(server.url, { headers: server.headers, authProvider, name: server.name });
    try {
      return await connectTransport(create, clientOptions, signal);
    } catch (error) {
      // A server that spoke SSE before may have been upgraded: start from Streamable HTTP next time.
      this.#sseOnly = false;
      throw error;
    }
  }

  /** Milliseconds allowed for connecting the server: the override, else its own setting, else the default. */
  get connectTimeoutMs(): number | undefined {
    return this.options.connectTimeoutMs ?? this.server.connectTimeoutMs;
  }

  private get stores(): SharedStores | undefined {
    return this.options.store === false ? undefined : this.options.store;
  }

  private clientOptions(): McpClientOptions {
    const server = this.server;
    const client = this.options.client;
    const stores = this.stores;
    const options: McpClientOptions = {
      ...client,
      server: server.name,
      settingNames: { ...CONFIG_SETTING_NAMES, ...client?.settingNames },
      extensions: defaultExtensions(client?.extensions),
    };
    if (stores !== undefined && client?.cache !== false && client?.cache?.store === undefined)
      // Shared across processes, the store needs a name for the server that says more than its
      // command line (see configServerKey); the caller's serverKey wins.
      options.cache = { ...client?.cache, store: stores.cache, serverKey: client?.cache?.serverKey ?? configServerKey(server) };
    if (client?.eraCache === undefined && stores?.eraCache !== undefined) options.eraCache = stores.eraCache;
    if (server.requestTimeoutMs !== undefined) options.requestTimeoutMs = server.requestTimeoutMs;
    const connectTimeoutMs = this.connectTimeoutMs;
    if (connectTimeoutMs !== undefined) options.connectTimeoutMs = connectTimeoutMs;
    if (server.era !== undefined) options.era = server.era;
    if (server.protocolVersion !== undefined) options.protocolVersion = server.protocolVersion;
    // Outermost, so that no other middleware sees a refused call sent nor a hidden tool listed.
    const filter = toolFilter(server);
    if (filter !== undefined) options.middleware = [filter, ...(client?.middleware ?? [])];
    return options;
  }

  private tell(type: 'sse-fallback' | 'sse-fallback-failed' | 'sse-unavailable', message: string, error: Error | undefined): void {
    try {
      this.options.onDiagnostic?.({ server: this.server.name, type, message, error });
    } catch {
      // A throwing listener must not change how connecting ends.
    }
  }
}

/**
 * Whether Streamable HTTP was refused in a way that suggests an older server: a 4xx other
 * than 401/403 (credentials), 408 (slow) and 429 (rate limit), which no transport would fix.
 */
export function refusesStreamableHttp(error: unknown): error is TransportError & { status: number } {
  if (!TransportError.isInstance(error) || error.status === undefined) return false;
  return error.status >= 400 && error.status < 500 && ![401, 403, 408, 429].includes(error.status);
}

function bothFailed(server: HttpServerConfig, httpError: TransportError & { status: number }, sseError: unknown): TransportError {
  const retryable = httpError.isRetryable || (LocalError.isInstance(sseError) && sseError.isRetryable);
  return new TransportError(
    `Streamable HTTP was refused (${messageOf(httpError)}), and the legacy HTTP+SSE fallback failed: ${messageOf(sseError)}`,
    {
      server: server.name,
      status: httpError.status,
      target: server.url,
      isRetryable: retryable,
      cause: sseError,
    },
  );
}

/** The message of an error without the `server "x": ` its class put in front. */
function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/^server "[^"]*": /, '');
}
