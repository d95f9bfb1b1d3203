import type { Tool as AnthropicTool } from '@anthropic-ai/sdk/resources/messages';
import { UnsupportedSchemaError } from '../errors/unsupported-schema-error.js';
import { objectSchemaProblem } from '../object-schema.js';

const PROVIDER = 'Anthropic';

/**
 * The tool's input schema as the Messages API takes it (`input_schema`): a JSON Schema object
 * with `type: "object"` and no `oneOf`, `anyOf` or `allOf` at its top level, which the API
 * refuses. Throws `UnsupportedSchemaError` naming the server, the tool and the reason.
 */
export function toAnthropicInputSchema(schema: unknown, where: { server: string; tool: string }): AnthropicTool.InputSchema {
  const problem = objectSchemaProblem(schema, 'the API');
  if (problem !== undefined) throw new UnsupportedSchemaError(PROVIDER, where.server, where.tool, problem);
  return { ...(schema as Record<string, unknown>), type: 'object' };
}
