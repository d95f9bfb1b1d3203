import type { JSONSchema7 } from 'ai';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';
import { objectSchemaProblem } from '../object-schema.js';
import { AI_SDK_NAME_RULES } from '../provider-rules.js';

/**
 * The tool's input schema as a JSON Schema the AI SDK's providers all take as a tool's
 * parameters: an object schema with no `oneOf`, `anyOf` or `allOf` at its top level (Anthropic and
 * OpenAI refuse those; each provider package converts the rest to its API’s dialect). Throws
 * `UnsupportedSchemaError` naming the server, the tool and the reason.
 */
export function toAiSdkInputSchema(schema: unknown, where: { server: string; tool: string }): JSONSchema7 {
  const problem = objectSchemaProblem(schema, 'Anthropic’s API or OpenAI’s');
  if (problem !== undefined) throw new UnsupportedSchemaError(AI_SDK_NAME_RULES.provider, where.server, where.tool, problem);
  return { ...(schema as JSONSchema7), type: 'object' };
}
