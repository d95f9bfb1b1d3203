import type { ZodType } from 'zod';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { FAST_RESULT_GUARDS } from '../validation/fast-results.js';
import { loadSchemas, type Schemas } from './schema-loader.js';

/** The 2026-07-28 result schema of each method whose shape changed in that revision. */
const MODERN_RESULT_SCHEMAS: Readonly<Record<string, (schemas: Schemas) => ZodType>> = {
  'tools/list': (s) => s.ModernListToolsResultSchema,
  'tools/call': (s) => s.ModernCallToolResultSchema,
  'resources/list': (s) => s.ModernListResourcesResultSchema,
  'resources/templates/list': (s) => s.ModernListResourceTemplatesResultSchema,
  'resources/read': (s) => s.ModernReadResourceResultSchema,
  'prompts/list': (s) => s.ModernListPromptsResultSchema,
  'prompts/get': (s) => s.ModernGetPromptResultSchema,
  'completion/complete': (s) => s.ModernCompleteResultSchema,
};

/**
 * Checks a result: the fast guard of its method when it has one and the result fits it,
 * else the zod schema (the 2026-07-28 shape on a modern server, which loosens tool schemas
 * and `structuredContent`). zod is loaded only when the guard cannot decide.
 */
export async function parseResult<T>(
  raw: Record<string, unknown>,
  schema: (schemas: Schemas) => ZodType<T>,
  modern: boolean,
  where: { server: string | undefined; method: string },
): Promise<T> {
  if (FAST_RESULT_GUARDS[where.method]?.(raw)) return raw as T;
  const schemas = await loadSchemas();
  const modernSchema = modern ? MODERN_RESULT_SCHEMAS[where.method] : undefined;
  const parsed = (modernSchema ? (modernSchema(schemas) as ZodType<T>) : schema(schemas)).safeParse(raw);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new InvalidResponseError(`the server's result does not match the ${where.method} result schema: ${detail}`, where);
}
