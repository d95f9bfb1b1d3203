import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, excerpt, readLimited } from './body.js';
import { fromFetchResponse } from './fetch-response.js';
import type { HttpResponse } from './http-response.js';

function streamed(...chunks: string[]): HttpResponse {
  const encoder = new TextEncoder();
  return answer(
    new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
        controller.close();
      },
    }),
  );
}

function answer(...args: ConstructorParameters<typeof Response>): HttpResponse {
  return fromFetchResponse(new Response(...args));
}

describe('readLimited', () => {
  it('reads a body within the limit', async () => {
    expect(await readLimited(streamed('{"a":', '1}'), 100)).toBe('{"a":1}');
  });

  it('refuses a declared length over the limit before reading', async () => {
    const response = answer('x'.repeat(50), { headers: { 'content-length': '50' } });
    await expect(readLimited(response, 10)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('stops reading a streamed body as soon as it passes the limit', async () => {
    await expect(readLimited(streamed('x'.repeat(8), 'x'.repeat(8)), 10)).rejects.toThrow('larger than 10 bytes');
  });
});

describe('excerpt', () => {
  it('collapses whitespace and cuts at the given length', async () => {
    expect(await excerpt(answer('<html>\n  <body>Bad   Gateway</body>\n</html>'))).toBe('<html> <body>Bad Gateway</body> </html>');
    expect(await excerpt(answer('y'.repeat(500)), 10)).toBe(`${'y'.repeat(10)}…`);
  });
});
