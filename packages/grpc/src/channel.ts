import { credentials, Client, type ChannelCredentials, type ChannelOptions } from '@grpc/grpc-js';
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

/** Resolves once the channel is connected; rejects when it is not by `deadline`. */
export function waitForReady(client: Client, deadline: Date): Promise<void> {
  return new Promise((resolve, reject) => client.waitForReady(deadline, (error) => (error ? reject(error) : resolve())));
}
