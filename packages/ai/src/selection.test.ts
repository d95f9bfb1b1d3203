import type { Tool } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { globToRegExp, selectTools } from './selection.js';
import type { SourceTool } from './tool-source.js';

type ToolAnnotations = NonNullable<Tool['annotations']>;

function tool(server: string, name: string, annotations?: ToolAnnotations): SourceTool {
  return {
    qualifiedName: `${server}__${name}`,
    server,
    originalName: name,
    tool: { name, inputSchema: { type: 'object' }, ...(annotations === undefined ? {} : { annotations }) },
    autoApproved: false,
    call: () => Promise.reject(new Error('not called in these tests')),
  };
}

const read = tool('fs', 'read_file', { readOnlyHint: true });
const write = tool('fs', 'write_file', { readOnlyHint: false, destructiveHint: false });
const remove = tool('fs', 'delete_file', { destructiveHint: true });
const unannotated = tool('git', 'push');
const all = [read, write, remove, unannotated];
const names = (tools: SourceTool[]) => tools.map((each) => each.qualifiedName);

describe('selecting tools', () => {
  it('matches globs against the qualified and the original name', () => {
    expect(names(selectTools(all, { include: 'fs__*_file' }))).toEqual(['fs__read_file', 'fs__write_file', 'fs__delete_file']);
    expect(names(selectTools(all, { include: 'pus?' }))).toEqual(['git__push']);
    expect(globToRegExp('a.b*').test('axb')).toBe(false);
  });

  it('matches RegExps, global ones included, and excludes', () => {
    expect(names(selectTools(all, { include: /file$/g, exclude: ['delete_*'] }))).toEqual(['fs__read_file', 'fs__write_file']);
  });

  it('keeps only the servers named', () => {
    expect(names(selectTools(all, { servers: ['git'] }))).toEqual(['git__push']);
  });

  it('treats a tool without annotations as not read-only and possibly destructive, as the spec defaults them', () => {
    expect(names(selectTools(all, { readOnly: true }))).toEqual(['fs__read_file']);
    expect(names(selectTools(all, { destructive: false }))).toEqual(['fs__read_file', 'fs__write_file']);
  });
});
