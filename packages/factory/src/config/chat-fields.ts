import { FieldReader, asTable, describeValue } from './fields.js';
import { interpolateDeep } from './interpolate-deep.js';
import type { Lookup } from './interpolate.js';
import { readKeys, type Found, type KeySpec } from './keys.js';
import type { Report } from './problem.js';
import type { ChatConfig, ChatProviderName } from './types.js';

/** The keys of the `chat` table. */
export const CHAT_KEYS: KeySpec = { keys: ['provider', 'model', 'maxSteps', 'maxTokens', 'system'] };

/** The providers a `chat` table may name. */
export const CHAT_PROVIDERS: readonly ChatProviderName[] = ['anthropic', 'openai'];

const EXAMPLE = '"chat": { "provider": "anthropic", "model": "claude-sonnet-4-5" }';

/**
 * Validates the `chat` table, with `${VAR}` expanded in every string; undefined when it has
 * problems, reported at `chat.<field>`.
 */
export function validateChat(value: unknown, lookup: Lookup, report: Report): ChatConfig | undefined {
  const table = asTable(value);
  if (table === undefined) {
    report('chat', `must be a table, got ${describeValue(value)}`, `write ${EXAMPLE}`);
    return undefined;
  }
  let ok = true;
  const fail: Report = (field, message, fix) => {
    ok = false;
    report(field, message, fix);
  };
  const keys = readKeys(table, CHAT_KEYS, fail, 'chat.');
  const unresolved = new Set<string>();
  const expanded = new Map<string, Found>(
    [...keys].map(([name, found]) => {
      const noteUnresolved: Report = (field, message, fix) => {
        unresolved.add(name);
        fail(field, message, fix);
      };
      return [name, { key: found.key, value: interpolateDeep(found.value, `chat.${found.key}`, lookup, noteUnresolved) }];
    }),
  );
  const fields = new FieldReader(expanded, fail, 'chat.', unresolved);
  const provider = fields.oneOf('provider', CHAT_PROVIDERS);
  const model = fields.text('model', { nonEmpty: true });
  const maxSteps = fields.integer('maxSteps', 1);
  const maxTokens = fields.integer('maxTokens', 1);
  const system = fields.text('system');
  if (!ok) return undefined;
  return {
    ...(provider === undefined ? {} : { provider }),
    ...(model === undefined ? {} : { model }),
    ...(maxSteps === undefined ? {} : { maxSteps }),
    ...(maxTokens === undefined ? {} : { maxTokens }),
    ...(system === undefined ? {} : { system }),
  };
}
