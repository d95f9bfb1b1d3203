import { describe, expect, it } from 'vitest';
import { assignModelNames, sanitizeName, shortHash } from './model-names.js';
import { AI_SDK_NAME_RULES, ANTHROPIC_NAME_RULES, OPENAI_NAME_RULES } from './provider-rules.js';
import type { SourceTool } from './tool-source.js';

function tool(server: string, name: string, qualifiedName = `${server}__${name}`): SourceTool {
  return {
    qualifiedName,
    server,
    originalName: name,
    tool: { name, inputSchema: { type: 'object' } },
    autoApproved: false,
    call: () => Promise.reject(new Error('not called in these tests')),
  };
}

describe('model-facing tool names', () => {
  it('replaces every character the provider refuses with an underscore', () => {
    expect(sanitizeName('files.read text/ü', ANTHROPIC_NAME_RULES)).toBe('files_read_text__');
  });

  it('puts an underscore before a name starting with a character the rules refuse first', () => {
    expect(sanitizeName('3d-render', AI_SDK_NAME_RULES)).toBe('_3d-render');
    expect(sanitizeName('render', AI_SDK_NAME_RULES)).toBe('render');
    expect(sanitizeName('3d-render', OPENAI_NAME_RULES)).toBe('3d-render');
  });

  it('shortens a name past the limit to the limit, ending in a hash of the full name', () => {
    const long = `server__${'a'.repeat(100)}`;
    const name = sanitizeName(long, OPENAI_NAME_RULES);
    expect(name).toHaveLength(64);
    expect(name.endsWith(`_${shortHash(long)}`)).toBe(true);
    expect(sanitizeName(long, ANTHROPIC_NAME_RULES)).toBe(long);
  });

  it('keeps two long names that share their first 64 characters apart', () => {
    const prefix = 'x'.repeat(70);
    expect(sanitizeName(`${prefix}_one`, OPENAI_NAME_RULES)).not.toBe(sanitizeName(`${prefix}_two`, OPENAI_NAME_RULES));
  });

  it('leaves the first of two clashing names as it is and suffixes the later one by its server and tool', () => {
    const named = assignModelNames([tool('a.b', 'echo'), tool('a_b', 'echo')], ANTHROPIC_NAME_RULES);
    expect([...named.keys()]).toEqual(['a_b__echo', `a_b__echo_${shortHash('a_b\u0000echo')}`]);
    expect(named.get('a_b__echo')!.server).toBe('a.b');
  });

  it('gives every tool a name within the rules even when clashing names are at the limit', () => {
    const base = 'y'.repeat(64);
    const named = assignModelNames([tool('s1', base, base), tool('s2', base, base), tool('s3', base, base)], OPENAI_NAME_RULES);
    expect(named.size).toBe(3);
    for (const name of named.keys()) expect(name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
  });
});
