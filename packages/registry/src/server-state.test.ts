import { describe, expect, it } from 'vitest';
import { SERVER_STATES, StateMachine, TRANSITIONS, type StateChange } from './server-state.js';

function machine(initial: 'disconnected' | 'disabled' = 'disconnected'): { machine: StateMachine; changes: StateChange[] } {
  const changes: StateChange[] = [];
  let now = 100;
  return { machine: new StateMachine('alpha', initial, (change) => changes.push(change), () => now++), changes };
}

describe('a server state machine', () => {
  it('reports every move with the server, both states, the reason, the error and the time', () => {
    const { machine: m, changes } = machine();
    const lost = new Error('pipe closed');
    m.moveTo('connecting', 'connection requested');
    m.moveTo('connected', 'connected in 3 ms');
    m.moveTo('reconnecting', 'connection lost', lost);
    expect(m.state).toBe('reconnecting');
    expect(changes).toEqual([
      { server: 'alpha', from: 'disconnected', to: 'connecting', reason: 'connection requested', error: undefined, at: 100 },
      { server: 'alpha', from: 'connecting', to: 'connected', reason: 'connected in 3 ms', error: undefined, at: 101 },
      { server: 'alpha', from: 'connected', to: 'reconnecting', reason: 'connection lost', error: lost, at: 102 },
    ]);
  });

  it('reports nothing when the state does not change', () => {
    const { machine: m, changes } = machine();
    m.moveTo('disconnected', 'again');
    expect(changes).toEqual([]);
  });

  it('refuses a move the table forbids, naming both states', () => {
    const { machine: m, changes } = machine('disabled');
    expect(() => m.moveTo('connected', 'shortcut')).toThrow(/"alpha" cannot move from disabled to connected/);
    expect(m.state).toBe('disabled');
    expect(changes).toEqual([]);
  });

  it('lets a degraded server recover, and a failed or disabled one start connecting again', () => {
    expect(TRANSITIONS.degraded).toContain('connected');
    expect(TRANSITIONS.failed).toContain('connecting');
    expect(TRANSITIONS.disabled).toContain('connecting');
  });

  it('lets every state be disabled except disabled itself, and never moves to a state it does not know', () => {
    for (const state of SERVER_STATES) {
      if (state !== 'disabled') expect(TRANSITIONS[state]).toContain('disabled');
      for (const to of TRANSITIONS[state]) expect(SERVER_STATES).toContain(to);
      expect(TRANSITIONS[state]).not.toContain(state);
    }
  });
});
