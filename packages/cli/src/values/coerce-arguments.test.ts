import { describe, expect, it } from 'vitest';
import { buildArguments, convert } from './coerce-arguments.js';
import type { JsonSchema } from './schema-types.js';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    count: { type: 'integer' },
    ratio: { type: 'number' },
    dry: { type: 'boolean' },
    tags: { type: 'array', items: { type: 'string' } },
    sizes: { type: 'array', items: { type: 'number' } },
    filter: { type: 'object' },
    mode: { type: 'string', enum: ['fast', 'slow'] },
    limit: { type: ['integer', 'null'] },
  },
  required: ['name'],
};

describe('buildArguments', () => {
  it('types each key=value from its property schema', () => {
    expect(
      buildArguments(
        ['name=Ada', 'count=3', 'ratio=0.5', 'dry=yes', 'tags=a,b', 'sizes=1, 2', 'filter={"x":1}', 'mode=fast', 'limit=null'],
        undefined,
        schema,
        't',
      ),
    ).toEqual({
      name: 'Ada',
      count: 3,
      ratio: 0.5,
      dry: true,
      tags: ['a', 'b'],
      sizes: [1, 2],
      filter: { x: 1 },
      mode: 'fast',
      limit: null,
    });
  });

  it('keeps strings that look like numbers as strings when the schema says string, and = inside values', () => {
    expect(buildArguments(['name=007=bond'], undefined, schema, 't')).toEqual({ name: '007=bond' });
  });

  it('starts from the JSON object, key=value and key:=json on top', () => {
    expect(buildArguments(['count:=5', 'tags:=["x"]'], '{"name":"Ada","count":1}', schema, 't')).toEqual({
      name: 'Ada',
      count: 5,
      tags: ['x'],
    });
  });

  it('refuses values of the wrong type, unknown keys, missing required ones and values outside an enum', () => {
    expect(() => buildArguments(['name=a', 'count=1.5'], undefined, schema, 't')).toThrow('argument "count" must be integer, got "1.5"');
    expect(() => buildArguments(['name=a', 'cuont=1'], undefined, schema, 't')).toThrow('t has no argument "cuont"; did you mean "count"?');
    expect(() => buildArguments(['count=1'], undefined, schema, 't')).toThrow('t needs the argument name (string)');
    expect(() => buildArguments(['name=a', 'mode=medium'], undefined, schema, 't')).toThrow(
      'argument "mode" must be one of "fast", "slow", got "medium"',
    );
    expect(() => buildArguments(['name'], undefined, schema, 't')).toThrow('"name" is not an argument; write key=value');
    expect(() => buildArguments([], '[1]', schema, 't')).toThrow('the JSON arguments must be an object');
  });

  it('checks the JSON arguments as it checks key=value: types, unknown keys, enums, items', () => {
    expect(() => buildArguments([], '{"name":"a","count":"3"}', schema, 't')).toThrow('argument "count" must be integer, got "3"');
    expect(() => buildArguments([], '{"name":"a","count":1.5}', schema, 't')).toThrow('argument "count" must be integer, got 1.5');
    expect(() => buildArguments([], '{"name":"a","cuont":1}', schema, 't')).toThrow('t has no argument "cuont"; did you mean "count"?');
    expect(() => buildArguments([], '{"name":"a","mode":"medium"}', schema, 't')).toThrow(
      'argument "mode" must be one of "fast", "slow", got "medium"',
    );
    expect(() => buildArguments([], '{"name":"a","sizes":[1,"x"]}', schema, 't')).toThrow('argument "sizes[1]" must be number, got "x"');
    expect(() => buildArguments([], '{"name":"a","limit":"none"}', schema, 't')).toThrow(
      'argument "limit" must be integer | null, got "none"',
    );
    expect(buildArguments([], '{"name":"a","limit":null,"filter":{"any":[1]}}', schema, 't')).toEqual({
      name: 'a',
      limit: null,
      filter: { any: [1] },
    });
  });

  it('checks key:=json values against the schema too', () => {
    expect(() => buildArguments(['name=a', 'count:="5"'], undefined, schema, 't')).toThrow('argument "count" must be integer, got "5"');
    expect(() => buildArguments(['name=a', 'cuont:=5'], undefined, schema, 't')).toThrow('t has no argument "cuont"');
  });

  it('checks nested objects: property types, required keys, unknown keys when closed', () => {
    const nested: JsonSchema = {
      type: 'object',
      properties: {
        entities: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
            required: ['name'],
            additionalProperties: false,
          },
        },
      },
    };
    expect(() => buildArguments([], '{"entities":[{"name":7}]}', nested, 't')).toThrow('argument "entities[0].name" must be string, got 7');
    expect(() => buildArguments([], '{"entities":[{"tags":[]}]}', nested, 't')).toThrow('argument "entities[0]" needs "name" (string)');
    expect(() => buildArguments([], '{"entities":[{"name":"Ada","nmae":"x"}]}', nested, 't')).toThrow(
      'argument "entities[0]" has no key "nmae"',
    );
    expect(buildArguments([], '{"entities":[{"name":"Ada","tags":["x"]}]}', nested, 't')).toEqual({
      entities: [{ name: 'Ada', tags: ['x'] }],
    });
  });

  it('accepts any key as a string when the schema lists no properties', () => {
    expect(buildArguments(['anything=1'], undefined, { type: 'object' }, 't')).toEqual({ anything: '1' });
    expect(buildArguments([], '{"anything":[1]}', { type: 'object' }, 't')).toEqual({ anything: [1] });
  });
});

describe('convert', () => {
  it('tries each type of a union in order', () => {
    expect(convert('12', { anyOf: [{ type: 'number' }, { type: 'string' }] }, 'x')).toBe(12);
    expect(convert('twelve', { anyOf: [{ type: 'number' }, { type: 'string' }] }, 'x')).toBe('twelve');
  });
});
