import { describe, expect, it } from 'vitest';
import { endStateOf, ServerLifecycle } from './server-lifecycle.js';
import { SERVER_STATES, type StateChange } from './server-state.js';

function lifecycle(enabled = true): { lifecycle: ServerLifecycle; changes: StateChange[] } {
  const changes: StateChange[] = [];
  let now = 100;
  return {
    lifecycle: new ServerLifecycle(
      'alpha',
      enabled,
      (change) => changes.push(change),
      () => now++,
    ),
    changes,
  };
}

describe('a server lifecycle', () => {
  it('starts disconnected and open when enabled, disabled when not', () => {
    const { lifecycle: on } = lifecycle();
    const { lifecycle: off } = lifecycle(false);
    expect([on.state, on.stage, on.enabled, on.mayConnect, on.atRest]).toEqual(['disconnected', 'open', true, true, true]);
    expect([off.state, off.stage, off.enabled, off.mayConnect, off.atRest]).toEqual(['disabled', 'open', false, false, false]);
  });

  it('reports every move with the server, both states, the reason, the error and the time', () => {
    const { lifecycle: l, changes } = lifecycle();
    const lost = new Error('pipe closed');
    l.moveTo('connecting', 'connection requested');
    l.moveTo('connected', 'connected in 3 ms');
    l.moveTo('reconnecting', 'connection lost', lost);
    expect(l.state).toBe('reconnecting');
    expect(changes).toEqual([
      { server: 'alpha', from: 'disconnected', to: 'connecting', reason: 'connection requested', error: undefined, at: 100 },
      { server: 'alpha', from: 'connecting', to: 'connected', reason: 'connected in 3 ms', error: undefined, at: 101 },
      { server: 'alpha', from: 'connected', to: 'reconnecting', reason: 'connection lost', error: lost, at: 102 },
    ]);
  });

  it('reports nothing when the state does not change', () => {
    const { lifecycle: l, changes } = lifecycle();
    l.moveTo('disconnected', 'again');
    expect(changes).toEqual([]);
  });

  it('refuses a move the table forbids, naming both states', () => {
    const { lifecycle: l, changes } = lifecycle(false);
    expect(() => l.moveTo('connected', 'shortcut')).toThrow(/"alpha" cannot move from disabled to connected/);
    expect(l.state).toBe('disabled');
    expect(changes).toEqual([]);
  });

  it('is enabled in every state but disabled', () => {
    const { lifecycle: l } = lifecycle();
    l.moveTo('connecting', 'connection requested');
    expect(l.enabled).toBe(true);
    l.moveTo('disabled', 'disabled');
    expect(l.enabled).toBe(false);
    l.moveTo('connecting', 'enabled');
    expect(l.enabled).toBe(true);
  });

  it('moves an up server between connected and degraded, and leaves a server that is not up alone', () => {
    const { lifecycle: l, changes } = lifecycle();
    l.settleUp(true, 'health check failed');
    expect(l.state).toBe('disconnected');
    l.moveTo('connecting', 'connection requested');
    l.moveTo('connected', 'connected in 3 ms');
    const slow = new Error('slow');
    l.settleUp(true, 'health check failed', slow);
    l.settleUp(true, 'health check failed again', slow);
    l.settleUp(false, 'health check passed');
    expect(changes.slice(2).map((change) => [change.from, change.to, change.reason, change.error])).toEqual([
      ['connected', 'degraded', 'health check failed', slow],
      ['degraded', 'connected', 'health check passed', undefined],
    ]);
  });

  it('starts no connection attempt once closing, but still lets a connection drop or degrade', () => {
    const { lifecycle: l } = lifecycle();
    l.moveTo('connecting', 'connection requested');
    l.moveTo('connected', 'connected in 3 ms');
    l.startClosing();
    expect([l.stage, l.mayConnect]).toEqual(['closing', false]);
    l.moveTo('degraded', 'circuit breaker open');
    l.moveTo('disconnected', 'connection lost; not reconnecting while the registry closes');
    expect(() => l.moveTo('connecting', 'connection requested')).toThrow(
      /"alpha" cannot move from disconnected to connecting once closing/,
    );
    expect(l.state).toBe('disconnected');
  });

  it('ends disconnected, reporting the move, and never moves again', () => {
    const { lifecycle: l, changes } = lifecycle();
    l.moveTo('connecting', 'connection requested');
    l.moveTo('connected', 'connected in 3 ms');
    l.end('registry closed');
    expect([l.state, l.stage]).toEqual(['disconnected', 'ended']);
    expect(changes.at(-1)).toMatchObject({ from: 'connected', to: 'disconnected', reason: 'registry closed' });
    expect(() => l.moveTo('connecting', 'connection requested')).toThrow(/once ended/);
    expect(() => l.end('registry closed')).toThrow(/"alpha" ended twice/);
    l.startClosing();
    expect(l.stage).toBe('ended');
  });

  it('ends in failed, needs-login or disabled to tell how it ended, and disconnected from any other state', () => {
    expect(Object.fromEntries(SERVER_STATES.map((state) => [state, endStateOf(state)]))).toEqual({
      disconnected: 'disconnected',
      connecting: 'disconnected',
      connected: 'disconnected',
      degraded: 'disconnected',
      reconnecting: 'disconnected',
      failed: 'failed',
      'needs-login': 'needs-login',
      disabled: 'disabled',
    });
    const { lifecycle: l, changes } = lifecycle(false);
    l.end('registry closed');
    expect([l.state, l.stage, changes]).toEqual(['disabled', 'ended', []]);
  });
});
