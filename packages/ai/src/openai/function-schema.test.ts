import { describe, expect, it } from 'vitest';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';
import { toOpenAIParameters } from './function-schema.js';

const where = { server: 'files', tool: 'pick' };

function refusal(schema: unknown, strict = false): string {
  try {
    toOpenAIParameters(schema, where, { strict });
  } catch (error) {
    expect(UnsupportedSchemaError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
  throw new Error('the schema was not refused');
}

describe('function parameters for OpenAI', () => {
  it('adds the properties an object schema without them lacks, which the API requires', () => {
    expect(toOpenAIParameters({ type: 'object' }, where)).toMatchObject({ parameters: { type: 'object', properties: {} }, strict: false });
  });

  it('refuses a schema that is not of type object, naming the server, the tool and why', () => {
    expect(refusal({ type: 'array' })).toBe(
      'server "files": tool "pick": its input schema cannot be sent to OpenAI: its type is "array", and function parameters must be of type "object"; leave the tool out (the adapter\'s select option) or fix its schema on the server',
    );
    expect(refusal({ type: 'object', anyOf: [] })).toContain('it has "anyOf" at its top level');
  });
});

describe('strict function parameters', () => {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      path: { type: 'string' },
      depth: { type: 'integer', default: 1 },
      mode: { type: 'string', enum: ['a', 'b'] },
      options: { type: 'object', properties: { follow: { type: 'boolean' } } },
    },
    required: ['path'],
  };

  it('closes every object, requires every property and makes the optional ones nullable', () => {
    expect(toOpenAIParameters(schema, where, { strict: true }).parameters).toEqual({
      type: 'object',
      properties: {
        path: { type: 'string' },
        depth: { type: ['integer', 'null'] },
        mode: { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'null' }] },
        options: {
          type: ['object', 'null'],
          properties: { follow: { type: ['boolean', 'null'] } },
          required: ['follow'],
          additionalProperties: false,
        },
      },
      required: ['path', 'depth', 'mode', 'options'],
      additionalProperties: false,
    });
  });

  it('leaves out the nulls the model gives for optional properties, at any depth, and keeps the rest', () => {
    const { restore } = toOpenAIParameters(schema, where, { strict: true });
    expect(restore({ path: 'a', depth: null, mode: 'b', options: { follow: null } })).toEqual({ path: 'a', mode: 'b', options: {} });
  });

  it('refuses a free-form object, additional properties and keywords strict mode does not take', () => {
    expect(refusal({ type: 'object', properties: { meta: { type: 'object' } } }, true)).toContain(
      'the object at "meta" has no properties (a free-form object), which strict mode refuses',
    );
    expect(refusal({ type: 'object', properties: {}, additionalProperties: { type: 'string' } }, true)).toContain(
      'takes additional properties',
    );
    expect(refusal({ type: 'object', properties: { name: { type: 'string', minLength: 1 } } }, true)).toContain(
      '"minLength" at "name" is not supported in strict mode',
    );
  });

  it('refuses a free-form object among the definitions, naming it', () => {
    const schema = { type: 'object', properties: { meta: { $ref: '#/$defs/Meta' } }, $defs: { Meta: { type: 'object' } } };
    expect(refusal(schema, true)).toContain('the object at "$defs.Meta" has no properties (a free-form object)');
  });

  it('leaves out the nulls of optional properties of a definition, through $ref, in arrays and recursively', () => {
    const schema = {
      type: 'object',
      properties: { root: { $ref: '#/$defs/Node' } },
      required: ['root'],
      $defs: {
        Node: {
          type: 'object',
          properties: { label: { type: 'string' }, note: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/Node' } } },
          required: ['label', 'children'],
        },
      },
    };
    const { restore } = toOpenAIParameters(schema, where, { strict: true });
    const args = { root: { label: 'a', note: null, children: [{ label: 'b', note: null, children: [] }] } };
    expect(restore(args)).toEqual({ root: { label: 'a', children: [{ label: 'b', children: [] }] } });
  });
});
