import type { McpClient } from '@mcpx/core';
import { startAnthropicModelServer } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anthropicTools, runAnthropicLoop, type AnthropicToolSet } from '../src/anthropic.js';
import { ModelRequestError } from '../src/index.js';
import { anthropicFor, connectEverything, startDroppingServer } from './helpers.js';

let client: McpClient;
let tools: AnthropicToolSet;

beforeAll(async () => {
  client = await connectEverything();
  tools = await anthropicTools(client);
});
afterAll(() => client.close());

describe('a model that cannot be reached', () => {
  it('fails with a retryable ModelRequestError naming the base URL', async () => {
    const dropping = await startDroppingServer();
    try {
      const error: unknown = await runAnthropicLoop({
        client: anthropicFor({ baseURL: dropping.origin }, { maxRetries: 0 }),
        model: 'claude-test',
        messages: [{ role: 'user', content: 'Hi' }],
        tools,
      }).catch((caught: unknown) => caught);
      expect(ModelRequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: undefined, isRetryable: true });
      expect((error as Error).message).toContain(`could not reach ${dropping.origin}`);
      expect((error as Error).message).not.toContain('API key');
    } finally {
      await dropping.close();
    }
  });
});

describe('a large maxTokens without streaming', () => {
  it('fails with advice to stream, which the SDK requires for it', async () => {
    const model = await startAnthropicModelServer();
    try {
      const error: unknown = await runAnthropicLoop({
        client: anthropicFor(model),
        model: 'claude-test',
        messages: [{ role: 'user', content: 'Hi' }],
        tools,
        stream: false,
        maxTokens: 64_000,
      }).catch((caught: unknown) => caught);
      expect((error as Error).message).toContain('leave stream on (the default) or lower maxTokens');
      expect(model.requests).toHaveLength(0);
    } finally {
      await model.close();
    }
  });
});
