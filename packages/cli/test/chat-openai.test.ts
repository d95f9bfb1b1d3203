import { startOpenAIModelServer, type OpenAIModelRequest, type OpenAIModelServer } from '@mcpx/test-utils';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatConfig, openaiEnv } from './chat-helpers.js';
import { json, mcpx, requireBuild, scratch } from './helpers.js';

// `mcpx chat -p --provider openai` without a terminal: the real OpenAI SDK in mcpx (Responses API),
// pointed at a loopback server answering scripted turns, over the real server-everything and server-memory.
const dir = scratch('chat-openai');
let model: OpenAIModelServer | undefined;
beforeAll(() => requireBuild());
afterEach(async () => {
  await model?.close();
  model = undefined;
});
afterAll(() => dir[Symbol.dispose]());

/** The outputs of the function calls a recorded Responses request sends back. */
function callOutputs(request: OpenAIModelRequest): string {
  const input = Array.isArray(request.params.input) ? request.params.input : [];
  return input
    .filter((item) => item.type === 'function_call_output')
    .map((item) => (typeof item.output === 'string' ? item.output : JSON.stringify(item.output)))
    .join('\n');
}

const sum = { toolCalls: [{ name: 'everything__get-sum', arguments: { a: 19, b: 23 } }] };

describe('mcpx chat -p with the OpenAI provider', () => {
  it('prints the answer on stdout and the tool call with its server and duration on stderr, and exits 0', async () => {
    model = await startOpenAIModelServer(sum, { text: 'The sum is 42.' });
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'What is 19 + 23?'], { dir, env: openaiEnv(model.baseURL) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('The sum is 42.\n');
    expect(result.stderr).toContain('→ everything/get-sum {"a":19,"b":23}');
    expect(result.stderr).toMatch(/✓ everything\/get-sum {2}\d+(\.\d)? m?s/);
    expect(model.requests.map((request) => request.api)).toEqual(['responses', 'responses']);
    expect(model.requests[0]!.params).toMatchObject({ model: 'gpt-5', stream: true });
    expect(callOutputs(model.requests[1]!)).toContain('The sum of 19 and 23 is 42');
  });

  it('is chosen by the config\'s "chat" table, whose model it asks', async () => {
    model = await startOpenAIModelServer({ text: 'Hello.' });
    const config = chatConfig(dir, { provider: 'openai', model: 'gpt-from-config' });
    const env = { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.baseURL };
    const result = await mcpx(['chat', '-c', config, '-p', 'hi'], { dir, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('Hello.\n');
    expect(model.requests[0]!.params.model).toBe('gpt-from-config');
  });

  it('prints the transcript with --json: the input items, and each tool call with its server, duration and outcome', async () => {
    model = await startOpenAIModelServer(sum, { text: 'The sum is 42.' });
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'What is 19 + 23?', '--json'], { dir, env: openaiEnv(model.baseURL) });
    expect(result.code, result.stderr).toBe(0);
    const transcript = json<{
      provider: string;
      model: string;
      answer: string;
      stopReason: string;
      steps: number;
      messages: Array<{ role?: string; type?: string }>;
      toolCalls: Array<Record<string, unknown>>;
    }>(result);
    expect(transcript).toMatchObject({ provider: 'openai', model: 'gpt-5', answer: 'The sum is 42.', stopReason: 'stop', steps: 2 });
    expect(transcript.messages.map((item) => item.type ?? item.role)).toEqual(['user', 'function_call', 'function_call_output', 'message']);
    expect(transcript.toolCalls).toEqual([
      expect.objectContaining({ server: 'everything', tool: 'get-sum', arguments: { a: 19, b: 23 }, outcome: 'result', step: 1 }),
    ]);
    expect(transcript.toolCalls[0]!.durationMs).toBeGreaterThan(0);
  });

  it("answers a server's sampling request with the same model through Chat Completions when --yes allows it", async () => {
    model = await startOpenAIModelServer(
      { toolCalls: [{ name: 'everything__trigger-sampling-request', arguments: { prompt: 'Say hi', maxTokens: 50 } }] },
      { text: 'Hi from the sampled model.' },
      { text: 'The server got its answer.' },
    );
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'Sample', '--yes'], { dir, env: openaiEnv(model.baseURL) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('The server got its answer.\n');
    expect(model.requests.map((request) => request.api)).toEqual(['responses', 'chat', 'responses']);
    expect(JSON.stringify(model.requests[1]!.params.messages)).toContain('Say hi');
    expect(callOutputs(model.requests[2]!)).toContain('Hi from the sampled model.');
  });
});

describe('the exit status of mcpx chat -p with the OpenAI provider', () => {
  it('is 3 without OPENAI_API_KEY, naming it', async () => {
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'hi', '--provider', 'openai'], { dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('mcpx chat needs an API key for openai: OPENAI_API_KEY is not set');
  });

  it('is 7 when the model refuses', async () => {
    model = await startOpenAIModelServer({ refusal: 'I cannot help with that.' });
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'something bad'], { dir, env: openaiEnv(model.baseURL) });
    expect(result.code).toBe(7);
    expect(result.stdout).toBe('I cannot help with that.\n');
    expect(result.stderr).toContain('the model refused');
  });

  it('is 6 when the model still wants tools at the step limit', async () => {
    model = await startOpenAIModelServer(sum, sum);
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'Add forever', '--max-steps', '2'], {
      dir,
      env: openaiEnv(model.baseURL),
    });
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('after 2 turns');
  });

  it('is 1 when the model request fails, saying why', async () => {
    model = await startOpenAIModelServer({
      status: 401,
      errorType: 'invalid_request_error',
      code: 'invalid_api_key',
      message: 'Incorrect API key provided',
    });
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'hi'], { dir, env: openaiEnv(model.baseURL) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Incorrect API key provided');
  });
});

describe('the model SDKs', () => {
  const guard = fileURLToPath(new URL('fixtures/sdk-guard.mjs', import.meta.url));
  /** Runs mcpx with the imports of `guarded` packages failing. */
  const guarded = (args: string[], guardedNames: string, env: Record<string, string> = {}) =>
    mcpx(args, { dir, env: { ...env, NODE_OPTIONS: `--import=${guard}`, SDK_GUARD: guardedNames } });

  it('are not loaded by mcpx tools', async () => {
    const result = await guarded(['tools', '-c', chatConfig(dir)], 'openai,@anthropic-ai/sdk');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('get-sum');
  });

  it("are loaded by mcpx chat one at a time: the OpenAI provider's only (a guarded one fails the run)", async () => {
    model = await startOpenAIModelServer({ text: 'Hello.' });
    const withoutAnthropic = await guarded(['chat', '-c', chatConfig(dir), '-p', 'hi'], '@anthropic-ai/sdk', openaiEnv(model.baseURL));
    expect(withoutAnthropic.code, withoutAnthropic.stderr).toBe(0);
    expect(withoutAnthropic.stdout).toBe('Hello.\n');
    const withoutOpenAI = await guarded(['chat', '-c', chatConfig(dir), '-p', 'hi'], 'openai', openaiEnv(model.baseURL));
    expect(withoutOpenAI.code).toBe(1);
    expect(withoutOpenAI.stderr).toContain('sdk-guard: openai was imported');
  });
});
