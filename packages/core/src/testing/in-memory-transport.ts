import { ConnectionClosedError } from '../index.js';
import type { JsonRpcMessage } from '../jsonrpc/messages.js';
import type { Transport, TransportDiagnostic } from '../transport.js';

let pairs = 0;

/**
 * One end of an in-memory connection. Messages are copied through JSON, as on a wire, and
 * delivered asynchronously. Create the two ends with `InMemoryTransport.createLinkedPair()`.
 */
export class InMemoryTransport implements Transport {
  onmessage?: ((message: JsonRpcMessage) => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  onclose?: ((reason?: Error) => void) | undefined;
  ondiagnostic?: ((event: TransportDiagnostic) => void) | undefined;
  /** `in-memory#N`, unique per pair, so era caches never mix two in-memory servers. */
  readonly description: string;
  /** Every message this end has sent, in order. */
  readonly sent: JsonRpcMessage[] = [];
  private peer: InMemoryTransport | undefined;
  private closed = false;
  private started = false;
  private readonly queue: JsonRpcMessage[] = [];

  private constructor(description: string) {
    this.description = description;
  }

  /** Two transports connected to each other. */
  static createLinkedPair(): [InMemoryTransport, InMemoryTransport] {
    const name = `in-memory#${++pairs}`;
    const a = new InMemoryTransport(name);
    const b = new InMemoryTransport(name);
    a.peer = b;
    b.peer = a;
    return [a, b];
  }

  async start(): Promise<void> {
    if (this.started) throw new Error('InMemoryTransport already started');
    this.started = true;
    const queued = this.queue.splice(0);
    for (const message of queued) this.onmessage?.(message);
  }

  async send(message: JsonRpcMessage): Promise<void> {
    if (this.closed) throw new ConnectionClosedError('in-memory transport is closed');
    this.sent.push(message);
    const copy = JSON.parse(JSON.stringify(message)) as JsonRpcMessage;
    const peer = this.peer;
    queueMicrotask(() => peer?.deliver(copy));
  }

  async close(): Promise<void> {
    this.end(undefined);
  }

  /** Ends the connection from this side as if it failed, with `reason` on both ends. */
  fail(reason: Error): void {
    this.end(reason);
  }

  private deliver(message: JsonRpcMessage): void {
    if (this.closed) return;
    if (!this.started) this.queue.push(message);
    else this.onmessage?.(message);
  }

  private end(reason: Error | undefined): void {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.(reason);
    this.peer?.end(reason ?? new ConnectionClosedError('the peer closed the connection'));
  }
}
