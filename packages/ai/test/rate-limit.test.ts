import type { McpClient } from '@mcpx/core';
import { startAnthropicModelServer, type AnthropicModelServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anthropicTools, runAnthropicLoop, type AnthropicToolSet } from '../src/anthropic.js';
import { ModelRequestError } from '../src/index.js';
import { anthropicFor, connectEverything } from './helpers.js';

let client: McpClient;
let tools: AnthropicToolSet;
let model: AnthropicModelServer | undefined;

beforeAll(async () => {
  client = await connectEverything();
  tools = await anthropicTools(client);
});
afterAll(() => client.close());
afterEach(async () => {
  await model?.close();
  model = undefined;
});

const rateLimited = {
  status: 429,
  headers: { 'retry-after': '1' },
  errorType: 'rate_limit_error',
  message: 'Number of requests has exceeded your rate limit',
};

describe('a rate-limited model', () => {
  it('is retried by the SDK after retry-after, and the loop goes on', async () => {
    model = await startAnthropicModelServer(rateLimited, { content: [{ type: 'text', text: 'Answered after the wait.' }] });
    const started = performance.now();
    const result = await runAnthropicLoop({
      client: anthropicFor(model),
      model: 'claude-test',
      messages: [{ role: 'user', content: 'Hi' }],
      tools,
    });
    expect(result.text).toBe('Answered after the wait.');
    expect(model.requests).toHaveLength(2);
    // The SDK waited as retry-after asked (one second), not its own shorter backoff.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('fails with a ModelRequestError naming the rate limit when the SDK may not retry', async () => {
    model = await startAnthropicModelServer(rateLimited);
    const error: unknown = await runAnthropicLoop({
      client: anthropicFor(model, { maxRetries: 0 }),
      model: 'claude-test',
      messages: [{ role: 'user', content: 'Hi' }],
      tools,
    }).catch((caught: unknown) => caught);
    expect(ModelRequestError.isInstance(error)).toBe(true);
    const failure = error as ModelRequestError;
    expect(failure).toMatchObject({ status: 429, step: 1, isRetryable: true, provider: 'Anthropic' });
    expect(failure.message).toContain('Anthropic model "claude-test", step 1');
    expect(failure.message).toContain('rate limit');
    expect(failure.message).toContain('maxRetries');
    expect(model.requests).toHaveLength(1);
  });
});
