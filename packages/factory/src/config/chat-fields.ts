import { closestMatch } from '@mcpx/core/internal';
import { asTable } from './fields.js';
import type { Lookup } from './interpolate.js';
import type { KeySpec } from './keys.js';
import type { Report } from './problem.js';
import { readSettingsTable } from './settings-table.js';
import { SERVER_KEYS } from './server-keys.js';
import type { ChatConfig, ChatProviderName } from './types.js';

/** The keys of the `chat` table. */
export const CHAT_KEYS: KeySpec = { keys: ['provider', 'model', 'maxSteps', 'maxTokens', 'system'] };

/** The providers a `chat` table may name. */
export const CHAT_PROVIDERS: readonly ChatProviderName[] = ['anthropic', 'openai'];

const EXAMPLE = '"chat": { "provider": "anthropic", "model": "claude-sonnet-4-5" }';

/** The keys that only a server entry has, under its own names or other hosts'. */
const SERVER_ONLY_KEYS: ReadonlySet<string> = new Set([...SERVER_KEYS.keys, ...Object.keys(SERVER_KEYS.aliases ?? {})]);

/**
 * Whether a top-level `chat` value is `mcpx chat`'s table: a table with no key of a server entry
 * (`command`, `url`, `type`…) and with one of the chat keys or a near miss of one (or empty).
 * Anything else is a server named `chat` (TOML table-per-server layout) or the host application's
 * own setting, which mcpx leaves alone.
 */
export function isChatTable(value: unknown): boolean {
  const table = asTable(value);
  if (table === undefined) return false;
  const keys = Object.keys(table);
  if (keys.some((key) => SERVER_ONLY_KEYS.has(key))) return false;
  return keys.length === 0 || keys.some((key) => closestMatch(key, CHAT_KEYS.keys) !== undefined);
}

/**
 * Validates the `chat` table, with `${VAR}` expanded in every string; undefined when it has
 * problems, reported at `chat.<field>`.
 */
export function validateChat(value: unknown, lookup: Lookup, report: Report): ChatConfig | undefined {
  const table = readSettingsTable('chat', value, CHAT_KEYS, EXAMPLE, lookup, report);
  if (table === undefined) return undefined;
  const { fields } = table;
  const provider = fields.oneOf('provider', CHAT_PROVIDERS);
  const model = fields.text('model', { nonEmpty: true });
  const maxSteps = fields.integer('maxSteps', 1);
  const maxTokens = fields.integer('maxTokens', 1);
  const system = fields.text('system');
  if (table.failed()) return undefined;
  return {
    ...(provider === undefined ? {} : { provider }),
    ...(model === undefined ? {} : { model }),
    ...(maxSteps === undefined ? {} : { maxSteps }),
    ...(maxTokens === undefined ? {} : { maxTokens }),
    ...(system === undefined ? {} : { system }),
  };
}
