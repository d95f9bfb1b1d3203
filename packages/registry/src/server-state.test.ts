import { describe, expect, it } from 'vitest';
import { SERVER_STATES, TRANSITIONS } from './server-state.js';

describe('the transition table of server states', () => {
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
