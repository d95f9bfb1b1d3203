import type { Tool as AnthropicTool } from '@anthropic-ai/sdk/resources/messages';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';

const PROVIDER = 'Anthropic';

/**
 * The tool's input schema as the Messages API takes it (`input_schema`): a JSON Schema object
 * with `type: "object"` and no `oneOf`, `anyOf` or `allOf` at its top level, which the API
 * refuses. Throws `UnsupportedSchemaError` naming the server, the tool and the reason.
 */
export function toAnthropicInputSchema(schema: unknown, where: { server: string; tool: string }): AnthropicTool.InputSchema {
  const refuse = (reason: string): never => {
    throw new UnsupportedSchemaError(PROVIDER, where.server, where.tool, reason);
  };
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return refuse('it is not a JSON object');
  const object = schema as Record<string, unknown>;
  if (object.type !== 'object') return refuse(`its type is ${JSON.stringify(object.type)}, and the API takes only "object"`);
  const combinator = ['oneOf', 'anyOf', 'allOf'].find((key) => key in object);
  if (combinator !== undefined) return refuse(`it has "${combinator}" at its top level, which the API does not accept`);
  return { ...object, type: 'object' };
}
