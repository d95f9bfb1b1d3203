import type { JsonRpcMessage } from './jsonrpc/messages.js';
import type { Transport, TransportDiagnostic } from './transport.js';

/**
 * Calls a transport's callbacks for it, guarded: an exception thrown by a callback goes to
 * `onerror`, or, when nobody listens there, is rethrown asynchronously, as it would be
 * without the transport in between. Every transport of ours uses it.
 */
export class TransportCallbacks {
  constructor(private readonly transport: Transport) {}

  /** Delivers a received message to `onmessage`. */
  message(message: JsonRpcMessage): void {
    try {
      this.transport.onmessage?.(message);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Reports a failure that does not close the connection to `onerror`. */
  error(error: unknown): void {
    this.transport.onerror?.(error instanceof Error ? error : new Error(String(error)));
  }

  /** Tells `ondiagnostic`. */
  diagnostic(event: TransportDiagnostic): void {
    try {
      this.transport.ondiagnostic?.(event);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Tells `onclose`, with the reason when the connection was not closed on purpose. */
  close(reason?: Error): void {
    try {
      this.transport.onclose?.(reason);
    } catch (error) {
      this.fail(error);
    }
  }

  /** An exception thrown by one of the callbacks: to `onerror`, else left uncaught. */
  fail(error: unknown): void {
    if (this.transport.onerror) {
      this.error(error);
      return;
    }
    queueMicrotask(() => {
      throw error;
    });
  }
}
