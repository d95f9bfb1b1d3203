import { describe, expect, it } from 'vitest';
import { createStyle } from '../output/style.js';
import { renderProgress } from './progress-bar.js';

describe('renderProgress', () => {
  const style = createStyle(false);

  it('fills the bar in proportion to progress over total, with the message', () => {
    expect(renderProgress('s/t', { progress: 3, total: 4, message: 'copying' }, 1500, 0, style)).toBe(
      '⠋ s/t  ██████████████████░░░░░░ 3/4  75%  copying  1.5 s',
    );
  });

  it('counts when the total is unknown, and spins before any progress', () => {
    expect(renderProgress('s/t', { progress: 7 }, 250, 1, style)).toBe('⠙ s/t  7 done  250 ms');
    expect(renderProgress('s/t', undefined, 50, 2, style)).toBe('⠹ s/t  50 ms');
  });
});
