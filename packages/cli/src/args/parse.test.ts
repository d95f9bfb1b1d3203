import { describe, expect, it } from 'vitest';
import { GLOBAL_FLAGS, INTERACTION_FLAGS } from './flags.js';
import { parseArgs } from './parse.js';

const flags = [...GLOBAL_FLAGS, ...INTERACTION_FLAGS, { name: 'long', short: 'l', kind: 'boolean' as const, description: '' }];

describe('parseArgs', () => {
  it('reads --name value, --name=value, -x value, booleans and --no- negations anywhere among the words', () => {
    const args = parseArgs(['tools', '-c', 'a.json', 'everything', '--timeout=5s', '-l', '--no-color', '--json'], { flags });
    expect(args.positionals).toEqual(['tools', 'everything']);
    expect(Object.fromEntries(args.flags)).toEqual({ config: 'a.json', timeout: '5s', long: true, color: false, json: true });
  });

  it('takes --json followed by an object as call arguments only where allowed', () => {
    const call = parseArgs(['call', 's/t', '--json', '{"a":1}', '--json'], { flags, jsonArguments: true });
    expect(call.jsonArguments).toBe('{"a":1}');
    expect(call.flags.get('json')).toBe(true);
    expect(parseArgs(['call', 's/t', '--json={"a":1}'], { flags, jsonArguments: true }).jsonArguments).toBe('{"a":1}');
    const tools = parseArgs(['tools', '--json', 'everything'], { flags, jsonArguments: true });
    expect(tools).toMatchObject({ positionals: ['tools', 'everything'], jsonArguments: undefined });
    expect(() => parseArgs(['tools', '--json', '{}'], { flags })).not.toThrow();
    expect(parseArgs(['tools', '--json', '{}'], { flags }).positionals).toEqual(['tools', '{}']);
  });

  it('keeps the words after -- as a server command line, flags included, and negative numbers as words', () => {
    expect(parseArgs(['call', 's/t', 'x=1', '--', 'node', 'server.js', '--port', '1'], { flags })).toMatchObject({
      positionals: ['call', 's/t', 'x=1'],
      serverCommand: ['node', 'server.js', '--port', '1'],
    });
    expect(parseArgs(['call', 's/t', '-5'], { flags }).positionals).toEqual(['call', 's/t', '-5']);
  });

  it('refuses unknown flags with a suggestion, and flags missing their value', () => {
    expect(() => parseArgs(['--confg', 'x'], { flags })).toThrow('unknown flag --confg; did you mean --config?');
    expect(() => parseArgs(['--config'], { flags })).toThrow('--config needs a value: <file>');
    expect(() => parseArgs(['--config', '--json'], { flags })).toThrow('--config needs a value');
    expect(() => parseArgs(['--json=maybe'], { flags })).toThrow('--json takes no value, got "maybe"');
  });
});
