import { describe, expect, it } from 'vitest';
import { ZodType } from 'zod';
import * as types from '../../src/types/index.js';
import * as modern from '../../src/types/modern/index.js';
import { checkCompatible } from './compat.js';
import { MAPPINGS, MISSING_PROPERTY_EXCEPTIONS, UNMAPPED } from './mapping.js';
import { REVISIONS, official, type JsonSchema } from './official.js';
import { isAtLeast, locate, toJsonSchema } from './support.js';

const missingAllowed = (path: string) => path.replace(/<\d+>/g, '') in MISSING_PROPERTY_EXCEPTIONS;

describe.each(REVISIONS)('the official %s schema', (revision) => {
  const spec = official(revision);

  it('has every definition either mapped to one of our schemas or listed as unmapped with a reason', () => {
    const mapped = new Set(MAPPINGS.map((row) => locate(spec, row)).filter((path) => path !== undefined));
    const unaccounted = Object.keys(spec.definitions).filter((name) => !mapped.has(name) && !(name in UNMAPPED));
    expect(unaccounted).toEqual([]);
  });

  it.each(MAPPINGS.map((row) => [row.name, row] as const))('is covered by %s', (_name, row) => {
    const path = locate(spec, row);
    const expected = isAtLeast(revision, row.since ?? '2024-11-05');
    expect(path === undefined ? 'absent' : 'present').toBe(expected ? 'present' : 'absent');
    if (path === undefined) return;
    const node = spec.find(path) ?? {};
    expect(checkCompatible(toJsonSchema(row.schema), node, row.name, { official: spec, missingAllowed })).toEqual([]);
  });
});

describe('the mapping tables', () => {
  it('list as unmapped only definitions that exist and that no row maps whole', () => {
    const stale = Object.keys(UNMAPPED).filter((name) =>
      REVISIONS.every((revision) => {
        const spec = official(revision);
        return !(name in spec.definitions) || MAPPINGS.some((row) => locate(spec, row) === name);
      }),
    );
    expect(stale).toEqual([]);
  });

  it('list only property exceptions that some revision needs', () => {
    const needed = new Set<string>();
    for (const revision of REVISIONS) {
      const spec = official(revision);
      for (const row of MAPPINGS) {
        const path = locate(spec, row);
        if (path === undefined) continue;
        const problems = checkCompatible(toJsonSchema(row.schema), spec.find(path) ?? {}, row.name, {
          official: spec,
          missingAllowed: () => false,
        });
        for (const problem of problems) needed.add(problem.replace(/<\d+>/g, '').split(':')[0] ?? '');
      }
    }
    expect(Object.keys(MISSING_PROPERTY_EXCEPTIONS).filter((path) => !needed.has(path))).toEqual([]);
  });
});

/** Every object node in a JSON Schema, with its path. */
function* objects(node: JsonSchema, path: string): Generator<[string, JsonSchema]> {
  if (node.type === 'object') yield [path, node];
  for (const [name, child] of Object.entries(node.properties ?? {})) yield* objects(child, `${path}.${name}`);
  for (const [i, child] of (node.anyOf ?? node.oneOf ?? []).entries()) yield* objects(child, `${path}<${i}>`);
  if (node.items !== undefined) yield* objects(node.items, `${path}[]`);
  if (typeof node.additionalProperties === 'object') yield* objects(node.additionalProperties, `${path}.*`);
}

describe('our schemas', () => {
  const exported = Object.entries(types).flatMap(([name, value]) =>
    name.endsWith('Schema') && value instanceof ZodType ? [[name, value] as const] : [],
  );

  it('are all in the mapping table, except those without an official counterpart', () => {
    const withoutCounterpart = ['MetaSchema', 'LegacyProtocolVersionSchema'];
    const mapped = new Set(MAPPINGS.map((row) => row.name));
    // The 2026-07-28 schemas have their own table, checked by modern-coverage.test.ts.
    const legacy = exported.map(([name]) => name).filter((name) => !(name in modern));
    expect(legacy.filter((name) => !mapped.has(name) && !withoutCounterpart.includes(name))).toEqual([]);
  });

  it.each(exported)('%s keeps unknown members of every object it declares', (_name, schema) => {
    const closed = [...objects(toJsonSchema(schema), '')].filter(([, node]) => {
      const extra = node.additionalProperties;
      return extra === undefined || extra === false;
    });
    expect(closed.map(([path]) => path)).toEqual([]);
  });
});
