import { Buffer } from 'node:buffer';
import { create, fromBinary, toBinary, type Message } from '@bufbuild/protobuf';
import { status as Status, type Client, type Metadata, type ClientUnaryCall, type ServiceError } from '@grpc/grpc-js';
import {
  AUTH_RETRY_LIMIT,
  AuthError,
  InvalidResponseError,
  LATEST_PROTOCOL_VERSION,
  TransportError,
  type JsonRpcMessage,
  type JsonRpcRequest,
  type RequestId,
  type Transport,
  type TransportDiagnostic,
  type TransportSendOptions,
} from '@mcpx/core';
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  isModernProtocolVersion,
  isNotification,
  isRequest,
  PROTOCOL_VERSION_KEY,
  TransportCallbacks,
} from '@mcpx/core/internal';
import { openClient, waitForReady } from './channel.js';
import { BindingViolation, requestFieldsToProto, responseFieldsFromProto } from './codec/fields.js';
import { objectOf, type Json } from './codec/json.js';
import { resolveOptions, type GrpcTransportOptions, type ResolvedGrpcOptions } from './options.js';
import { ROUTES_BY_METHOD, rpcPath, type Route } from './routes.js';
import { callMetadata, MetadataProblem } from './metadata.js';
import { answerOf, callError, type CallPlace } from './status.js';
import { unknownFieldsOf } from './unknown-fields.js';

/** `_meta` key of the server's `Implementation` (2026-07-28), which a server of the binding may put in its response metadata. */
const SERVER_INFO_KEY = 'io.modelcontextprotocol/serverInfo';

/** What the binding's service carries: the capabilities a server of it has. */
const SERVICE_CAPABILITIES = { tools: {}, resources: {}, prompts: {}, completions: {} };

type State = 'new' | 'starting' | 'open' | 'closed';

/** A call in flight, by the JSON-RPC id it answers. */
interface InFlight {
  call: ClientUnaryCall | undefined;
  /** Set when the client gave up on it (`notifications/cancelled`): its failure is then expected. */
  cancelled: boolean;
}

/**
 * Talks to an MCP server over the gRPC binding of MCP (`mcp.proto`, service
 * `model_context_protocol.Mcp`, from SEP-1352): each 2026-07-28 request is one unary call,
 * with the binding's routing metadata (`mcp_tool`, `mcp_resource`, `mcp_prompt`), the request's
 * timeout as its deadline and cancellation as a cancelled call. `dependent_requests` come back
 * as `input_required` results, which the client answers with its sampling, elicitation and roots
 * handlers; `resume_data` travels as `requestState`; list `ttl`s become `ttlMs` cache hints.
 * `server/discover` is answered from a `ListTools` call (the binding has no discovery rpc). A
 * request the binding has no call for is refused with a `TransportError` naming it.
 *
 * The channel connects again by itself after losing its connection (grpc-js's backoff,
 * `reconnect`), but a call is never sent twice: one in flight when the connection drops fails
 * with a retryable error. Only `close()` ends the transport.
 *
 * @example
 * const client = new McpClient({ name: 'my-app' });
 * await client.connect(new GrpcTransport('grpcs://mcp.example.com:443', { authProvider: bearerAuth(token) }));
 */
export class GrpcTransport implements Transport {
  /** Called for every message received. */
  onmessage?: ((message: JsonRpcMessage) => void) | undefined;
  /** Called for a failure that does not close the connection. */
  onerror?: ((error: Error) => void) | undefined;
  /** Called once when `close()` ended the transport. */
  onclose?: ((reason?: Error) => void) | undefined;
  /** Called with what is worth knowing but not a failure, such as fields of a response this binding's revision does not know. */
  ondiagnostic?: ((event: TransportDiagnostic) => void) | undefined;
  /** The target (`grpc://host:port` or `grpcs://host:port`), for error messages. */
  readonly description: string;

  readonly #callbacks = new TransportCallbacks(this);
  readonly #options: ResolvedGrpcOptions;
  readonly #inFlight = new Map<RequestId, InFlight>();
  /** The rpcs whose responses were already reported for unknown fields: once each. */
  readonly #toldUnknown = new Set<string>();
  #state: State = 'new';
  #client: Client | undefined;

  constructor(target: string | URL, options: GrpcTransportOptions = {}) {
    this.#options = resolveOptions(target, options);
    this.description = this.#options.description;
  }

  /**
   * Opens the channel and waits until it is connected, for at most `connectTimeoutMs`; fails at
   * once, saying why, when the channel cannot connect (a refused port, an untrusted certificate).
   */
  async start(): Promise<void> {
    if (this.#state !== 'new') throw new Error('GrpcTransport.start() was called twice; make a new transport to connect again');
    this.#state = 'starting';
    const client = openClient(this.#options);
    this.#client = client;
    try {
      await waitForReady(client, new Date(Date.now() + this.#options.connectTimeoutMs));
    } catch (error) {
      client.close();
      const closed = (this.#state as State) === 'closed'; // close() may have run while it waited
      this.#state = 'closed';
      if (closed) throw this.#closedWhileStarting();
      const tls = this.#options.secure ? ', that its certificate is trusted (tls.ca) and names the host (tls.servername)' : '';
      throw new TransportError(
        `could not connect to the gRPC server at ${this.description} (${error instanceof Error ? error.message : String(error)}); check that it runs and listens there${tls}, or raise connectTimeoutMs (${this.#options.connectTimeoutMs} ms) for a slow network`,
        { server: this.#options.name, target: this.description, isRetryable: true, cause: error },
      );
    }
    if (this.#state !== 'starting') throw this.#closedWhileStarting();
    this.#state = 'open';
  }

  #closedWhileStarting(): TransportError {
    return new TransportError(`the gRPC transport to ${this.description} was closed while it was connecting`, {
      server: this.#options.name,
      target: this.description,
    });
  }

  /** Sends a request as its unary call and delivers the answer; cancels a call on `notifications/cancelled`; refuses anything else. */
  async send(message: JsonRpcMessage, options?: TransportSendOptions): Promise<void> {
    if (this.#state !== 'open') {
      throw new TransportError(`the gRPC transport to ${this.description} is ${this.#state === 'closed' ? 'closed' : 'not started'}`, {
        server: this.#options.name,
        target: this.description,
      });
    }
    if (isRequest(message)) return this.#request(message, options?.timeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS);
    if (isNotification(message) && message.method === 'notifications/cancelled') {
      const id = message.params?.requestId;
      const flight = typeof id === 'string' || typeof id === 'number' ? this.#inFlight.get(id) : undefined;
      if (flight !== undefined) {
        flight.cancelled = true;
        flight.call?.cancel();
      }
      return;
    }
    const what = isNotification(message) ? `the notification ${message.method}` : 'a response (it never asks the client anything)';
    throw new TransportError(`${what} cannot be sent over the gRPC binding of MCP, which has no way to carry it; it was not sent`, {
      server: this.#options.name,
      target: this.description,
      ...(isNotification(message) ? { method: message.method } : {}),
    });
  }

  /** Cancels the calls in flight and closes the channel. Safe to call twice. */
  close(): Promise<void> {
    if (this.#state === 'closed') return Promise.resolve();
    const wasOpen = this.#state === 'open';
    this.#state = 'closed';
    for (const flight of this.#inFlight.values()) {
      flight.cancelled = true;
      flight.call?.cancel();
    }
    this.#inFlight.clear();
    this.#client?.close();
    if (wasOpen) this.#callbacks.close();
    return Promise.resolve();
  }

  async #request(request: JsonRpcRequest, timeoutMs: number): Promise<void> {
    const { id, method } = request;
    const params = request.params ?? {};
    const deadline = deadlineOf(timeoutMs);
    if (method === 'server/discover') return this.#discover(id, params, deadline, timeoutMs);
    const route = ROUTES_BY_METHOD.get(method);
    if (route === undefined) throw this.#uncovered(method);
    const result = await this.#call(id, route, params, deadline, timeoutMs);
    if (result !== undefined) this.#callbacks.message({ jsonrpc: '2.0', id, result });
  }

  /**
   * `server/discover` from a `ListTools` call: the binding has no discovery rpc, but its first
   * response may carry the server's `instructions` and, in its metadata, the server's identity.
   * The capabilities are those of the binding's service.
   */
  async #discover(id: RequestId, params: Json, deadline: Deadline, timeoutMs: number): Promise<void> {
    const route = ROUTES_BY_METHOD.get('tools/list') as Route;
    const listed = await this.#call(id, route, { _meta: params._meta }, deadline, timeoutMs, true);
    if (listed === undefined) return;
    const asked = objectOf(params._meta)?.[PROTOCOL_VERSION_KEY];
    const version = typeof asked === 'string' && isModernProtocolVersion(asked) ? asked : LATEST_PROTOCOL_VERSION;
    const serverInfo = objectOf(objectOf(listed._meta)?.[SERVER_INFO_KEY]) ?? {
      name: this.#options.name ?? this.description,
      version: 'unknown',
    };
    const instructions = typeof listed.instructions === 'string' && listed.instructions !== '' ? { instructions: listed.instructions } : {};
    this.#callbacks.message({
      jsonrpc: '2.0',
      id,
      result: {
        supportedVersions: [version],
        capabilities: SERVICE_CAPABILITIES,
        ...instructions,
        _meta: { [SERVER_INFO_KEY]: serverInfo },
      },
    });
  }

  /**
   * One call of `route`, retried after the auth provider's `onUnauthorized()` allows it; resolves
   * with the result, or with undefined once the answer went out as a JSON-RPC error or the client
   * gave up on the call.
   */
  async #call(
    id: RequestId,
    route: Route,
    params: Json,
    deadline: Deadline,
    timeoutMs: number,
    discovering = false,
  ): Promise<Json | undefined> {
    const target = `${this.description}${rpcPath(route.rpc)}`;
    const place = { server: this.#options.name, method: discovering ? 'server/discover' : route.method, target, timeoutMs };
    let message: Message;
    try {
      message = create(route.input, { ...route.encodeParams(params), common: requestFieldsToProto(params) });
    } catch (error) {
      throw new TransportError(`the request could not be put in the binding's ${route.rpc} message: ${String(error)}`, {
        ...place,
        cause: error,
      });
    }
    const routing = route.routing?.(params);
    const flight: InFlight = { call: undefined, cancelled: false };
    this.#inFlight.set(id, flight);
    try {
      for (let attempt = 0; ; attempt++) {
        const sent = (await this.#options.authProvider?.headers({ url: new URL(target.replace(/^grpc/, 'http')), method: 'POST' })) ?? {};
        const metadata = this.#metadata(sent, routing, place);
        if (flight.cancelled) return undefined;
        try {
          const bytes = await this.#unary(route, message, metadata, deadline, flight);
          return this.#decode(route, this.#parse(route, bytes, place), place);
        } catch (error) {
          if (!isServiceError(error)) throw error;
          if (flight.cancelled) return undefined;
          if (discovering && error.code === Status.UNIMPLEMENTED) return {};
          if (error.code === Status.UNAUTHENTICATED || error.code === Status.PERMISSION_DENIED) {
            if (await this.#retryAuth(error, attempt, target, sent, deadline)) continue;
            const refused = error.code === Status.UNAUTHENTICATED ? 401 : 403;
            throw new AuthError(refused, target, header(error, 'www-authenticate'), {
              server: place.server,
              method: place.method,
              cause: error,
            });
          }
          const answer = answerOf(error);
          if (answer === undefined) throw callError(error, place);
          this.#callbacks.message({ jsonrpc: '2.0', id, error: answer });
          return undefined;
        }
      }
    } finally {
      this.#inFlight.delete(id);
    }
  }

  /** The call's metadata; a `TransportError` naming the key (never the value, which may be a token) for an entry gRPC cannot send. */
  #metadata(sent: Record<string, string>, routing: readonly [string, string] | undefined, place: CallPlace): Metadata {
    try {
      return callMetadata({ ...this.#options.metadata, ...sent }, routing);
    } catch (error) {
      if (!(error instanceof MetadataProblem)) throw error;
      const from =
        routing !== undefined && error.message.includes(`"${routing[0]}"`) ? 'the request' : 'the metadata option or the auth provider';
      throw new TransportError(`the call was not sent: ${error.message}; fix what ${from} gives`, {
        server: place.server,
        method: place.method,
        target: place.target,
        isRetryable: false,
      });
    }
  }

  /** Asks the auth provider whether to try a refused call again. */
  async #retryAuth(
    error: ServiceError,
    attempt: number,
    target: string,
    sent: Record<string, string>,
    deadline: Deadline,
  ): Promise<boolean> {
    const provider = this.#options.authProvider;
    if (provider?.onUnauthorized === undefined || attempt >= AUTH_RETRY_LIMIT) return false;
    return provider.onUnauthorized({
      url: new URL(target.replace(/^grpc/, 'http')),
      method: 'POST',
      status: error.code === Status.UNAUTHENTICATED ? 401 : 403,
      wwwAuthenticate: header(error, 'www-authenticate'),
      attempt,
      header: (name) => header(error, name.toLowerCase()),
      sent,
      signal:
        typeof deadline === 'number' ? new AbortController().signal : AbortSignal.timeout(Math.max(0, deadline.getTime() - Date.now())),
    });
  }

  /** One unary call; resolves with the response's bytes, decoded apart so that a response that is not the rpc's message is told as such. */
  #unary(route: Route, message: Message, metadata: Metadata, deadline: Deadline, flight: InFlight): Promise<Buffer> {
    const client = this.#client as Client;
    return new Promise((resolve, reject) => {
      flight.call = client.makeUnaryRequest(
        rpcPath(route.rpc),
        (value: Message) => Buffer.from(toBinary(route.input, value)),
        (bytes: Buffer) => bytes,
        message,
        metadata,
        { deadline },
        (error, response) => (error ? reject(error) : resolve(response as Buffer)),
      );
    });
  }

  /** The response's bytes as the rpc's message; an `InvalidResponseError` when they are not one. */
  #parse(route: Route, bytes: Buffer, place: CallPlace): Message {
    try {
      return fromBinary(route.output, bytes);
    } catch (error) {
      throw new InvalidResponseError(
        `the server's ${route.rpc} response is not a ${route.output.typeName} message (${error instanceof Error ? error.message : String(error)}); check that ${place.target} serves the gRPC binding of MCP`,
        { server: place.server, method: place.method, cause: error },
      );
    }
  }

  /** The result of a response: the route's fields, then what its `ResponseFields` add; unknown fields are kept and told of once per rpc. */
  #decode(route: Route, response: Message, place: CallPlace): Json {
    const unknown = unknownFieldsOf(route.output, response);
    if (unknown.length > 0 && !this.#toldUnknown.has(route.rpc)) {
      this.#toldUnknown.add(route.rpc);
      this.#callbacks.diagnostic({
        type: 'info',
        message: `the server's ${route.rpc} response has fields this client's mcp.proto does not know (${unknown.join(', ')}); they were kept and ignored`,
      });
    }
    try {
      const common = (response as Message & { common?: Parameters<typeof responseFieldsFromProto>[0] }).common;
      const result = { ...route.decodeResult(response), ...responseFieldsFromProto(common) };
      if (common?.instructions) result.instructions = common.instructions;
      return result;
    } catch (error) {
      if (error instanceof BindingViolation)
        throw new InvalidResponseError(`the server's ${route.rpc} response breaks the binding: ${error.message}`, {
          ...place,
          cause: error,
        });
      throw error;
    }
  }

  #uncovered(method: string): TransportError {
    const covered = ['server/discover', ...ROUTES_BY_METHOD.keys()].join(', ');
    const hint =
      method === 'initialize'
        ? '; the binding speaks only the 2026-07-28 era: do not pin era "legacy" or a 2025 protocolVersion'
        : method === 'subscriptions/listen'
          ? '; it has no streaming rpc for notifications yet'
          : '';
    return new TransportError(
      `${method} has no call in the gRPC binding of MCP (mcp.proto, service model_context_protocol.Mcp, which carries ${covered})${hint}; the request was not sent`,
      { server: this.#options.name, method, target: this.description },
    );
  }
}

/** A call's deadline: none (`Infinity`) for a request that may wait forever, such as one with `timeoutMs: Infinity`. */
type Deadline = Date | number;

/** The longest deadline gRPC can send (its timeout header holds at most 8 digits), about 27 hours in milliseconds. */
const MAX_DEADLINE_MS = 99_999_999;

function deadlineOf(timeoutMs: number): Deadline {
  return Number.isFinite(timeoutMs) && timeoutMs <= MAX_DEADLINE_MS ? new Date(Date.now() + timeoutMs) : Infinity;
}

function isServiceError(error: unknown): error is ServiceError {
  return error instanceof Error && typeof (error as Partial<ServiceError>).code === 'number' && 'metadata' in error;
}

function header(error: ServiceError, name: string): string | undefined {
  const value = error.metadata?.get(name)[0];
  return value === undefined ? undefined : String(value);
}
