import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Mapping } from './mapping.js';
import { MODERN_MAPPINGS, MODERN_RELAXED_REQUIRED, MODERN_SAMPLE_FIXES } from './modern-mapping.js';
import { modernSampleSource as spec } from './modern-official.js';
import { sample, unionWidth, type SampleOptions } from './sample.js';
import { locate } from './support.js';

const rows = MODERN_MAPPINGS.flatMap((row) => {
  const path = locate(spec, row);
  return path === undefined ? [] : [[row.name, row, path] as const];
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A sample of the row's official node, made acceptable where the row deliberately narrows it. */
function sampleFor(row: Mapping, path: string, options: SampleOptions): unknown {
  const instance = sample(spec, spec.find(path) ?? {}, options);
  const fix = MODERN_SAMPLE_FIXES[row.name];
  return fix !== undefined && isRecord(instance) ? fix(instance) : instance;
}

describe('samples generated from the official 2026-07-28 schema', () => {
  it.each(rows)('are accepted unchanged by %s, unknown members included', (_name, row, path) => {
    const node = spec.find(path) ?? {};
    const failures: string[] = [];
    let tried = 0;
    for (const members of ['required', 'all'] as const) {
      for (let variant = 0; variant < unionWidth(spec, node); variant++) {
        for (const unknownMembers of [false, true]) {
          const options: SampleOptions = { members, variant, unknownMembers };
          const instance = sampleFor(row, path, options);
          const parsed = row.schema.safeParse(instance);
          const label = `${JSON.stringify(options)} ${JSON.stringify(instance)}`;
          tried++;
          if (!parsed.success) failures.push(`rejected ${label}: ${parsed.error.message}`);
          else if (!isDeepStrictEqual(parsed.data, instance)) failures.push(`changed ${label} into ${JSON.stringify(parsed.data)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(4);
  });

  it('have a fix only for rows that exist', () => {
    const names = new Set(MODERN_MAPPINGS.map((row) => row.name));
    expect(Object.keys(MODERN_SAMPLE_FIXES).filter((name) => !names.has(name))).toEqual([]);
  });
});

describe('members required by the official 2026-07-28 schema', () => {
  const withRequired = rows.filter(([, , path]) => (spec.resolve(spec.find(path) ?? {}).required ?? []).length > 0);

  it.each(withRequired)('are enforced by %s unless relaxed with a reason', (_name, row, path) => {
    const node = spec.resolve(spec.find(path) ?? {});
    const complete = sampleFor(row, path, { members: 'required', variant: 0, unknownMembers: false }) as Record<string, unknown>;
    expect(row.schema.safeParse(complete).success).toBe(true);
    const wrong: string[] = [];
    for (const member of node.required ?? []) {
      const { [member]: _dropped, ...without } = complete;
      const mustReject = !(`${row.name}.${member}` in MODERN_RELAXED_REQUIRED);
      const rejected = !row.schema.safeParse(without).success;
      if (rejected !== mustReject) wrong.push(`${member}: ${rejected ? 'rejected' : 'accepted'} when missing`);
    }
    expect(wrong).toEqual([]);
  });

  it('are relaxed only where the official schema requires them', () => {
    const required = new Set(
      rows.flatMap(([name, , path]) => (spec.resolve(spec.find(path) ?? {}).required ?? []).map((member) => `${name}.${member}`)),
    );
    expect(Object.keys(MODERN_RELAXED_REQUIRED).filter((entry) => !required.has(entry))).toEqual([]);
  });
});
