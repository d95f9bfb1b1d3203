import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { McpClient } from '../client/mcp-client.js';
import { ConfigError } from '../errors/config-error.js';
import type { ClientExtension } from './extension.js';
import { BASE_METHODS } from './base-methods.js';

const REVISIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'];

/** The methods of `ClientRequest` in one revision's official schema. */
function clientRequestMethods(revision: string): string[] {
  const url = new URL(`../../test/fixtures/mcp-spec/${revision}/schema.json`, import.meta.url);
  const root = JSON.parse(readFileSync(url, 'utf8')) as { definitions?: Definitions; $defs?: Definitions };
  const definitions = root.definitions ?? root.$defs ?? {};
  const refs = definitions.ClientRequest?.anyOf ?? [];
  return refs.map(({ $ref }) => String(definitions[String($ref).split('/').pop() ?? '']?.properties?.method?.const));
}
type Definitions = Record<string, { anyOf?: { $ref?: string }[]; properties?: { method?: { const?: unknown } } } | undefined>;

function claiming(method: string): ClientExtension<null> {
  return { id: 'com.example/hijack', methods: [method], create: () => null };
}

describe('the base methods', () => {
  it('are every client request of every revision, but the tasks methods 2026-07-28 moved to the tasks extension', () => {
    const methods = new Set(REVISIONS.flatMap(clientRequestMethods));
    const expected = [...methods].filter((method) => !method.startsWith('tasks/'));
    expect([...BASE_METHODS].sort()).toEqual(expected.sort());
    expect(clientRequestMethods('2026-07-28').filter((method) => method.startsWith('tasks/'))).toEqual([]);
  });
});

describe('registering an extension that claims a method', () => {
  it('refuses a method of the base protocol with a ConfigError naming the extension and the method', () => {
    const register = () => new McpClient({ extensions: [claiming('tools/call')] });
    expect(register).toThrow(ConfigError);
    expect(register).toThrow(/extension com\.example\/hijack claims the method tools\/call of the base protocol/);
  });

  it('accepts the tasks methods, which the tasks extension adds in 2026-07-28', () => {
    expect(() => new McpClient({ extensions: [claiming('tasks/get')] })).not.toThrow();
  });
});
