import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import { checkMessage, isNotification, isRequest, type JsonRpcMessage } from '../../src/jsonrpc/messages.js';
import { MODERN_PROTOCOL_VERSIONS, ModernRequestMetaSchema, PROTOCOL_VERSION_KEY } from '../../src/types/modern/index.js';
import { EXAMPLE_MAPPINGS, UNMAPPED_EXAMPLES, type ExampleMapping } from './modern-example-mapping.js';
import { MODERN_REVISION } from './modern-official.js';
import { SPEC_DIR } from './official.js';

const EXAMPLES_DIR = `${SPEC_DIR}${MODERN_REVISION}/examples/`;

const folders = readdirSync(EXAMPLES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const examples = folders.flatMap((folder) =>
  readdirSync(`${EXAMPLES_DIR}${folder}`)
    .filter((file) => file.endsWith('.json'))
    .map((file) => [`${folder}/${file}`, folder, JSON.parse(readFileSync(`${EXAMPLES_DIR}${folder}/${file}`, 'utf8')) as unknown] as const),
);

/** What is wrong when `schema` reads `value`: a rejection, or a result that differs from the input. */
function misread(schema: ZodType, value: unknown, what: string): string[] {
  const parsed = schema.safeParse(value);
  if (!parsed.success) return [`${what} rejected: ${parsed.error.message}`];
  return isDeepStrictEqual(parsed.data, value) ? [] : [`${what} changed into ${JSON.stringify(parsed.data)}`];
}

function message(example: unknown): JsonRpcMessage {
  const checked = checkMessage(example);
  if (typeof checked === 'string') throw new Error(`not a JSON-RPC message: ${checked}`);
  return checked;
}

/** Everything our code gets wrong about one example, following its folder's mapping. */
function problems(mapping: ExampleMapping, example: unknown): string[] {
  switch (mapping.kind) {
    case 'type':
      return misread(mapping.schema, example, 'the example');
    case 'request': {
      const request = message(example);
      if (!isRequest(request)) return ['not a request'];
      const meta = ModernRequestMetaSchema.safeParse(request.params?._meta);
      const version = meta.success ? meta.data[PROTOCOL_VERSION_KEY] : undefined;
      return [
        ...(request.method === mapping.method ? [] : [`method ${request.method}, expected ${mapping.method}`]),
        ...((MODERN_PROTOCOL_VERSIONS as readonly unknown[]).includes(version)
          ? []
          : [`protocol version ${String(version)} is not modern`]),
        ...misread(mapping.params, request.params, 'params'),
      ];
    }
    case 'notification': {
      const notification = message(example);
      if (!isNotification(notification)) return ['not a notification'];
      return [
        ...(notification.method === mapping.method ? [] : [`method ${notification.method}, expected ${mapping.method}`]),
        ...misread(mapping.params, notification.params, 'params'),
      ];
    }
    case 'result': {
      const response = message(example);
      if (!('result' in response)) return ['not a result response'];
      return misread(mapping.result, response.result, 'result');
    }
    case 'error': {
      const response = message(example);
      if (!('error' in response)) return ['not an error response'];
      const { code, data } = response.error;
      return [
        ...(code === mapping.code ? [] : [`code ${code}, expected ${mapping.code}`]),
        ...(mapping.data === undefined
          ? data === undefined
            ? []
            : ['has data, which no schema reads']
          : misread(mapping.data, data, 'error.data')),
      ];
    }
    case 'error-object': {
      const response = message({ jsonrpc: '2.0', id: 0, error: example });
      if (!('error' in response)) return ['not an error'];
      return response.error.code === mapping.code ? [] : [`code ${response.error.code}, expected ${mapping.code}`];
    }
  }
}

describe('the official 2026-07-28 examples', () => {
  it('are there to read', () => {
    expect(folders.length).toBeGreaterThan(0);
    expect(folders.filter((folder) => !examples.some(([, of]) => of === folder))).toEqual([]);
  });

  it('each sit in a folder that is mapped, or deliberately unmapped with a reason', () => {
    expect(folders.filter((folder) => !(folder in EXAMPLE_MAPPINGS) && !(folder in UNMAPPED_EXAMPLES))).toEqual([]);
  });

  it('leave no stale rows in the example tables', () => {
    const stale = [...Object.keys(EXAMPLE_MAPPINGS), ...Object.keys(UNMAPPED_EXAMPLES)].filter((folder) => !folders.includes(folder));
    const both = Object.keys(UNMAPPED_EXAMPLES).filter((folder) => folder in EXAMPLE_MAPPINGS);
    expect([...stale, ...both]).toEqual([]);
  });

  const mapped = examples.flatMap(([file, folder, example]) => {
    const mapping = EXAMPLE_MAPPINGS[folder];
    return mapping === undefined ? [] : [[file, mapping, example] as const];
  });

  it.each(mapped)('%s is read by our schemas and kept unchanged', (_file, mapping, example) => {
    expect(problems(mapping, example)).toEqual([]);
  });
});
