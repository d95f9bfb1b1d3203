import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAnthropicModelServer, type AnthropicModelServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chatConfig, modelEnv } from './chat-helpers.js';
import { requireBuild, scratch } from './helpers.js';
import { requireTmux, TerminalSession } from './tmux.js';

// `mcpx chat` in a real terminal (tmux): the prompt's line editor, approvals asked at the
// terminal, Ctrl-C from the keyboard. Against a loopback server answering scripted Anthropic
// turns, and the real server-everything and server-memory.
const dir = scratch('chat-terminal');
let model: AnthropicModelServer | undefined;
beforeAll(() => {
  requireBuild();
  requireTmux();
});
afterEach(async () => {
  await model?.close();
  model = undefined;
});
afterAll(() => dir[Symbol.dispose]());

/** A chat in a terminal over the test fleet, talking to `model`. */
function chat(server: AnthropicModelServer, ...flags: string[]): TerminalSession {
  return new TerminalSession(dir, ['chat', '-c', chatConfig(dir), ...flags], modelEnv(server.baseURL));
}

describe('mcpx chat in a terminal', () => {
  it('streams the answer and shows the tool call with its server and duration', async () => {
    model = await startAnthropicModelServer(
      {
        content: [
          { type: 'text', text: 'Let me add.' },
          { type: 'tool_use', name: 'everything__get-sum', input: { a: 19, b: 23 } },
        ],
      },
      { content: [{ type: 'text', text: 'The sum is 42.' }] },
    );
    using terminal = chat(model);
    await terminal.waitFor('/help for commands');
    terminal.type('What is 19 + 23?');
    const screen = await terminal.waitFor('The sum is 42.');
    expect(screen).toContain('Let me add.');
    expect(screen).toContain('→ everything/get-sum {"a":19,"b":23}');
    expect(screen).toMatch(/✓ everything\/get-sum {2}\d+(\.\d)? m?s/);
    terminal.type('/exit');
    expect(await terminal.exitCode()).toBe(0);
  });

  it('asks before a tool that is not read-only, and tells the model when the user declines', async () => {
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
      { content: [{ type: 'text', text: 'Understood, I will not.' }] },
    );
    using terminal = chat(model);
    await terminal.waitFor('/help for commands');
    terminal.type('Remember Ada');
    await terminal.waitFor(/Allow memory\/create_entities \{"entities":.*\? \[y\/N\]/);
    terminal.type('n');
    await terminal.waitFor('Understood, I will not.');
    // Each key echoed once: the prompt's line editor let go of the keys when the question was sent.
    expect(terminal.screen()).toMatch(/\? \[y\/N\] n\n/);
    expect(terminal.screen()).toContain('memory/create_entities declined');
    expect(JSON.stringify(model.requests[1]!.params.messages.at(-1))).toContain('The user declined to run memory__create_entities');
    terminal.send('C-d');
    expect(await terminal.exitCode()).toBe(0);
  });

  it('cancels the running answer on Ctrl-C and returns to the prompt; a second Ctrl-C leaves', async () => {
    let asked!: () => void;
    const waiting = new Promise<void>((resolve) => (asked = resolve));
    model = await startAnthropicModelServer(
      () => {
        asked();
        // Never answers: only Ctrl-C ends this turn.
        return new Promise(() => undefined);
      },
      { content: [{ type: 'text', text: 'Still here.' }] },
    );
    using terminal = chat(model);
    await terminal.waitFor('/help for commands');
    terminal.type('Take your time');
    await waiting;
    terminal.send('C-c');
    await terminal.waitFor('cancelled');
    terminal.type('Are you there?');
    await terminal.waitFor('Still here.');
    expect(terminal.screen()).toContain('› Are you there?\n');
    // The cancelled question is not part of the conversation.
    expect(JSON.stringify(model.requests[1]!.params.messages)).not.toContain('Take your time');
    terminal.send('C-c');
    await terminal.waitFor('Ctrl-C again');
    terminal.send('C-c');
    expect(await terminal.exitCode()).toBe(130);
  });

  it('cancels the tool call of the running answer on Ctrl-C and returns to the prompt', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'everything__trigger-long-running-operation', input: { duration: 60, steps: 60 } }] },
      { content: [{ type: 'text', text: 'Back at the prompt.' }] },
    );
    using terminal = chat(model);
    await terminal.waitFor('/help for commands');
    terminal.type('Take a minute');
    await terminal.waitFor(/everything\/trigger-long-running-operation .*\d+\/60/);
    terminal.send('C-c');
    await terminal.waitFor('⊘ everything/trigger-long-running-operation cancelled');
    await terminal.waitFor('cancelled\n›');
    terminal.type('Hello again');
    await terminal.waitFor('Back at the prompt.');
    expect(model.requests).toHaveLength(2);
    terminal.type('/exit');
    expect(await terminal.exitCode()).toBe(0);
  });

  it('lists the tools with /tools, the servers with /servers, and the commands with /help', async () => {
    model = await startAnthropicModelServer();
    using terminal = chat(model);
    await terminal.waitFor('/help for commands');
    terminal.type('/tools');
    await terminal.waitFor('memory/read_graph');
    expect(terminal.screen()).toContain('everything/get-sum');
    terminal.type('/servers');
    await terminal.waitFor(/memory +stdio .* connected/);
    terminal.type('/help');
    await terminal.waitFor('/exit');
    // Up brings back the last line typed.
    terminal.send('Up');
    terminal.send('Enter');
    await terminal.waitFor(/WHAT IT DOES[^]*WHAT IT DOES/);
    terminal.type('/tols');
    await terminal.waitFor('no command "/tols"; did you mean "/tools"?');
    terminal.type('/exit');
    expect(await terminal.exitCode()).toBe(0);
    expect(model.requests).toHaveLength(0);
  });

  it("asks before the model answers a server's sampling request, then answers it with the same model", async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'everything__trigger-sampling-request', input: { prompt: 'Say hi', maxTokens: 50 } }] },
      { content: [{ type: 'text', text: 'Hi from the sampled model.' }] },
      { content: [{ type: 'text', text: 'The server got its answer.' }] },
    );
    using terminal = chat(model);
    await terminal.waitFor('/help for commands');
    terminal.type('Sample something');
    await terminal.waitFor('Allow everything/trigger-sampling-request');
    terminal.type('y');
    await terminal.waitFor(/everything asks the model \(sampling\): ".*Say hi.*"\. Allow\? \[y\/N\]/);
    terminal.type('y');
    await terminal.waitFor('The server got its answer.');
    expect(JSON.stringify(model.requests[2]!.params.messages.at(-1))).toContain('Hi from the sampled model.');
    terminal.type('/exit');
    expect(await terminal.exitCode()).toBe(0);
  });

  it('dismisses a sampling question whose tool call timed out when its turn ends, so one Ctrl-C at the prompt counts once', async () => {
    model = await startAnthropicModelServer(
      { content: [{ type: 'tool_use', name: 'everything__trigger-sampling-request', input: { prompt: 'Say hi', maxTokens: 50 } }] },
      { content: [{ type: 'text', text: 'The tool timed out.' }] },
    );
    using terminal = chat(model, '--timeout', '5s');
    await terminal.waitFor('/help for commands');
    terminal.type('Sample something');
    await terminal.waitFor('Allow everything/trigger-sampling-request');
    terminal.type('y');
    await terminal.waitFor('everything asks the model (sampling)');
    // Left unanswered: the tool call times out, the model answers, the turn ends.
    await terminal.waitFor(/The tool timed out\.\n+›/);
    terminal.send('C-c');
    await terminal.waitFor('Ctrl-C again');
    terminal.type('/help');
    await terminal.waitFor('WHAT IT DOES');
    terminal.send('C-c');
    await terminal.waitFor(/Ctrl-C again[^]*Ctrl-C again/);
    terminal.type('/exit');
    expect(await terminal.exitCode()).toBe(0);
    expect(model.requests).toHaveLength(2);
  });

  it('keeps the prompt and the typed question on the terminal when stdout goes to a file, which gets only the answer', async () => {
    model = await startAnthropicModelServer({ content: [{ type: 'text', text: 'Written to the file.' }] });
    const answers = join(dir.path, 'answers.txt');
    using terminal = new TerminalSession(dir, ['chat', '-c', chatConfig(dir)], modelEnv(model.baseURL), [], { stdoutFile: answers });
    await terminal.waitFor('/help for commands');
    terminal.type('Where does this go?');
    // The question echoed, then the next prompt once the answer went to the file.
    await terminal.waitFor(/› Where does this go\?\n+›/);
    terminal.type('/exit');
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen()).not.toContain('Written to the file.');
    expect(readFileSync(answers, 'utf8')).toBe('Written to the file.\n');
  });

  it('clears a half-typed line on Ctrl-C without counting it toward leaving', async () => {
    model = await startAnthropicModelServer();
    using terminal = chat(model);
    await terminal.waitFor('/help for commands');
    terminal.send('C-c');
    await terminal.waitFor('Ctrl-C again');
    terminal.send('-l', 'half a question');
    await terminal.waitFor('› half a question');
    terminal.send('C-c');
    await terminal.waitFor(/›\s*$/);
    terminal.type('/exit');
    expect(await terminal.exitCode()).toBe(0);
    expect(terminal.screen()).not.toContain('half a question/exit');
    expect(model.requests).toHaveLength(0);
  });

  it('cancels the turn on Ctrl-C inside an approval question, and the next Ctrl-C at the prompt only warns', async () => {
    model = await startAnthropicModelServer({
      content: [
        {
          type: 'tool_use',
          name: 'memory__create_entities',
          input: { entities: [{ name: 'Ada', entityType: 'person', observations: [] }] },
        },
      ],
    });
    using terminal = chat(model);
    await terminal.waitFor('/help for commands');
    terminal.type('Remember Ada');
    await terminal.waitFor('Allow memory/create_entities');
    terminal.send('C-c');
    await terminal.waitFor(/cancelled\n+›/);
    terminal.send('C-c');
    await terminal.waitFor('Ctrl-C again');
    terminal.type('/exit');
    expect(await terminal.exitCode()).toBe(0);
    expect(model.requests).toHaveLength(1);
  });

  it('gives the terminal back in its normal mode when it leaves with Ctrl-C after a cancelled answer', async () => {
    let asked!: () => void;
    const waiting = new Promise<void>((resolve) => (asked = resolve));
    model = await startAnthropicModelServer(() => {
      asked();
      return new Promise(() => undefined);
    });
    using terminal = new TerminalSession(dir, ['chat', '-c', chatConfig(dir)], modelEnv(model.baseURL), [], {
      shellAfter: `echo TTY=$(stty -a | tr -s ' ;' '\\n' | grep -xE -- '-?(isig|icanon|echo)' | tr '\\n' ' ')`,
    });
    await terminal.waitFor('/help for commands');
    terminal.type('Take your time');
    await waiting;
    terminal.send('C-c');
    await terminal.waitFor(/cancelled\n+›/);
    // Right after the Ctrl-C that cancelled the answer: this one leaves.
    terminal.send('C-c');
    expect(await terminal.exitCode()).toBe(130);
    const modes = (await terminal.waitFor(/TTY=.*echo/))
      .match(/TTY=(.*)/)![1]!
      .trim()
      .split(/\s+/);
    expect(modes.sort()).toEqual(['echo', 'icanon', 'isig']);
  });
});
