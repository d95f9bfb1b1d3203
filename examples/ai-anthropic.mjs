// A tool-using agent over a config file's servers: Claude answers with the fleet's read-only tools.
// The SDK reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL (the tests point it at a loopback model).
import Anthropic from '@anthropic-ai/sdk';
import { anthropicTools, runAnthropicLoop } from '@mcpx/ai/anthropic';
import { createRegistry } from '@mcpx/factory';

const registry = await createRegistry(`${import.meta.dirname}/mcp_servers.json`);
const tools = await anthropicTools(registry, { select: { readOnly: true } });
const { text } = await runAnthropicLoop({
  client: new Anthropic(),
  model: process.env.ANTHROPIC_MODEL ?? 'claude-sonnet-4-5',
  messages: [{ role: 'user', content: process.argv[2] ?? 'What is 19 + 23?' }],
  tools,
  onEvent: (e) => e.type === 'tool-end' && console.log(`[${e.call.tool.server}] ${e.call.tool.originalName} ${e.durationMs.toFixed(0)} ms`),
});
console.log(text);
await registry.close();
