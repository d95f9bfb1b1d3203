import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Heartbeat } from './heartbeat.js';

class FakeSocket extends EventEmitter {
  pings = 0;
  ping(): void {
    this.pings++;
  }
}

describe('Heartbeat', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function start(socket: FakeSocket): { heartbeat: Heartbeat; missed: () => number } {
    let missed = 0;
    const heartbeat = new Heartbeat(socket, { intervalMs: 1000, pongTimeoutMs: 300, onMissedPong: () => missed++ });
    heartbeat.start();
    return { heartbeat, missed: () => missed };
  }

  it('pings after each interval while pongs come back', () => {
    const socket = new FakeSocket();
    const { missed } = start(socket);
    expect(socket.pings).toBe(0);
    for (let round = 1; round <= 3; round++) {
      vi.advanceTimersByTime(1000);
      expect(socket.pings).toBe(round);
      vi.advanceTimersByTime(299);
      socket.emit('pong');
    }
    vi.advanceTimersByTime(999);
    expect(socket.pings).toBe(3);
    expect(missed()).toBe(0);
  });

  it('reports a pong that does not come in time, once, and stops pinging', () => {
    const socket = new FakeSocket();
    const { missed } = start(socket);
    vi.advanceTimersByTime(1000 + 300);
    expect(missed()).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(missed()).toBe(1);
    expect(socket.pings).toBe(1);
    expect(socket.listenerCount('pong')).toBe(0);
  });

  it('does nothing after stop(), even when a pong was pending', () => {
    const socket = new FakeSocket();
    const { heartbeat, missed } = start(socket);
    vi.advanceTimersByTime(1000);
    heartbeat.stop();
    socket.emit('pong');
    vi.advanceTimersByTime(10_000);
    expect(missed()).toBe(0);
    expect(socket.pings).toBe(1);
  });

  it('does not keep the process alive', () => {
    const socket = new FakeSocket();
    const spy = vi.spyOn(globalThis, 'setTimeout');
    start(socket);
    const timer = spy.mock.results[0]?.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    spy.mockRestore();
  });
});
