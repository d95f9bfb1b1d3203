import { readFileSync } from 'node:fs';
import { publicExports } from '@mcpx/test-utils';
import { describe, expect, it } from 'vitest';
import * as entry from './index.js';

// The public API of @mcpx/grpc: a name added to or taken from the index must be added to or taken
// from these lists too, so that growing the API is a decision made in review.
const VALUES = ['GrpcTransport'];

const TYPES = ['GrpcReconnectOptions', 'GrpcTlsOptions', 'GrpcTransportOptions', 'PemInput'];

describe('the public API of @mcpx/grpc', () => {
  it('exports exactly the listed values', () => {
    expect(Object.keys(entry).sort()).toEqual(VALUES);
  });

  it('exports exactly the listed types', () => {
    expect(publicExports(readFileSync(new URL('./index.ts', import.meta.url), 'utf8')).types).toEqual(TYPES);
  });
});
