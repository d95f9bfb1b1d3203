import { truncate, visibleWidth, type Style } from './style.js';

/** A column of a table. */
export interface Column {
  readonly header: string;
  /** Right-aligned (numbers). @default false */
  readonly right?: boolean;
  /** This column gives up width first when the table is wider than the terminal. @default false */
  readonly flexible?: boolean;
}

/**
 * Rows aligned in columns under a dim header, two spaces apart. With `width` (a terminal's), the
 * flexible column is cut so that each line fits.
 */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: Style, width?: number): string {
  const widths = columns.map((column, index) =>
    Math.max(visibleWidth(column.header), ...rows.map((row) => visibleWidth(row[index] ?? ''))),
  );
  const flexible = columns.findIndex((column) => column.flexible);
  if (width !== undefined && flexible !== -1) {
    const total = widths.reduce((sum, w) => sum + w, 0) + 2 * (columns.length - 1);
    if (total > width) widths[flexible] = Math.max(visibleWidth(columns[flexible]!.header), widths[flexible]! - (total - width), 8);
  }
  const line = (cells: readonly string[], header: boolean): string =>
    columns
      .map((column, index) => {
        const cell = truncate(cells[index] ?? '', widths[index]!);
        const pad = ' '.repeat(Math.max(0, widths[index]! - visibleWidth(cell)));
        const text = column.right ? pad + cell : index === columns.length - 1 ? cell : cell + pad;
        return header ? style.dim(text) : text;
      })
      .join('  ')
      .trimEnd();
  return (
    [
      line(
        columns.map((column) => column.header),
        true,
      ),
      ...rows.map((row) => line(row, false)),
    ].join('\n') + '\n'
  );
}
