import { buffer } from './node-builtins.js';

const { Buffer } = buffer;

const LF = 0x0a;
const CR = 0x0d;
/** Pieces shorter than this are copied together into one block, so a server writing a byte at a time costs one object per block, not per byte. */
const SMALL_PIECE_BYTES = 1024;
const BLOCK_BYTES = 16 * 1024;

/** Options of a `LineDecoder`. */
export interface LineDecoderOptions {
  /** Longest line accepted, in bytes, not counting its `\n`. */
  maxLineBytes: number;
  /**
   * What a longer line does: `'fail'` stops the decoder (see `failed`) as soon as the limit
   * is passed, even before the line ends; `'truncate'` keeps its first `maxLineBytes` bytes.
   * @default 'fail'
   */
  overflow?: 'fail' | 'truncate';
}

/**
 * Splits a byte stream into lines ending in `\n` (a `\r` before it is dropped), decoding
 * each complete line as UTF-8, so a character split across chunks survives. Empty lines
 * are skipped. Each byte is scanned once and copied at most once: linear in the input.
 */
export class LineDecoder {
  readonly #maxLineBytes: number;
  readonly #truncate: boolean;
  /** Pieces of the unfinished line, joined once when its `\n` arrives. */
  #pieces: Buffer[] = [];
  #pendingBytes = 0;
  /** The block small pieces are being copied into, and how much of it is used. */
  #block: Buffer | undefined;
  #blockUsed = 0;
  /** In truncate mode, the rest of an overlong line is being skipped. */
  #skipping = false;
  #failed = false;

  constructor(options: LineDecoderOptions) {
    this.#maxLineBytes = options.maxLineBytes;
    this.#truncate = options.overflow === 'truncate';
  }

  /** True once a line passed `maxLineBytes` in `'fail'` mode; the decoder then ignores all input. */
  get failed(): boolean {
    return this.#failed;
  }

  /** Bytes held for the unfinished line. */
  get pendingBytes(): number {
    return this.#pendingBytes;
  }

  /** Feeds a chunk and returns the lines it completes, in order. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    while (!this.#failed) {
      const end = chunk.indexOf(LF, start);
      if (end === -1) {
        if (start < chunk.length) this.#add(chunk.subarray(start), false, lines);
        break;
      }
      this.#add(chunk.subarray(start, end), true, lines);
      start = end + 1;
    }
    return lines;
  }

  /** Returns the unfinished line, if any (for the end of the stream), and forgets it. */
  flush(): string | undefined {
    const lines: string[] = [];
    if (!this.#failed && this.#pendingBytes > 0) this.#add(Buffer.alloc(0), true, lines);
    this.#reset();
    this.#skipping = false;
    return lines[0];
  }

  #add(piece: Buffer, ends: boolean, lines: string[]): void {
    if (this.#skipping) {
      if (ends) this.#skipping = false;
      return;
    }
    const total = this.#pendingBytes + piece.length;
    if (total > this.#maxLineBytes) {
      if (this.#truncate) {
        this.#sealBlock();
        this.#pieces.push(piece);
        lines.push(decode(Buffer.concat(this.#pieces, this.#maxLineBytes)));
        this.#skipping = !ends;
      } else {
        this.#failed = true;
      }
      this.#reset();
      return;
    }
    if (!ends) {
      this.#keep(piece);
      this.#pendingBytes = total;
      return;
    }
    this.#sealBlock();
    const bytes = this.#pieces.length === 0 ? piece : Buffer.concat([...this.#pieces, piece], total);
    this.#reset();
    const line = decode(bytes);
    if (line !== '') lines.push(line);
  }

  #keep(piece: Buffer): void {
    if (piece.length >= SMALL_PIECE_BYTES) {
      this.#sealBlock();
      this.#pieces.push(piece);
      return;
    }
    if (this.#block === undefined || this.#blockUsed + piece.length > this.#block.length) {
      this.#sealBlock();
      this.#block = Buffer.allocUnsafe(BLOCK_BYTES);
    }
    this.#blockUsed += piece.copy(this.#block, this.#blockUsed);
  }

  #sealBlock(): void {
    if (this.#block !== undefined && this.#blockUsed > 0) this.#pieces.push(this.#block.subarray(0, this.#blockUsed));
    this.#block = undefined;
    this.#blockUsed = 0;
  }

  #reset(): void {
    this.#pieces = [];
    this.#pendingBytes = 0;
    this.#block = undefined;
    this.#blockUsed = 0;
  }
}

function decode(bytes: Buffer): string {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
  return bytes.toString('utf8', 0, end);
}
