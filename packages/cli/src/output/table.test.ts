import { describe, expect, it } from 'vitest';
import { createStyle, stripAnsi, useColor } from './style.js';
import { renderTable } from './table.js';

describe('renderTable', () => {
  const plain = createStyle(false);

  it('aligns columns two spaces apart, numbers to the right', () => {
    const text = renderTable(
      [{ header: 'NAME' }, { header: 'N', right: true }, { header: 'NOTE' }],
      [
        ['a', '1', 'x'],
        ['long-name', '100', ''],
      ],
      plain,
    );
    expect(text).toBe('NAME         N  NOTE\na            1  x\nlong-name  100\n');
  });

  it('cuts the flexible column to the width, and measures coloured text by what shows', () => {
    const colour = createStyle(true);
    const text = renderTable(
      [{ header: 'NAME' }, { header: 'DESCRIPTION', flexible: true }],
      [[colour.bold('tool'), 'a rather long description that will not fit']],
      colour,
      30,
    );
    const lines = stripAnsi(text).trimEnd().split('\n');
    expect(lines[1]).toBe('tool  a rather long descripti…');
    expect(lines.every((line) => line.length <= 30)).toBe(true);
  });
});

describe('useColor', () => {
  it('is on only for a terminal, and never with NO_COLOR, TERM=dumb or --no-color', () => {
    const tty = { write: () => true, isTTY: true };
    expect(useColor(tty, {}, undefined)).toBe(true);
    expect(useColor({ write: () => true }, {}, undefined)).toBe(false);
    expect(useColor(tty, { NO_COLOR: '1' }, undefined)).toBe(false);
    expect(useColor(tty, { NO_COLOR: '' }, undefined)).toBe(true);
    expect(useColor(tty, { TERM: 'dumb' }, undefined)).toBe(false);
    expect(useColor(tty, {}, false)).toBe(false);
  });
});
