import { describe, expect, it } from 'vitest';
import { newDpopKey, restoreDpopKey, saveDpopKey } from './dpop.js';

describe('a DPoP key restored from a stored login', () => {
  it.each(['ES256', 'RS256', 'EdDSA'])('can be saved again with the next tokens (%s)', async (alg) => {
    const saved = await saveDpopKey(await newDpopKey(alg));
    const restored = await restoreDpopKey(saved);
    if (restored === undefined) throw new Error('the saved key could not be restored');
    expect(await saveDpopKey(restored)).toEqual(saved);
  });

  it('keeps only the public part in the key sent with proofs', async () => {
    const restored = await restoreDpopKey(await saveDpopKey(await newDpopKey('ES256')));
    expect(restored?.publicJwk).not.toHaveProperty('d');
  });
});
