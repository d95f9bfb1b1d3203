import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MAPPINGS, RELAXED_REQUIRED, type Mapping } from './mapping.js';
import { REVISIONS, official, type OfficialSchema } from './official.js';
import { sample, unionWidth, type SampleOptions } from './sample.js';
import { locate } from './support.js';

const rowsIn = (spec: OfficialSchema) =>
  MAPPINGS.flatMap((row) => {
    const path = locate(spec, row);
    return path === undefined ? [] : [[row.name, row, path] as const];
  });

describe.each(REVISIONS)('samples generated from the official %s schema', (revision) => {
  const spec = official(revision);

  it.each(rowsIn(spec))('are accepted by %s, unknown members included', (_name, row, path) => {
    const node = spec.find(path) ?? {};
    const failures: string[] = [];
    for (const members of ['required', 'all'] as const) {
      for (let variant = 0; variant < unionWidth(spec, node); variant++) {
        for (const unknownMembers of [false, true]) {
          const options: SampleOptions = { members, variant, unknownMembers };
          const instance = sample(spec, node, options);
          const parsed = row.schema.safeParse(instance);
          const label = `${JSON.stringify(options)} ${JSON.stringify(instance)}`;
          if (!parsed.success) failures.push(`rejected ${label}: ${parsed.error.message}`);
          else if (!isDeepStrictEqual(parsed.data, instance)) failures.push(`changed ${label} into ${JSON.stringify(parsed.data)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

/** Whether every revision that has the row as an object requires the member. */
function requiredEverywhere(row: Mapping, member: string): boolean {
  return REVISIONS.every((revision) => {
    const spec = official(revision);
    const path = locate(spec, row);
    if (path === undefined) return true;
    const node = spec.resolve(spec.find(path) ?? {});
    return node.properties === undefined || (node.required ?? []).includes(member);
  });
}

describe.each(REVISIONS)('members required by the official %s schema', (revision) => {
  const spec = official(revision);
  const rows = rowsIn(spec).filter(([, , path]) => (spec.resolve(spec.find(path) ?? {}).required ?? []).length > 0);

  it.each(rows)('are enforced by %s when every revision requires them, and only then', (_name, row, path) => {
    const node = spec.resolve(spec.find(path) ?? {});
    const complete = sample(spec, node, { members: 'required', variant: 0, unknownMembers: false }) as Record<string, unknown>;
    expect(row.schema.safeParse(complete).success).toBe(true);
    const wrong: string[] = [];
    for (const member of node.required ?? []) {
      const { [member]: _dropped, ...without } = complete;
      const mustReject = requiredEverywhere(row, member) && !(`${row.name}.${member}` in RELAXED_REQUIRED);
      const rejected = !row.schema.safeParse(without).success;
      if (rejected !== mustReject) wrong.push(`${member}: ${rejected ? 'rejected' : 'accepted'} when missing`);
    }
    expect(wrong).toEqual([]);
  });
});
