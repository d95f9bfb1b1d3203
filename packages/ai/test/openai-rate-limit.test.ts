import type { McpClient } from '@mcpx/core';
import { startOpenAIModelServer, type OpenAIModelServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ModelRequestError } from '../src/index.js';
import { openaiTools, runOpenAIChatLoop, runOpenAIResponsesLoop, type OpenAIToolSet } from '../src/openai.js';
import { connectEverything, startDroppingServer } from './helpers.js';
import { openaiFor } from './openai-helpers.js';

let client: McpClient;
let tools: OpenAIToolSet;
let model: OpenAIModelServer | undefined;

beforeAll(async () => {
  client = await connectEverything();
  tools = await openaiTools(client);
});
afterAll(() => client.close());
afterEach(async () => {
  await model?.close();
  model = undefined;
});

const rateLimited = {
  status: 429,
  headers: { 'retry-after': '1' },
  errorType: 'requests',
  code: 'rate_limit_exceeded',
  message: 'Rate limit reached for gpt-test on requests per min (RPM): Limit 3, Used 3, Requested 1.',
};

describe('a rate-limited OpenAI model', () => {
  it('is retried by the SDK after retry-after, and the loop goes on', async () => {
    model = await startOpenAIModelServer(rateLimited, { text: 'Answered after the wait.' });
    const started = performance.now();
    const result = await runOpenAIChatLoop({
      client: openaiFor(model),
      model: 'gpt-test',
      messages: [{ role: 'user', content: 'Hi' }],
      tools,
    });
    expect(result.text).toBe('Answered after the wait.');
    expect(model.requests).toHaveLength(2);
    // The SDK waited as retry-after asked (one second), not its own shorter backoff.
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('fails with a retryable ModelRequestError naming the rate limit once the SDK may not retry', async () => {
    model = await startOpenAIModelServer(rateLimited);
    const error: unknown = await runOpenAIResponsesLoop({
      client: openaiFor(model, { maxRetries: 0 }),
      model: 'gpt-test',
      input: 'Hi',
      tools,
    }).catch((caught: unknown) => caught);
    expect(ModelRequestError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 429, step: 1, isRetryable: true, provider: 'OpenAI' });
    expect((error as Error).message).toContain('OpenAI model "gpt-test", step 1');
    expect((error as Error).message).toContain('Rate limit reached');
    expect((error as Error).message).toContain('maxRetries');
    expect(model.requests).toHaveLength(1);
  });
});

describe('an OpenAI model that cannot be reached', () => {
  it('fails with a retryable ModelRequestError naming the base URL', async () => {
    const dropping = await startDroppingServer();
    const baseURL = `${dropping.origin}/v1`;
    try {
      const error: unknown = await runOpenAIChatLoop({
        client: openaiFor({ baseURL }, { maxRetries: 0 }),
        model: 'gpt-test',
        messages: [{ role: 'user', content: 'Hi' }],
        tools,
      }).catch((caught: unknown) => caught);
      expect(ModelRequestError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ status: undefined, isRetryable: true });
      expect((error as Error).message).toContain(`could not reach ${baseURL}`);
    } finally {
      await dropping.close();
    }
  });
});
