import { startAnthropicModelServer, type AnthropicModelServer } from '@mcpx/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { anthropicSamplingHandler, anthropicTools, runAnthropicLoop } from '../src/index.js';
import { anthropicFor, connectEverything, resultText, toolResults } from './helpers.js';

let model: AnthropicModelServer | undefined;
afterEach(async () => {
  await model?.close();
  model = undefined;
});

describe('sampling requests from a server', () => {
  it('are answered by the same model while the loop runs the tool that asked', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'trigger-sampling-request', input: { prompt: 'Name a colour', maxTokens: 50 } }] },
      { content: [{ type: 'text', text: 'Teal' }] },
      { content: [{ type: 'text', text: 'The server got Teal.' }] },
    );
    const anthropic = anthropicFor(model);
    const client = await connectEverything({ sampling: anthropicSamplingHandler({ client: anthropic, model: 'claude-sampler' }) });
    try {
      const tools = await anthropicTools(client);
      const result = await runAnthropicLoop({
        client: anthropic,
        model: 'claude-test',
        messages: [{ role: 'user', content: 'Go' }],
        tools,
      });

      expect(result.text).toBe('The server got Teal.');
      const sampling = model.requests[1]!.params;
      expect(sampling).toMatchObject({
        model: 'claude-sampler',
        max_tokens: 50,
        system: 'You are a helpful test server.',
        temperature: 0.7,
      });
      expect(sampling.messages).toEqual([
        { role: 'user', content: [{ type: 'text', text: 'Resource trigger-sampling-request context: Name a colour' }] },
      ]);
      const [answer] = toolResults(model.requests[2]!);
      expect(answer!.is_error).toBeUndefined();
      expect(resultText(answer!)).toContain('Teal');
    } finally {
      await client.close();
    }
  });
});
