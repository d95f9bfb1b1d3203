// A tool-using agent over a config file's servers with the Vercel AI SDK: any AI SDK model, the fleet's read-only tools.
// @ai-sdk/anthropic reads ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL (ending in /v1; the tests point it at a loopback model).
import { anthropic } from '@ai-sdk/anthropic';
import { aiSdkTools } from '@mcpx/ai/ai-sdk';
import { createRegistry } from '@mcpx/factory';
import { generateText, stepCountIs } from 'ai';

const registry = await createRegistry(`${import.meta.dirname}/mcp_servers.json`);
const onEvent = (e) =>
  e.type === 'tool-end' && console.log(`[${e.call.tool.server}] ${e.call.tool.originalName} ${e.durationMs.toFixed(0)} ms`);
const { tools } = await aiSdkTools(registry, { select: { readOnly: true }, onEvent });
const model = anthropic(process.env.ANTHROPIC_MODEL ?? 'claude-sonnet-4-5');
const { text } = await generateText({ model, tools, stopWhen: stepCountIs(10), prompt: process.argv[2] ?? 'What is 19 + 23?' });
console.log(text);
await registry.close();
