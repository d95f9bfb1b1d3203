import { didYouMean } from '../args/suggest.js';
import { UsageError } from '../errors/cli-error.js';
import { mismatch } from './check-value.js';
import { describeType, typesOf, type JsonSchema } from './schema-types.js';

/**
 * The arguments of a call: the JSON object of `--args` (or `--json '{...}'`), then each
 * `key=value` word converted to the type its property's schema gives (`key:=json` for raw
 * JSON). Every argument, however given, is checked the same way: throws a `UsageError` naming
 * the argument for a value that does not fit, an unknown key (when the schema lists them) or
 * a required argument missing.
 */
export function buildArguments(
  words: readonly string[],
  jsonText: string | undefined,
  schema: JsonSchema | undefined,
  what: string,
): Record<string, unknown> {
  const args: Record<string, unknown> = jsonText === undefined ? {} : parseObject(jsonText);
  const properties = schema?.properties ?? {};
  const closed = schema?.additionalProperties === false || Object.keys(properties).length > 0;
  const known = (key: string): JsonSchema | undefined => {
    const property = properties[key];
    if (property === undefined && closed) {
      throw new UsageError(`${what} has no argument "${key}"${didYouMean(key, Object.keys(properties))}`, {
        hint: usageHint(schema, what),
      });
    }
    return property;
  };
  const checked = (key: string, value: unknown): unknown => {
    const problem = mismatch(value, known(key), key);
    if (problem !== undefined) throw new UsageError(problem, { hint: usageHint(schema, what) });
    return value;
  };
  for (const [key, value] of Object.entries(args)) checked(key, value);
  for (const word of words) {
    const match = /^([^=:]+)(:?=)([\s\S]*)$/.exec(word);
    if (match === null)
      throw new UsageError(`"${word}" is not an argument; write key=value (or key:=<json>)`, { hint: usageHint(schema, what) });
    const [, key, operator, text] = match as unknown as [string, string, string, string];
    args[key] = operator === ':=' ? checked(key, parseJson(text, key)) : convert(text, known(key), key);
  }
  const missing = (schema?.required ?? []).filter((key) => args[key] === undefined && properties[key]?.default === undefined);
  if (missing.length > 0) {
    const list = missing.map(
      (key) => `${key} (${describeType(properties[key])})${properties[key]?.description ? `: ${properties[key].description}` : ''}`,
    );
    throw new UsageError(`${what} needs ${missing.length === 1 ? 'the argument' : 'the arguments'} ${list.join('; ')}`, {
      hint: usageHint(schema, what),
    });
  }
  return args;
}

/** `text` as the type `schema` gives, trying each type it admits; a string when it says nothing. */
export function convert(text: string, schema: JsonSchema | undefined, key: string): unknown {
  const types = typesOf(schema);
  if (types.length === 0) return text;
  for (const type of types) {
    const value = as(type, text, schema, key);
    if (value !== NO) {
      if (Array.isArray(schema?.enum) && !schema.enum.some((option) => option === value)) {
        throw new UsageError(
          `argument "${key}" must be one of ${schema.enum.map((option) => JSON.stringify(option)).join(', ')}, got ${JSON.stringify(value)}`,
        );
      }
      return value;
    }
  }
  throw new UsageError(`argument "${key}" must be ${describeType(schema)}, got "${text}"`);
}

const NO = Symbol('no');

function as(type: string, text: string, schema: JsonSchema | undefined, key: string): unknown {
  const trimmed = text.trim();
  switch (type) {
    case 'string':
      return text;
    case 'number':
    case 'integer': {
      const value = trimmed === '' ? NaN : Number(trimmed);
      return Number.isFinite(value) && (type === 'number' || Number.isInteger(value)) ? value : NO;
    }
    case 'boolean':
      return /^(true|yes|on|1)$/i.test(trimmed) ? true : /^(false|no|off|0)$/i.test(trimmed) ? false : NO;
    case 'null':
      return trimmed === 'null' ? null : NO;
    case 'array': {
      if (trimmed.startsWith('[')) {
        const value = parseJson(trimmed, key);
        return Array.isArray(value) ? value : NO;
      }
      return trimmed === '' ? [] : text.split(',').map((item, index) => convert(item.trim(), schema?.items, `${key}[${index}]`));
    }
    case 'object': {
      if (!trimmed.startsWith('{')) return NO;
      const value = parseJson(trimmed, key);
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : NO;
    }
    default:
      return NO;
  }
}

function parseJson(text: string, key: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`argument "${key}" is not valid JSON: ${(error as Error).message}`);
  }
}

function parseObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the JSON arguments are not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new UsageError('the JSON arguments must be an object, such as \'{"message":"hi"}\'');
  return value as Record<string, unknown>;
}

function usageHint(schema: JsonSchema | undefined, what: string): string | undefined {
  const keys = Object.entries(schema?.properties ?? {}).map(([key, property]) => `${key}=<${describeType(property)}>`);
  return keys.length === 0 ? `${what} takes no arguments` : `${what} takes ${keys.join(' ')}`;
}
