// A tool-using agent over a config file's servers: an OpenAI model answers with the fleet's read-only tools.
// The SDK reads OPENAI_API_KEY and OPENAI_BASE_URL (the tests point it at a loopback model).
import OpenAI from 'openai';
import { openaiTools, runOpenAIResponsesLoop } from '@mcpx/ai/openai';
import { createRegistry } from '@mcpx/factory';

const registry = await createRegistry(`${import.meta.dirname}/mcp_servers.json`);
const tools = await openaiTools(registry, { select: { readOnly: true } });
const { text } = await runOpenAIResponsesLoop({
  client: new OpenAI(),
  model: process.env.OPENAI_MODEL ?? 'gpt-5',
  input: process.argv[2] ?? 'What is 19 + 23?',
  tools,
  onEvent: (e) => e.type === 'tool-end' && console.log(`[${e.call.tool.server}] ${e.call.tool.originalName} ${e.durationMs.toFixed(0)} ms`),
});
console.log(text);
await registry.close();
