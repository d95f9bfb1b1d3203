import { describe, expect, it } from 'vitest';
import { readHeaderAnnotations } from './x-mcp-header.js';

const object = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: 'object', properties, ...extra });

describe('readHeaderAnnotations', () => {
  it('finds annotated integer, string and boolean parameters, nested ones included, with their property paths', () => {
    const schema = object({
      region: { type: 'string', 'x-mcp-header': 'Region' },
      priority: { type: 'integer', 'x-mcp-header': 'Priority' },
      target: object({ zone: { type: ['string', 'null'], 'x-mcp-header': 'Zone' } }),
      query: { type: 'string' },
    });
    expect(readHeaderAnnotations(schema)).toEqual({
      parameters: [
        { path: ['region'], name: 'Region' },
        { path: ['priority'], name: 'Priority' },
        { path: ['target', 'zone'], name: 'Zone' },
      ],
    });
  });

  it('finds none in a schema without annotations, or without a schema', () => {
    expect(readHeaderAnnotations(object({ a: { type: 'string' } }))).toEqual({ parameters: [] });
    expect(readHeaderAnnotations(undefined)).toEqual({ parameters: [] });
  });

  it('does not take data or a parameter named x-mcp-header for an annotation', () => {
    const schema = object(
      { 'x-mcp-header': { type: 'object' }, mode: { type: 'string', enum: [{ 'x-mcp-header': 'no' }], default: { 'x-mcp-header': 'no' } } },
      { examples: [{ 'x-mcp-header': 'no' }], 'x-vendor': { 'x-mcp-header': 'no' } },
    );
    expect(readHeaderAnnotations(schema)).toEqual({ parameters: [] });
  });

  it.each([
    ['empty', object({ v: { type: 'string', 'x-mcp-header': '' } }), 'is empty'],
    ['not a string', object({ v: { type: 'string', 'x-mcp-header': 7 } }), 'is empty'],
    ['with a space', object({ v: { type: 'string', 'x-mcp-header': 'My Region' } }), 'is not an HTTP header name token'],
    ['with a colon', object({ v: { type: 'string', 'x-mcp-header': 'Region:Primary' } }), 'is not an HTTP header name token'],
    ['non-ASCII', object({ v: { type: 'string', 'x-mcp-header': 'Région' } }), 'is not an HTTP header name token'],
    ['with a control character', object({ v: { type: 'string', 'x-mcp-header': 'Region\t1' } }), 'is not an HTTP header name token'],
    ['with a line feed', object({ v: { type: 'string', 'x-mcp-header': 'Region\n1' } }), 'is not an HTTP header name token'],
    [
      'repeated',
      object({ a: { type: 'string', 'x-mcp-header': 'Region' }, b: { type: 'string', 'x-mcp-header': 'Region' } }),
      'repeats "Region"',
    ],
    [
      'repeated in another case',
      object({ a: { type: 'string', 'x-mcp-header': 'MyField' }, b: { type: 'string', 'x-mcp-header': 'myfield' } }),
      'repeats "MyField"',
    ],
    ['on a number', object({ v: { type: 'number', 'x-mcp-header': 'Score' } }), 'of type "number"'],
    ['on an object', object({ v: { type: 'object', 'x-mcp-header': 'Data' } }), 'of type "object"'],
    ['on an array', object({ v: { type: 'array', items: { type: 'string' }, 'x-mcp-header': 'Items' } }), 'of type "array"'],
    ['on null', object({ v: { type: 'null', 'x-mcp-header': 'Nil' } }), 'of type "null"'],
    ['on a parameter without a type', object({ v: { enum: ['a', 'b'], 'x-mcp-header': 'Mode' } }), 'without a type'],
    ['on a union with number', object({ v: { type: ['string', 'number'], 'x-mcp-header': 'Mixed' } }), 'of type "number"'],
    ['on the root', { type: 'object', 'x-mcp-header': 'Root' }, 'the schema root'],
    ['under items', object({ list: { type: 'array', items: { type: 'string', 'x-mcp-header': 'Item' } } }), '/properties/list/items'],
    ['under anyOf', object({ v: { anyOf: [{ type: 'string', 'x-mcp-header': 'Any' }] } }), '/properties/v/anyOf/0'],
    [
      'under if/then',
      object({}, { if: { properties: { a: { type: 'string' } } }, then: { properties: { a: { type: 'string', 'x-mcp-header': 'A' } } } }),
      '/then/properties/a',
    ],
    [
      'in $defs behind a $ref',
      object({ id: { $ref: '#/$defs/id' } }, { $defs: { id: { type: 'string', 'x-mcp-header': 'Id' } } }),
      '/$defs/id',
    ],
    [
      'under additionalProperties',
      object({}, { additionalProperties: { type: 'string', 'x-mcp-header': 'Extra' } }),
      '/additionalProperties',
    ],
  ])('refuses an annotation %s, saying which rule it breaks', (_, schema, problem) => {
    const read = readHeaderAnnotations(schema);
    expect(read).toEqual({ problem: expect.stringContaining(problem) });
  });
});
