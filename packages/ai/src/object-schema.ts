/**
 * Why a tool's input schema is not what the model providers take as a tool's parameters, or
 * undefined: a JSON Schema object with `type: "object"` and no `oneOf`, `anyOf` or `allOf` at its
 * top level (Anthropic and OpenAI refuse both). `api` names the API in the reason.
 */
export function objectSchemaProblem(schema: unknown, api: string): string | undefined {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 'it is not a JSON object';
  const object = schema as Record<string, unknown>;
  if (object.type !== 'object') return `its type is ${JSON.stringify(object.type)}, and ${api} takes only "object"`;
  const combinator = ['oneOf', 'anyOf', 'allOf'].find((key) => key in object);
  if (combinator !== undefined) return `it has "${combinator}" at its top level, which ${api} does not accept`;
  return undefined;
}
