import { isDeepStrictEqual } from 'node:util';
import type { ZodType } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  CallToolResultSchema,
  EmptyResultSchema,
  ImplementationSchema,
  InitializeResultSchema,
  ListToolsResultSchema,
  ServerCapabilitiesSchema,
  TextContentSchema,
  ToolAnnotationsSchema,
  ToolJsonSchemaSchema,
  ToolSchema,
} from '../../src/types/index.js';
import type { ShapeGuard } from '../../src/validation/guards.js';
import * as fast from '../../src/validation/fast-results.js';
import { REVISIONS, official } from './official.js';
import { sample, unionWidth } from './sample.js';

/** The object schema inside `CallToolResultSchema`'s preprocessing step. */
const callToolResultObject = (CallToolResultSchema as unknown as { out: ZodType }).out;

const PAIRS: ReadonlyArray<{ name: string; guard: ShapeGuard; schema: ZodType; definitions: string[] }> = [
  { name: 'InitializeResult', guard: fast.initializeResult, schema: InitializeResultSchema, definitions: ['InitializeResult'] },
  { name: 'Implementation', guard: fast.implementation, schema: ImplementationSchema, definitions: ['Implementation'] },
  { name: 'ServerCapabilities', guard: fast.serverCapabilities, schema: ServerCapabilitiesSchema, definitions: ['ServerCapabilities'] },
  { name: 'ListToolsResult', guard: fast.listToolsResult, schema: ListToolsResultSchema, definitions: ['ListToolsResult'] },
  { name: 'Tool', guard: fast.tool, schema: ToolSchema, definitions: ['Tool'] },
  { name: 'ToolAnnotations', guard: fast.toolAnnotations, schema: ToolAnnotationsSchema, definitions: ['ToolAnnotations'] },
  { name: 'ToolJsonSchema', guard: fast.toolJsonSchema, schema: ToolJsonSchemaSchema, definitions: ['Tool.inputSchema'] },
  { name: 'TextContent', guard: fast.textContent, schema: TextContentSchema, definitions: ['TextContent'] },
  { name: 'CallToolResult', guard: fast.callToolResult, schema: CallToolResultSchema, definitions: ['CallToolResult'] },
  { name: 'EmptyResult', guard: fast.emptyResult, schema: EmptyResultSchema, definitions: ['EmptyResult', 'Result'] },
];

function shapeKeys(schema: ZodType): string[] {
  const object = schema === CallToolResultSchema ? callToolResultObject : schema;
  return Object.keys((object as unknown as { shape: Record<string, unknown> }).shape).sort();
}

describe('the fast result guards', () => {
  it.each(PAIRS)('know exactly the members of the $name zod schema', ({ guard, schema }) => {
    expect([...guard.keys].sort()).toEqual(shapeKeys(schema));
  });

  describe.each(REVISIONS)('on samples of the official %s schema', (revision) => {
    const spec = official(revision);
    it.each(PAIRS)('accept only what the $name zod schema accepts unchanged', ({ guard, schema, definitions }) => {
      const node = definitions.map((d) => spec.find(d)).find((n) => n !== undefined);
      if (node === undefined) return;
      const problems: string[] = [];
      let accepted = 0;
      for (const members of ['required', 'all'] as const) {
        for (let variant = 0; variant < unionWidth(spec, node); variant++) {
          for (const unknownMembers of [false, true]) {
            const instance = sample(spec, node, { members, variant, unknownMembers });
            if (!guard(instance)) continue;
            accepted++;
            const parsed = schema.safeParse(instance);
            if (!parsed.success) problems.push(`zod rejects ${JSON.stringify(instance)}`);
            else if (!isDeepStrictEqual(parsed.data, instance)) problems.push(`zod changes ${JSON.stringify(instance)}`);
          }
        }
      }
      expect(problems).toEqual([]);
      expect(accepted, 'the guard should take the fast path for the required-members sample').toBeGreaterThan(0);
    });
  });

  it('accept the everyday results of a real server', () => {
    expect(
      fast.initializeResult({
        protocolVersion: '2025-11-25',
        capabilities: { tools: { listChanged: true }, resources: { subscribe: true }, logging: {}, experimental: { x: {} } },
        serverInfo: { name: 'srv', version: '1.0.0', title: 'Server' },
        instructions: 'hi',
      }),
    ).toBe(true);
    expect(
      fast.listToolsResult({
        tools: [
          {
            name: 'echo',
            description: 'Echo',
            inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'], additionalProperties: false },
            annotations: { readOnlyHint: true },
          },
        ],
      }),
    ).toBe(true);
    expect(fast.callToolResult({ content: [{ type: 'text', text: 'ok' }], structuredContent: { a: 1 }, isError: false })).toBe(true);
  });

  it.each([
    ['a null cursor, which zod rewrites', fast.listToolsResult, { tools: [], nextCursor: null }],
    ['the 2024-11-05 toolResult shape, which zod rewrites', fast.callToolResult, { toolResult: { x: 1 } }],
    ['an image block, left to zod', fast.callToolResult, { content: [{ type: 'image', data: 'AA==', mimeType: 'image/png' }] }],
    [
      'a text block with annotations, left to zod',
      fast.callToolResult,
      { content: [{ type: 'text', text: 'x', annotations: { priority: 1 } }] },
    ],
    ['a tool with icons, left to zod', fast.tool, { name: 't', inputSchema: { type: 'object' }, icons: [] }],
    ['a numeric tool name', fast.tool, { name: 1, inputSchema: { type: 'object' } }],
    ['an inputSchema that is not an object schema', fast.tool, { name: 't', inputSchema: { type: 'string' } }],
    ['a missing serverInfo', fast.initializeResult, { protocolVersion: '2025-11-25', capabilities: {} }],
    ['a string isError', fast.callToolResult, { content: [], isError: 'no' }],
    ['an array', fast.emptyResult, []],
  ])('send %s to zod', (_what, guard, value) => {
    expect(guard(value)).toBe(false);
  });
});
