// The tools of the dual-era test server. Every handler is written once: the SDK serves
// `inputRequired(...)` as an input_required result to a 2026-07-28 client and, on a
// 2025-era connection, fulfils it itself with real server->client requests.
import { acceptedContent, inputRequired, inputResponse } from '@modelcontextprotocol/server';
import { setTimeout as sleep } from 'node:timers/promises';
import * as z from 'zod';
import { registerSamplingTools } from './sampling-tools.mjs';

const NameForm = z.object({ name: z.string().describe('Your name') });

function text(value) {
  return { content: [{ type: 'text', text: value }] };
}

/**
 * Registers every tool on `mcp`.
 * @param {import('@modelcontextprotocol/server').McpServer} mcp
 * @param {{ hub: ReturnType<typeof import('./hub.mjs').createHub>, requestState: import('@modelcontextprotocol/server').RequestStateCodec }} deps
 * @returns {() => void} brings the dynamic `get-counter` tool up to date with the hub.
 */
export function registerTools(mcp, { hub, requestState }) {
  mcp.registerTool(
    'echo',
    { description: 'Echoes the message back', inputSchema: z.object({ message: z.string() }) },
    async ({ message }) => text(`Echo: ${message}`),
  );

  mcp.registerTool(
    'add',
    {
      description: 'Adds two numbers',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ sum: z.number() }),
    },
    async ({ a, b }) => ({ ...text(`The sum of ${a} and ${b} is ${a + b}.`), structuredContent: { sum: a + b } }),
  );

  mcp.registerTool(
    'slow',
    {
      description: 'Waits `ms` milliseconds in `steps` steps, reporting progress after each when the request has a progressToken',
      inputSchema: z.object({ ms: z.number().int().min(0).max(60_000), steps: z.number().int().min(1).max(100).default(5) }),
    },
    async ({ ms, steps }, ctx) => {
      const progressToken = ctx.mcpReq._meta?.progressToken;
      for (let step = 1; step <= steps; step++) {
        await sleep(ms / steps, undefined, { signal: ctx.mcpReq.signal });
        if (progressToken !== undefined) {
          await ctx.mcpReq.notify({
            method: 'notifications/progress',
            params: { progressToken, progress: step, total: steps, message: `step ${step} of ${steps}` },
          });
        }
      }
      return text(`slept ${ms} ms in ${steps} steps`);
    },
  );

  mcp.registerTool('ask-name', { description: 'Asks the user for their name (elicitation) and greets them' }, async (ctx) => {
    const reply = inputResponse(ctx.mcpReq.inputResponses, 'name');
    // The state proves the retry answers our own question; the codec already verified it.
    const state = ctx.mcpReq.requestState();
    if (reply.kind === 'elicit' && state?.tool === 'ask-name') {
      const answer = acceptedContent(ctx.mcpReq.inputResponses, 'name', NameForm);
      if (reply.action !== 'accept') return text(`No name given (${reply.action}).`);
      if (answer !== undefined) return text(`Hello, ${answer.name}!`);
    }
    return inputRequired({
      inputRequests: { name: inputRequired.elicit({ message: 'What is your name?', requestedSchema: NameForm }) },
      requestState: await requestState.mint({ tool: 'ask-name' }, ctx),
    });
  });

  mcp.registerTool(
    'sample',
    {
      description: 'Asks the client to sample an LLM completion of `prompt` and returns its text',
      inputSchema: z.object({ prompt: z.string(), maxTokens: z.number().int().positive().default(100) }),
    },
    async ({ prompt, maxTokens }, ctx) => {
      const reply = inputResponse(ctx.mcpReq.inputResponses, 'completion');
      if (reply.kind === 'sampling') {
        const blocks = Array.isArray(reply.result.content) ? reply.result.content : [reply.result.content];
        const sampled = blocks.map((block) => (block.type === 'text' ? block.text : `[${block.type}]`)).join('');
        return text(`Sampled (${reply.result.model}): ${sampled}`);
      }
      // No requestState here on purpose: a retry must then carry none either.
      return inputRequired({
        inputRequests: {
          completion: inputRequired.createMessage({ messages: [{ role: 'user', content: { type: 'text', text: prompt } }], maxTokens }),
        },
      });
    },
  );

  registerSamplingTools(mcp, { requestState });

  mcp.registerTool(
    'log',
    {
      description:
        'Emits one log message at each of debug, info, warning and error; the client sees those at or above the level it asked for',
      inputSchema: z.object({ message: z.string().default('hello from the log tool') }),
    },
    async ({ message }, ctx) => {
      const levels = ['debug', 'info', 'warning', 'error'];
      for (const level of levels) await ctx.mcpReq.log(level, `${message} (${level})`, 'dual-era-server');
      return text(`logged at ${levels.join(', ')}`);
    },
  );

  mcp.registerTool(
    'touch-resource',
    { description: 'Increments test://counter, which updates that resource and changes the tool list (get-counter)' },
    async () => text(`counter is now ${hub.touch()}`),
  );

  // Absent until the first touch; its description carries the counter, so every touch
  // changes the tool list.
  const getCounter = mcp.registerTool('get-counter', { description: describeCounter(hub.counter) }, async () => text(String(hub.counter)));
  if (hub.counter === 0) getCounter.disable();

  return () => getCounter.update({ enabled: true, description: describeCounter(hub.counter) });
}

function describeCounter(value) {
  return `Returns the counter of test://counter (now ${value})`;
}
