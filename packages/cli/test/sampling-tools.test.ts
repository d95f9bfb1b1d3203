import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dualEraServerCommand } from '@mcpx/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLING_RESULT_EXAMPLE } from '../src/fleet/sampling-result.js';
import { FIXTURES, mcpx, requireBuild, scratch } from './helpers.js';

// Sampling with tools through --sampling-command, against the dual-era test server (the official
// SDK): its plan-trip tool offers the model a get_weather tool, runs the model's tool call and
// sends the result back in a second sampling request.
const dir = scratch('sampling-tools');
beforeAll(requireBuild);
afterAll(() => dir[Symbol.dispose]());

const model = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(FIXTURES, 'weather-model.mjs'))}`;

function config(era: 'legacy' | 'modern'): string {
  const server = { ...dualEraServerCommand(), era };
  return dir.write(`${era}.json`, JSON.stringify({ mcpServers: { trips: server } }));
}

function requests(log: string): Array<{ tools?: Array<{ name: string }>; messages: Array<{ role: string; content: unknown }> }> {
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as never);
}

describe.each(['legacy', 'modern'] as const)('sampling with tools (%s era)', (era) => {
  it('gives the command the tools, takes its tool_use, and gives it the tool result in the next request', async () => {
    const log = join(dir.path, `${era}.log`);
    const result = await mcpx(['call', 'trips/plan-trip', 'city=Lisbon', '--config', config(era), '--sampling-command', model], {
      dir,
      env: { WEATHER_MODEL_LOG: log },
    });
    expect(result.stderr).not.toContain('mcpx:');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Answer (weather-model, after 1 tool round(s)): Pack sunglasses: Sunny, 18°C in Lisbon\n');
    const [first, second] = requests(log);
    expect(first?.tools?.map((tool) => tool.name)).toEqual(['get_weather']);
    expect(second?.messages.slice(1)).toEqual([
      { role: 'assistant', content: [{ type: 'tool_use', id: 'call-1', name: 'get_weather', input: { city: 'Lisbon' } }] },
      {
        role: 'user',
        content: [{ type: 'tool_result', toolUseId: 'call-1', content: [{ type: 'text', text: 'Sunny, 18°C in Lisbon' }] }],
      },
    ]);
  });
});

describe('a sampling command that prints a bad reply', () => {
  it('fails with the JSON parse error when its output starts with { but is not JSON, instead of sending it as text', async () => {
    const result = await mcpx(['call', 'trips/plan-trip', 'city=Oslo', '--config', config('legacy'), '--sampling-command', model], {
      dir,
      env: { WEATHER_MODEL_FAULT: 'json' },
    });
    expect(result.code).not.toBe(0);
    const said = `${result.stdout}${result.stderr}`;
    expect(said.match(new RegExp(`the sampling command "${escape(model)}" printed invalid JSON: `, 'g'))).toHaveLength(1);
    expect(result.stdout).not.toContain('Answer');
  });

  it('says once which field of its result is wrong, in one line with an example, for a tool_use without an id', async () => {
    const result = await mcpx(['call', 'trips/plan-trip', 'city=Oslo', '--config', config('legacy'), '--sampling-command', model], {
      dir,
      env: { WEATHER_MODEL_FAULT: 'no-id' },
    });
    expect(result.code).not.toBe(0);
    const line = `sampling command "${model}": content[0].id: expected string, received undefined; it should print JSON such as ${SAMPLING_RESULT_EXAMPLE}`;
    expect(`${result.stdout}${result.stderr}`.split(line)).toHaveLength(2);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
