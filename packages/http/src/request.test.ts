import { describe, expect, it } from 'vitest';
import * as request from './request.js';

describe('the @mcpx/http/request entry', () => {
  it('exports the request layer and what a transport needs to drive it, nothing more', () => {
    expect(Object.keys(request).sort()).toEqual(['Exchange', 'HttpClient', 'Utf8Chunks', 'discard', 'isNetworkFailure', 'isOk']);
  });
});
