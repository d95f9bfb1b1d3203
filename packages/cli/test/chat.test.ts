import { spawn } from 'node:child_process';
import { startAnthropicModelServer, type AnthropicModelServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatConfig, modelEnv } from './chat-helpers.js';
import { BIN, cleanEnv, eventually, json, mcpx, outcome, requireBuild, scratch } from './helpers.js';

// `mcpx chat -p` without a terminal: the real Anthropic SDK in mcpx, pointed at a loopback
// server answering scripted turns, over the real server-everything and server-memory.
const dir = scratch('chat');
let model: AnthropicModelServer | undefined;
beforeAll(() => requireBuild());
afterEach(async () => {
  await model?.close();
  model = undefined;
});
afterAll(() => dir[Symbol.dispose]());

/** The text of the tool_result blocks of a recorded request's last message. */
function toolResultText(request: { params: { messages: Array<{ content: unknown }> } }): string {
  const last = request.params.messages.at(-1)?.content;
  const blocks = Array.isArray(last) ? (last as Array<{ type: string; content?: Array<{ text?: string }> }>) : [];
  return blocks
    .filter((block) => block.type === 'tool_result')
    .flatMap((block) => block.content ?? [])
    .map((part) => part.text ?? '')
    .join('\n');
}

const sum = { content: [{ type: 'tool_use' as const, name: 'everything__get-sum', input: { a: 19, b: 23 } }] };

describe('mcpx chat -p', () => {
  it('prints the answer on stdout and each tool call with its server and duration on stderr, and exits 0', async () => {
    model = await startAnthropicModelServer(sum, { content: [{ type: 'text', text: 'The sum is 42.' }] });
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'What is 19 + 23?'], { dir, env: modelEnv(model.baseURL) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('The sum is 42.\n');
    expect(result.stderr).toContain('→ everything/get-sum {"a":19,"b":23}');
    expect(result.stderr).toMatch(/✓ everything\/get-sum {2}\d+(\.\d)? m?s/);
    expect(toolResultText(model.requests[1]!)).toContain('The sum of 19 and 23 is 42');
    expect(model.requests[0]!.params.stream).toBe(true);
  });

  it('prints the transcript with --json: the messages, and each tool call with its server, duration and outcome', async () => {
    model = await startAnthropicModelServer(sum, { content: [{ type: 'text', text: 'The sum is 42.' }] });
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'What is 19 + 23?', '--json'], { dir, env: modelEnv(model.baseURL) });
    expect(result.code, result.stderr).toBe(0);
    const transcript = json<{
      answer: string;
      stopReason: string;
      steps: number;
      messages: Array<{ role: string }>;
      toolCalls: Array<Record<string, unknown>>;
    }>(result);
    expect(transcript).toMatchObject({ answer: 'The sum is 42.', stopReason: 'end_turn', steps: 2 });
    expect(transcript.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    expect(transcript.toolCalls).toEqual([
      expect.objectContaining({ server: 'everything', tool: 'get-sum', arguments: { a: 19, b: 23 }, outcome: 'result', step: 1 }),
    ]);
    expect(transcript.toolCalls[0]!.durationMs).toBeGreaterThan(0);
  });

  it('declines a tool that is not read-only when there is no terminal and no --yes, and tells the model', async () => {
    model = await startAnthropicModelServer(
      {
        content: [
          {
            type: 'tool_use',
            name: 'memory__create_entities',
            input: { entities: [{ name: 'Ada', entityType: 'person', observations: [] }] },
          },
        ],
      },
      { content: [{ type: 'text', text: 'I was not allowed to.' }] },
    );
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'Remember Ada'], { dir, env: modelEnv(model.baseURL) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('memory/create_entities declined');
    expect(toolResultText(model.requests[1]!)).toContain('The user declined to run memory__create_entities');
  });

  it('runs a tool that is not read-only with --yes', async () => {
    model = await startAnthropicModelServer(
      {
        content: [
          {
            type: 'tool_use',
            name: 'memory__create_entities',
            input: { entities: [{ name: 'Ada', entityType: 'person', observations: [] }] },
          },
        ],
      },
      { content: [{ type: 'text', text: 'Remembered.' }] },
    );
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'Remember Ada', '--yes'], { dir, env: modelEnv(model.baseURL) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('✓ memory/create_entities');
    expect(toolResultText(model.requests[1]!)).toContain('Ada');
  });

  it("answers a server's sampling request with the same model when --yes allows it", async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'everything__trigger-sampling-request', input: { prompt: 'Say hi', maxTokens: 50 } }] },
      { content: [{ type: 'text', text: 'Hi from the sampled model.' }] },
      { content: [{ type: 'text', text: 'The server got its answer.' }] },
    );
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'Sample', '--yes'], { dir, env: modelEnv(model.baseURL) });
    expect(result.code, result.stderr).toBe(0);
    expect(model.requests).toHaveLength(3);
    expect(JSON.stringify(model.requests[1]!.params.messages)).toContain('Say hi');
    expect(toolResultText(model.requests[2]!)).toContain('Hi from the sampled model.');
  });

  it('takes the model from the config\'s "chat" table, and --model over it', async () => {
    model = await startAnthropicModelServer({ content: [{ type: 'text', text: 'a' }] }, { content: [{ type: 'text', text: 'b' }] });
    const config = chatConfig(dir, { model: 'claude-from-config' });
    await mcpx(['chat', '-c', config, '-p', 'hi'], { dir, env: modelEnv(model.baseURL) });
    await mcpx(['chat', '-c', config, '-p', 'hi', '--model', 'claude-from-flag'], { dir, env: modelEnv(model.baseURL) });
    expect(model.requests.map((request) => request.params.model)).toEqual(['claude-from-config', 'claude-from-flag']);
  });
});

describe('the exit status of mcpx chat -p', () => {
  it('is 3 without an API key, naming the variable to set', async () => {
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'hi'], { dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('ANTHROPIC_API_KEY is not set');
  });

  it('is 1 when the model request fails, saying why', async () => {
    model = await startAnthropicModelServer({ status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' });
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'hi'], { dir, env: modelEnv(model.baseURL) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('invalid x-api-key');
  });

  it('is 6 when the model still wants tools at the step limit', async () => {
    model = await startAnthropicModelServer(sum, sum);
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'Add forever', '--max-steps', '2'], {
      dir,
      env: modelEnv(model.baseURL),
    });
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('after 2 turns');
  });

  it('prints one JSON document on stdout and the error on stderr with --json at the step limit (6)', async () => {
    model = await startAnthropicModelServer(sum, sum);
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'Add forever', '--max-steps', '2', '--json'], {
      dir,
      env: modelEnv(model.baseURL),
    });
    expect(result.code).toBe(6);
    expect(json(result)).toMatchObject({ exitCode: 6, steps: 2, stopReason: 'max_steps' });
    expect(result.stderr).toContain('after 2 turns');
  });

  it('prints one JSON document on stdout and the error on stderr with --json when the model refuses (7)', async () => {
    model = await startAnthropicModelServer({ content: [{ type: 'text', text: '' }], stop_reason: 'refusal' });
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'something bad', '--json'], { dir, env: modelEnv(model.baseURL) });
    expect(result.code).toBe(7);
    expect(json(result)).toMatchObject({ exitCode: 7, stopReason: 'refusal' });
    expect(result.stderr).toContain('the model refused');
  });

  it('is 7 when the model refuses', async () => {
    model = await startAnthropicModelServer({ content: [{ type: 'text', text: '' }], stop_reason: 'refusal' });
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'something bad'], { dir, env: modelEnv(model.baseURL) });
    expect(result.code).toBe(7);
    expect(result.stderr).toContain('the model refused');
  });

  it('says on stderr that the answer was cut at the token limit, and exits 0 with what came', async () => {
    model = await startAnthropicModelServer({ content: [{ type: 'text', text: 'The beginning of' }], stop_reason: 'max_tokens' });
    const result = await mcpx(['chat', '-c', chatConfig(dir), '-p', 'Tell me everything'], { dir, env: modelEnv(model.baseURL) });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('The beginning of\n');
    expect(result.stderr).toContain('the answer was cut at the token limit');
  });

  it('is 4 when no server can be reached', async () => {
    model = await startAnthropicModelServer();
    const config = dir.write(
      'down.json',
      JSON.stringify({ mcpServers: { gone: { command: process.execPath, args: ['-e', 'process.exit(1)'] } } }),
    );
    const result = await mcpx(['chat', '-c', config, '-p', 'hi'], { dir, env: modelEnv(model.baseURL) });
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('gone could not connect');
    expect(model.requests).toHaveLength(0);
  });
});

describe('mcpx chat without a terminal', () => {
  it('answers each line of its input as a question, in one conversation, until /exit', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'text', text: 'First answer.' }] },
      { content: [{ type: 'text', text: 'Second answer.' }] },
    );
    const result = await mcpx(['chat', '-c', chatConfig(dir)], { dir, env: modelEnv(model.baseURL), input: 'one\ntwo\n/exit\nthree\n' });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('First answer.\nSecond answer.\n');
    expect(model.requests).toHaveLength(2);
    expect(model.requests[1]!.params.messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user']);
  });

  it('refuses --json without -p, saying what it needs', async () => {
    const result = await mcpx(['chat', '-c', chatConfig(dir), '--json'], { dir, env: modelEnv('http://127.0.0.1:9') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('give it with -p');
  });

  it('exits with the code of the question that failed once its input ends', async () => {
    model = await startAnthropicModelServer(
      { status: 401, errorType: 'authentication_error', message: 'invalid x-api-key' },
      { content: [{ type: 'text', text: 'Second answer.' }] },
    );
    const result = await mcpx(['chat', '-c', chatConfig(dir)], { dir, env: modelEnv(model.baseURL), input: 'one\ntwo\n' });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('invalid x-api-key');
    expect(result.stdout).toBe('Second answer.\n');
  });

  it('leaves with 130 on SIGTERM while it waits for a question', async () => {
    model = await startAnthropicModelServer();
    const child = spawn(process.execPath, [BIN, 'chat', '-c', chatConfig(dir)], {
      cwd: dir.path,
      env: cleanEnv(dir, modelEnv(model.baseURL)),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const result = outcome(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    try {
      // Its input stays open: only the signal ends the wait.
      await eventually(() => (stderr.includes('/help for commands') ? true : undefined), 'the greeting');
      child.kill('SIGTERM');
      expect((await result).code).toBe(130);
    } finally {
      child.kill();
    }
  });
});
