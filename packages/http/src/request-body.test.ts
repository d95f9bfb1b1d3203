import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Agent, MockAgent, Pool } from 'undici';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { keptRequestBody, LastLargeBody, requestBody } from './request-body.js';

const KiB = 1024;
const agent = new Agent();
const pool = new Pool('http://127.0.0.1:1');

afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await Promise.all([agent.close(), pool.close()]);
});

describe('requestBody', () => {
  it('leaves a short text to undici, and no text as no body', () => {
    const text = 'x'.repeat(64 * KiB - 1);
    expect(requestBody(text, agent)).toBe(text);
    expect(requestBody('', agent)).toBe('');
    expect(requestBody(undefined, agent)).toBeNull();
  });

  it('encodes a text of 64 Ki characters or more as UTF-8, as undici would (a lone surrogate replaced), and keeps the last one', () => {
    const text = `${'é€𝄞'.repeat(16 * KiB)}\uD800`;
    const bytes = requestBody(text, agent) as Buffer;
    expect(Buffer.isBuffer(bytes)).toBe(true);
    expect(bytes.equals(Buffer.from(text))).toBe(true);
    expect(keptRequestBody()).toBe(bytes);

    const next = requestBody('a'.repeat(64 * KiB), pool) as Buffer;
    expect(next.toString('latin1')).toBe('a'.repeat(64 * KiB));
    expect(keptRequestBody()).toBe(next);
    // Never reused: the body sent before is another buffer, as it was.
    expect(next).not.toBe(bytes);
    expect(bytes.equals(Buffer.from(text))).toBe(true);
  });

  it('keeps the last large body while short ones and one over 8 MiB go by', () => {
    const kept = requestBody('k'.repeat(100 * KiB), agent);
    requestBody('short', agent);
    expect(keptRequestBody()).toBe(kept);
    const huge = requestBody('h'.repeat(8 * KiB * KiB + 1), agent) as Buffer;
    expect(huge.length).toBe(8 * KiB * KiB + 1);
    expect(keptRequestBody()).toBe(kept);
    // The boundary: 8 MiB exactly is kept.
    const largest = requestBody('m'.repeat(8 * KiB * KiB), agent);
    expect(keptRequestBody()).toBe(largest);
  });

  it('gives the text itself to a dispatcher that is not one of undici’s own kinds as made (a subclass, even named Agent)', () => {
    const text = 'y'.repeat(100 * KiB);
    const before = keptRequestBody();
    expect(requestBody(text, new MockAgent())).toBe(text);
    expect(
      requestBody(
        text,
        agent.compose((dispatch) => dispatch),
      ),
    ).toBe(text);
    class Agent2 extends Agent {}
    Object.defineProperty(Agent2, 'name', { value: 'Agent' });
    expect(requestBody(text, new Agent2())).toBe(text);
    const bare = Object.assign(Object.create(null) as object, { dispatch: () => true }) as unknown as Agent;
    expect(requestBody(text, bare)).toBe(text);
    const orphan = Object.assign(Object.create(Object.create(null) as object) as object, { dispatch: () => true }) as unknown as Agent;
    expect(requestBody(text, orphan)).toBe(text);
    expect(keptRequestBody()).toBe(before);
  });
});

describe('LastLargeBody', () => {
  it('lets go of the body once no other came for its time, and keeps the next one afresh', () => {
    vi.useFakeTimers();
    const kept = new LastLargeBody(10_000);
    const first = Buffer.from('first');
    kept.hold(first);
    vi.advanceTimersByTime(9_000);
    expect(kept.body).toBe(first);
    // Another body restarts the wait.
    const second = Buffer.from('second');
    kept.hold(second);
    vi.advanceTimersByTime(9_000);
    expect(kept.body).toBe(second);
    vi.advanceTimersByTime(1_000);
    expect(kept.body).toBeUndefined();

    const third = Buffer.from('third');
    kept.hold(third);
    vi.advanceTimersByTime(9_999);
    expect(kept.body).toBe(third);
    vi.advanceTimersByTime(1);
    expect(kept.body).toBeUndefined();
  });
});

describe('the timer that lets go of the body', () => {
  it('keeps no process alive', () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const before = timers();
    const kept = new LastLargeBody(10_000);
    kept.hold(Buffer.from('body'));
    kept.hold(Buffer.from('another'));
    expect(timers()).toBe(before);
  });

  it('is made afresh for each body, so one made under a fake clock since removed does not keep the next forever', async () => {
    const kept = new LastLargeBody(20);
    vi.useFakeTimers();
    kept.hold(Buffer.from('under the fake clock'));
    vi.useRealTimers();
    const next = Buffer.from('under the real clock');
    kept.hold(next);
    expect(kept.body).toBe(next);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(kept.body).toBeUndefined();
  });
});

describe('the built package', () => {
  it('still keeps the body (a bundler drops a write that nothing reads)', () => {
    const dist = fileURLToPath(new URL('../dist/', import.meta.url));
    expect(existsSync(dist), 'run the build first: pnpm --filter @mcpx/http build').toBe(true);
    const built = readdirSync(dist)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(dist + file, 'utf8'))
      .find((source) => source.includes('function requestBody('));
    expect(built, 'no built file holds requestBody: run pnpm --filter @mcpx/http build').toBeDefined();
    expect(built).toMatch(/function requestBody\([^)]*\) \{[^}]*\.hold\(bytes\);/);
    expect(built).toMatch(/hold\(body\) \{\s*this\.#body = body;/);
  });
});
