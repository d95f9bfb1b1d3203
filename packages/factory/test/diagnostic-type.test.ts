import { describe, expect, expectTypeOf, it } from 'vitest';
import type { FactoryDiagnostic } from '../src/index.js';

describe('FactoryDiagnostic', () => {
  it("keeps server a string for a server's diagnostics, so listeners written for them still compile", () => {
    const names: string[] = [];
    const listener = (event: FactoryDiagnostic): void => {
      if (event.type !== 'store-fallback') names.push(event.server.toUpperCase());
    };
    listener({ server: 'docs', type: 'sse-fallback', message: 'trying SSE' });
    listener({ type: 'store-fallback', message: 'in memory' });
    expect(names).toEqual(['DOCS']);
    expectTypeOf<Exclude<FactoryDiagnostic, { type: 'store-fallback' }>['server']>().toEqualTypeOf<string>();
    expectTypeOf<Extract<FactoryDiagnostic, { type: 'store-fallback' }>['server']>().toEqualTypeOf<undefined>();
  });
});
