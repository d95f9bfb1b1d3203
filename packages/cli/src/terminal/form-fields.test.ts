import { describe, expect, it } from 'vitest';
import { formFields, parseAnswer, showDefault } from './form-fields.js';

const fields = formFields(
  {
    name: { type: 'string', title: 'Name', minLength: 2 },
    email: { type: 'string', format: 'email' },
    when: { type: 'string', format: 'date' },
    age: { type: 'integer', minimum: 0, maximum: 150, default: 30 },
    ok: { type: 'boolean', default: false },
    color: { type: 'string', enum: ['red', 'green'], enumNames: ['Red', 'Green'], default: 'green' },
    hero: {
      type: 'string',
      oneOf: [
        { const: 'h1', title: 'Superman' },
        { const: 'h2', title: 'Batman' },
      ],
    },
    tools: { type: 'array', items: { type: 'string', enum: ['a', 'b', 'c'] }, minItems: 1, maxItems: 2, default: ['a'] },
  },
  ['name'],
);
const field = (key: string) => fields.find((each) => each.key === key)!;

describe('elicitation form fields', () => {
  it('are read from the requested schema with their kind, choices and defaults', () => {
    expect(fields.map((each) => [each.key, each.kind, each.required])).toEqual([
      ['name', 'string', true],
      ['email', 'string', false],
      ['when', 'string', false],
      ['age', 'integer', false],
      ['ok', 'boolean', false],
      ['color', 'select', false],
      ['hero', 'select', false],
      ['tools', 'multiselect', false],
    ]);
    expect(field('color').choices).toEqual([
      { value: 'red', title: 'Red' },
      { value: 'green', title: 'Green' },
    ]);
    expect(field('hero').choices[1]).toEqual({ value: 'h2', title: 'Batman' });
    expect([showDefault(field('ok')), showDefault(field('color')), showDefault(field('tools')), showDefault(field('name'))]).toEqual([
      'y/N',
      'Green',
      'a',
      undefined,
    ]);
  });

  it('show a default that is an object as JSON, not as [object Object]', () => {
    const [odd] = formFields({ place: { type: 'string', default: { city: 'Lyon' } } as never });
    expect(odd === undefined ? undefined : showDefault(odd)).toBe('{"city":"Lyon"}');
  });

  it('turn an empty answer into the default, or leave an optional field out, or refuse for a required one', () => {
    expect(parseAnswer(field('age'), '')).toEqual({ value: 30 });
    expect(parseAnswer(field('email'), '  ')).toEqual({ skip: true });
    expect(parseAnswer(field('name'), '')).toEqual({ error: 'an answer is required' });
  });

  it('check each answer against its schema', () => {
    expect(parseAnswer(field('name'), 'A')).toEqual({ error: 'at least 2 characters' });
    expect(parseAnswer(field('email'), 'ada@example.com')).toEqual({ value: 'ada@example.com' });
    expect(parseAnswer(field('email'), 'ada')).toMatchObject({ error: expect.stringContaining('email') });
    expect(parseAnswer(field('when'), '2024-02-30x')).toMatchObject({ error: expect.stringContaining('YYYY-MM-DD') });
    expect(parseAnswer(field('age'), '151')).toEqual({ error: 'at most 150' });
    expect(parseAnswer(field('age'), '4.5')).toEqual({ error: 'type a whole number' });
    expect(parseAnswer(field('ok'), 'Yes')).toEqual({ value: true });
    expect(parseAnswer(field('ok'), 'sure')).toEqual({ error: 'answer y or n' });
  });

  it('take a choice by number, value or title', () => {
    expect(parseAnswer(field('hero'), '2')).toEqual({ value: 'h2' });
    expect(parseAnswer(field('hero'), 'superman')).toEqual({ value: 'h1' });
    expect(parseAnswer(field('color'), 'red')).toEqual({ value: 'red' });
    expect(parseAnswer(field('hero'), '3')).toMatchObject({ error: expect.stringContaining('choose one of 1-2') });
    expect(parseAnswer(field('tools'), '1, c, a')).toEqual({ value: ['a', 'c'] });
    expect(parseAnswer(field('tools'), '1,2,3')).toEqual({ error: 'choose at most 2' });
    expect(parseAnswer(field('tools'), 'z')).toMatchObject({ error: expect.stringContaining('"z" is not one of the choices') });
  });
});
