import { describe, expect, it } from 'vitest';
import { ZodType } from 'zod';
import * as modern from '../../src/types/modern/index.js';
import { checkCompatible } from './compat.js';
import { MODERN_MAPPINGS, MODERN_NARROWED, MODERN_UNMAPPED } from './modern-mapping.js';
import { modernOfficial as spec } from './modern-official.js';
import type { JsonSchema } from './official.js';
import { locate, toJsonSchema } from './support.js';

const pathOf = (problem: string) => problem.split(':')[0] ?? '';

/** The compatibility problems of a row, those listed in MODERN_NARROWED included. */
function problemsOf(name: string): string[] {
  const row = MODERN_MAPPINGS.find((candidate) => candidate.name === name);
  const path = row === undefined ? undefined : locate(spec, row);
  if (row === undefined || path === undefined) return [`${name}: no official counterpart found`];
  return checkCompatible(toJsonSchema(row.schema), spec.find(path) ?? {}, row.name, { official: spec, missingAllowed: () => false });
}

describe('the official 2026-07-28 schema', () => {
  it('has every definition either mapped to one of our schemas or listed as unmapped with a reason', () => {
    const mapped = new Set(MODERN_MAPPINGS.map((row) => locate(spec, row)));
    const unaccounted = Object.keys(spec.definitions).filter((name) => !mapped.has(name) && !(name in MODERN_UNMAPPED));
    expect(unaccounted).toEqual([]);
  });

  it.each(MODERN_MAPPINGS.map((row) => [row.name, row] as const))('is covered by %s', (name, row) => {
    expect(locate(spec, row), `${row.official.join(' or ')} is not in the official schema`).toBeDefined();
    expect(problemsOf(name).filter((problem) => !(pathOf(problem) in MODERN_NARROWED))).toEqual([]);
  });
});

describe('the 2026-07-28 mapping tables', () => {
  it('list as unmapped only definitions that exist and that no row maps whole', () => {
    const mapped = new Set(MODERN_MAPPINGS.map((row) => locate(spec, row)));
    expect(Object.keys(MODERN_UNMAPPED).filter((name) => !(name in spec.definitions) || mapped.has(name))).toEqual([]);
  });

  it('name each of our schemas once', () => {
    const names = MODERN_MAPPINGS.map((row) => row.name);
    expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([]);
  });

  it('list only narrowings that the compatibility check still reports', () => {
    const reported = new Set(MODERN_MAPPINGS.flatMap((row) => problemsOf(row.name).map(pathOf)));
    expect(Object.keys(MODERN_NARROWED).filter((path) => !reported.has(path))).toEqual([]);
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

describe('our 2026-07-28 schemas', () => {
  const exported = Object.entries(modern).flatMap(([name, value]) =>
    name.endsWith('Schema') && value instanceof ZodType ? [[name, value] as const] : [],
  );

  it('are all in the mapping table', () => {
    const mapped = new Set(MODERN_MAPPINGS.map((row) => row.name));
    expect(exported.length).toBeGreaterThan(0);
    expect(exported.map(([name]) => name).filter((name) => !mapped.has(name))).toEqual([]);
  });

  it.each(exported)('%s keeps unknown members of every object it declares', (_name, schema) => {
    const closed = [...objects(toJsonSchema(schema), '')].filter(([, node]) => {
      const extra = node.additionalProperties;
      return extra === undefined || extra === false;
    });
    expect(closed.map(([path]) => path)).toEqual([]);
  });
});
