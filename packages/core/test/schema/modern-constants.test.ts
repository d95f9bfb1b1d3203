import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LEGACY_PROTOCOL_VERSIONS } from '../../src/types/index.js';
import {
  CLIENT_CAPABILITIES_KEY,
  CLIENT_INFO_KEY,
  LOG_LEVEL_KEY,
  MODERN_PROTOCOL_VERSIONS,
  ModernRequestMetaSchema,
  PROTOCOL_VERSION_KEY,
  SERVER_INFO_KEY,
  SUBSCRIPTION_ID_KEY,
  TRACE_KEYS,
} from '../../src/types/modern/index.js';
import { modernOfficial as spec } from './modern-official.js';
import { SPEC_DIR } from './official.js';

const declared = (definition: string) => Object.keys(spec.resolve(spec.definitions[definition] ?? {}).properties ?? {});

describe('the _meta keys', () => {
  it('are the ones the official schema declares on requests, results and notifications', () => {
    expect(declared('RequestMetaObject')).toEqual(
      expect.arrayContaining([PROTOCOL_VERSION_KEY, CLIENT_INFO_KEY, CLIENT_CAPABILITIES_KEY, LOG_LEVEL_KEY]),
    );
    expect(declared('ResultMetaObject')).toContain(SERVER_INFO_KEY);
    expect(declared('NotificationMetaObject')).toContain(SUBSCRIPTION_ID_KEY);
    expect(declared('SubscriptionsListenResultMetaObject')).toContain(SUBSCRIPTION_ID_KEY);
  });

  it('include the trace keys, each declared by the request envelope', () => {
    expect(Object.keys(ModernRequestMetaSchema.shape)).toEqual(expect.arrayContaining([...TRACE_KEYS]));
  });
});

describe('the modern protocol versions', () => {
  it('each have an official schema and are not legacy revisions', () => {
    for (const version of MODERN_PROTOCOL_VERSIONS) {
      expect(existsSync(`${SPEC_DIR}${version}/schema.json`)).toBe(true);
      expect((LEGACY_PROTOCOL_VERSIONS as readonly string[]).includes(version)).toBe(false);
    }
  });

  it('list the newest first, after every legacy revision', () => {
    expect([...MODERN_PROTOCOL_VERSIONS].sort().reverse()).toEqual([...MODERN_PROTOCOL_VERSIONS]);
    expect(MODERN_PROTOCOL_VERSIONS.every((version) => LEGACY_PROTOCOL_VERSIONS.every((legacy) => version > legacy))).toBe(true);
  });
});
