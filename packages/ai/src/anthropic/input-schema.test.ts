import { describe, expect, it } from 'vitest';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';
import { toAnthropicInputSchema } from './input-schema.js';

const where = { server: 'files', tool: 'pick' };

describe('input schemas for the Messages API', () => {
  it('keeps an object schema whole', () => {
    const schema = { type: 'object', properties: { path: { type: 'string' } }, required: ['path'], additionalProperties: false };
    expect(toAnthropicInputSchema(schema, where)).toEqual(schema);
  });

  it('refuses a top-level anyOf with an error naming the server, the tool and why', () => {
    let error: unknown;
    try {
      toAnthropicInputSchema({ type: 'object', anyOf: [{ required: ['a'] }, { required: ['b'] }] }, where);
    } catch (caught) {
      error = caught;
    }
    expect(UnsupportedSchemaError.isInstance(error)).toBe(true);
    expect((error as Error).message).toBe(
      'server "files": tool "pick": its input schema cannot be sent to Anthropic: it has "anyOf" at its top level, which the API does not accept; leave the tool out (the adapter\'s select option) or fix its schema on the server',
    );
  });

  it('refuses a schema whose type is not object', () => {
    expect(() => toAnthropicInputSchema({ type: 'array' }, where)).toThrow('its type is "array", and the API takes only "object"');
  });
});
