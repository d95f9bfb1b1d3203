import { Buffer } from 'node:buffer';
import { connectivityState, credentials, Client, Metadata, type ChannelCredentials, type ChannelOptions } from '@grpc/grpc-js';
import type { ResolvedGrpcOptions } from './options.js';

/** The grpc-js credentials of the target: insecure for `grpc://`, TLS (mutual with `cert` and `key`) for `grpcs://`. */
function channelCredentials(options: ResolvedGrpcOptions): ChannelCredentials {
  if (!options.secure) return credentials.createInsecure();
  const pem = (value: string | Buffer | undefined): Buffer | null => (value === undefined ? null : Buffer.from(value));
  const { ca, key, cert } = options.tls;
  return credentials.createSsl(pem(ca), pem(key), pem(cert));
}

/** The channel settings: keepalive pings, message size limits, reconnect backoff, TLS name override. */
export function channelOptions(options: ResolvedGrpcOptions): ChannelOptions {
  const settings: ChannelOptions = {
    'grpc.max_receive_message_length': options.maxReceiveMessageBytes,
    'grpc.max_send_message_length': options.maxSendMessageBytes,
    'grpc.initial_reconnect_backoff_ms': options.reconnect.initialDelayMs,
    'grpc.max_reconnect_backoff_ms': options.reconnect.maxDelayMs,
    'grpc.primary_user_agent': `mcpx-grpc/${__MCPX_VERSION__}`,
  };
  if (options.keepaliveIntervalMs > 0) {
    settings['grpc.keepalive_time_ms'] = options.keepaliveIntervalMs;
    settings['grpc.keepalive_timeout_ms'] = options.keepaliveTimeoutMs;
    // Only while calls are in flight: gRPC servers refuse pings on an idle connection by default
    // (grpc-go, gRPC core), and close it with GOAWAY too_many_pings.
    settings['grpc.keepalive_permit_without_calls'] = 0;
  }
  const servername = options.tls.servername;
  if (servername !== undefined) {
    settings['grpc.ssl_target_name_override'] = servername;
    settings['grpc.default_authority'] = servername;
  }
  return settings;
}

/** A grpc-js client (one channel) to the target. */
export function openClient(options: ResolvedGrpcOptions): Client {
  return new Client(options.address, channelCredentials(options), channelOptions(options));
}

/**
 * Resolves once the channel is connected; rejects with why it could not connect at its first
 * failure to (a refused port, an untrusted certificate), or when it is still connecting at
 * `deadline`.
 */
export function waitForReady(client: Client, deadline: Date): Promise<void> {
  const channel = client.getChannel();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const state = channel.getConnectivityState(true);
      if (state === connectivityState.READY) return resolve();
      if (state === connectivityState.SHUTDOWN) return reject(new Error('the channel was closed'));
      if (state === connectivityState.TRANSIENT_FAILURE) {
        // probe() never rejects: it resolves with a reason in every case.
        void probe(client).then((reason) => reject(new Error(reason)));
        return;
      }
      channel.watchConnectivityState(state, deadline, (error) => {
        if (error === undefined) return check();
        reject(new Error(`still ${connectivityState[state]?.toLowerCase() ?? 'connecting'} at the deadline`));
      });
    };
    check();
  });
}

/** Why the channel cannot connect, as grpc-js tells it to a call that does not wait ("… Last error: …"). */
function probe(client: Client): Promise<string> {
  return new Promise((resolve) => {
    const fallback = 'the channel failed to connect';
    try {
      client.makeUnaryRequest(
        '/model_context_protocol.Mcp/ListTools',
        (value: Buffer) => value,
        (bytes: Buffer) => bytes,
        Buffer.alloc(0),
        // grpc-js takes wait-for-ready from the metadata's options; false fails at once, with why.
        new Metadata({ waitForReady: false }),
        {},
        (error) => resolve(error?.details || error?.message || fallback),
      );
    } catch {
      resolve(fallback);
    }
  });
}
