/** A stream as far as output cares: where to write, whether it is a terminal, how wide. */
export interface OutputStream {
  write(chunk: string | Uint8Array): unknown;
  readonly isTTY?: boolean | undefined;
  readonly columns?: number | undefined;
}

/** Text styles; each returns the text unchanged when colours are off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const CODES = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] } as const;

/**
 * Colours only on a terminal, never with `NO_COLOR` set to anything but the empty string
 * (https://no-color.org), never with `TERM=dumb` or `--no-color`.
 */
export function useColor(stream: OutputStream, env: Readonly<Record<string, string | undefined>>, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

/** The styles, with colours on or off. */
export function createStyle(enabled: boolean): Style {
  const wrap =
    (name: keyof typeof CODES) =>
    (text: string): string =>
      enabled && text !== '' ? `\u001b[${CODES[name][0]}m${text}\u001b[${CODES[name][1]}m` : text;
  return {
    enabled,
    bold: wrap('bold'),
    dim: wrap('dim'),
    red: wrap('red'),
    green: wrap('green'),
    yellow: wrap('yellow'),
    cyan: wrap('cyan'),
  };
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;

/** The text without colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

/** How many columns the text takes on screen (colour codes take none). */
export function visibleWidth(text: string): number {
  return [...stripAnsi(text)].length;
}

/** The text cut to `width` columns with an ellipsis; colour codes are dropped when it is cut. */
export function truncate(text: string, width: number): string {
  if (visibleWidth(text) <= width) return text;
  if (width <= 1) return '…'.slice(0, width);
  return `${[...stripAnsi(text)].slice(0, width - 1).join('')}…`;
}
