import type { ZodType } from 'zod';
import { InvalidResponseError } from '../errors/invalid-response-error.js';
import { FAST_RESULT_GUARDS } from '../validation/fast-results.js';
import { loadSchemas, type Schemas } from './schema-loader.js';

/**
 * Checks a result: the fast guard of its method when it has one and the result fits it, else
 * the zod schema the session chose for it. zod is loaded only when the guard cannot decide.
 * A result the guard accepts is returned as it is, without a promise: the common call
 * (`tools/call`, `tools/list`...) pays for no further microtask turn.
 */
export function parseResult<T>(
  raw: Record<string, unknown>,
  schema: (schemas: Schemas) => ZodType<T>,
  where: { server: string | undefined; method: string },
): T | Promise<T> {
  if (FAST_RESULT_GUARDS[where.method]?.(raw)) return raw as T;
  return parseWithSchema(raw, schema, where);
}

async function parseWithSchema<T>(
  raw: Record<string, unknown>,
  schema: (schemas: Schemas) => ZodType<T>,
  where: { server: string | undefined; method: string },
): Promise<T> {
  const parsed = schema(await loadSchemas()).safeParse(raw);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  throw new InvalidResponseError(`the server's result does not match the ${where.method} result schema: ${detail}`, where);
}
