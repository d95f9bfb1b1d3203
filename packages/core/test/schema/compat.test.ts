import { describe, expect, it } from 'vitest';
import { z, type ZodType } from 'zod';
import {
  ContentBlockSchema,
  ElicitResultSchema,
  ImageContentSchema,
  ImplementationSchema,
  ListToolsResultSchema,
  TextContentSchema,
  ToolSchema,
} from '../../src/types/index.js';
import { checkCompatible } from './compat.js';
import { official, type Revision } from './official.js';
import { sample } from './sample.js';
import { toJsonSchema } from './support.js';

const problems = (schema: ZodType, revision: Revision, path: string) => {
  const spec = official(revision);
  return checkCompatible(toJsonSchema(schema), spec.find(path) ?? {}, 'mutant', { official: spec, missingAllowed: () => false });
};

// The coverage tests pass on our schemas; these show that they would fail on wrong ones.
describe('the compatibility check', () => {
  it('reports a property the official definition declares and ours lacks', () => {
    expect(problems(ToolSchema.omit({ description: true }), '2024-11-05', 'Tool')).toEqual([
      'mutant.description: declared officially, missing in ours',
    ]);
  });

  it('reports a property ours requires and the official definition does not', () => {
    expect(problems(ToolSchema.extend({ title: z.string() }), '2025-06-18', 'Tool')).toEqual([
      'mutant.title: required by ours, optional officially',
    ]);
  });

  it('reports a nested object that would drop unknown members', () => {
    const closed = ListToolsResultSchema.extend({ tools: z.array(z.object(ToolSchema.shape)) });
    expect(problems(closed, '2025-11-25', 'ListToolsResult')).toContain('mutant.tools[]: not loose, unknown members would be lost');
  });

  it('reports a type, const or enum value the official definition allows and ours rejects', () => {
    expect(problems(ImplementationSchema.extend({ version: z.number() }), '2024-11-05', 'Implementation')).toEqual([
      'mutant.version: official type string is rejected (ours: number)',
    ]);
    expect(problems(z.enum(['user']), '2025-03-26', 'Role')).toEqual(['mutant: official value "assistant" is rejected']);
  });

  it('reports an official union branch that no branch of ours covers', () => {
    const withoutAudio = z.discriminatedUnion('type', [TextContentSchema, ImageContentSchema]);
    expect(problems(withoutAudio, '2025-03-26', 'CallToolResult.content[]').join('\n')).toMatch(/no branch of ours covers it/);
    expect(problems(ContentBlockSchema, '2025-03-26', 'CallToolResult.content[]')).toEqual([]);
  });

  it('covers each member of a multi-type official node separately', () => {
    const withoutBooleans = ElicitResultSchema.extend({
      content: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).optional(),
    });
    expect(problems(withoutBooleans, '2025-11-25', 'ElicitResult').join('\n')).toMatch(/official type boolean is rejected/);
  });
});

describe('the sample generator', () => {
  it('follows $ref, fills required members, takes the chosen union branch and keeps to formats', () => {
    const spec = official('2025-11-25');
    const node = spec.find('EmbeddedResource') ?? {};
    expect(sample(spec, node, { members: 'required', variant: 1, unknownMembers: false })).toEqual({
      type: 'resource',
      resource: { uri: 'file:///sample.txt', blob: 'AAE=' },
    });
  });

  it('adds an unknown member only where the official schema allows any member', () => {
    const spec = official('2025-06-18');
    const node = spec.find('ElicitResult') ?? {};
    expect(sample(spec, node, { members: 'all', variant: 0, unknownMembers: true })).toEqual({
      _meta: { 'x-mcpx-unknown': { kept: true } },
      action: 'accept',
      content: { recordEntry: 'x' },
      'x-mcpx-unknown': { kept: true },
    });
  });
});
