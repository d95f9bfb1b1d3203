// A tool of the dual-era test server that samples with tools (SEP-1577): it offers the client's
// model a `get_weather` tool, runs the tool calls the model makes, sends the results back in the
// next sampling request, and returns the model's final text. Written once with inputRequired: a
// 2026-07-28 client gets input_required rounds, a 2025-era client real sampling/createMessage
// requests from the SDK's legacy shim.
import { inputRequired, inputResponse } from '@modelcontextprotocol/server';
import * as z from 'zod';

/** The tool the model is offered. */
const GET_WEATHER = {
  name: 'get_weather',
  description: 'The weather in a city',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
};

/** What `get_weather` answers: fixed, so that tests can check the model saw it. */
export function weatherIn(city) {
  return `Sunny, 18°C in ${city}`;
}

/**
 * Registers `plan-trip` on `mcp`.
 * @param {import('@modelcontextprotocol/server').McpServer} mcp
 * @param {{ requestState: import('@modelcontextprotocol/server').RequestStateCodec }} deps
 */
export function registerSamplingTools(mcp, { requestState }) {
  mcp.registerTool(
    'plan-trip',
    {
      description:
        'Asks the client to sample what to pack for `city`, offering a get_weather tool; runs the tool calls of the model and returns its final answer',
      inputSchema: z.object({ city: z.string() }),
    },
    async ({ city }, ctx) => {
      const state = ctx.mcpReq.requestState();
      let messages =
        state?.tool === 'plan-trip'
          ? state.messages
          : [{ role: 'user', content: { type: 'text', text: `What should I pack for ${city}?` } }];
      const reply = inputResponse(ctx.mcpReq.inputResponses, 'completion');
      if (reply.kind === 'sampling' && state?.tool === 'plan-trip') {
        const blocks = Array.isArray(reply.result.content) ? reply.result.content : [reply.result.content];
        const uses = blocks.filter((block) => block.type === 'tool_use');
        if (uses.length === 0) {
          const answer = blocks.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('');
          const calls = messages.filter((message) => message.role === 'assistant').length;
          return { content: [{ type: 'text', text: `Answer (${reply.result.model}, after ${calls} tool round(s)): ${answer}` }] };
        }
        const results = uses.map((use) => ({
          type: 'tool_result',
          toolUseId: use.id,
          content: [{ type: 'text', text: use.name === GET_WEATHER.name ? weatherIn(String(use.input?.city)) : `no tool ${use.name}` }],
          ...(use.name === GET_WEATHER.name ? {} : { isError: true }),
        }));
        messages = [...messages, { role: 'assistant', content: uses }, { role: 'user', content: results }];
      }
      return inputRequired({
        inputRequests: {
          completion: inputRequired.createMessage({ messages, maxTokens: 200, tools: [GET_WEATHER], toolChoice: { mode: 'auto' } }),
        },
        requestState: await requestState.mint({ tool: 'plan-trip', messages }, ctx),
      });
    },
  );
}
