import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { keptRequestBody, requestBody } from './request-body.js';

const KiB = 1024;

describe('requestBody', () => {
  it('leaves a short text to undici, and no text as no body', () => {
    const text = 'x'.repeat(64 * KiB - 1);
    expect(requestBody(text)).toBe(text);
    expect(requestBody('')).toBe('');
    expect(requestBody(undefined)).toBeNull();
  });

  it('encodes a text of 64 KiB or more as UTF-8, as undici would (a lone surrogate replaced), and keeps the last one', () => {
    const text = `${'é€𝄞'.repeat(16 * KiB)}\uD800`;
    const bytes = requestBody(text);
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect((bytes as Buffer).equals(Buffer.from(text))).toBe(true);
    expect(keptRequestBody()).toBe(bytes);

    const next = requestBody('a'.repeat(64 * KiB));
    expect((next as Buffer).toString('latin1')).toBe('a'.repeat(64 * KiB));
    expect(keptRequestBody()).toBe(next);
  });

  it('keeps the last large body while short ones and one over 8 MiB go by', () => {
    const kept = requestBody('k'.repeat(100 * KiB));
    requestBody('short');
    expect(keptRequestBody()).toBe(kept);
    const huge = requestBody('h'.repeat(8 * KiB * KiB + 1));
    expect((huge as Buffer).length).toBe(8 * KiB * KiB + 1);
    expect(keptRequestBody()).toBe(kept);
    // The boundary: 8 MiB exactly is kept.
    const largest = requestBody('m'.repeat(8 * KiB * KiB));
    expect(keptRequestBody()).toBe(largest);
  });
});

describe('the built package', () => {
  it('still keeps the body (a bundler drops a write that nothing reads)', () => {
    const dist = fileURLToPath(new URL('../dist/', import.meta.url));
    const built = readdirSync(dist)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(dist + file, 'utf8'))
      .find((source) => source.includes('// src/request-body.ts'));
    expect(built, 'run the build first: pnpm --filter @mcpx/http build').toBeDefined();
    expect(built).toMatch(/function requestBody\([^)]*\) \{[^}]*\.hold\(bytes\);/);
  });
});
