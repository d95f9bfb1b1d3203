import type { PrimitiveSchemaDefinition } from '@mcpx/core/schemas';

/** One choice of a select field. */
export interface Choice {
  readonly value: string;
  readonly title: string;
}

/** A field of an elicitation form, as the terminal asks it. */
export interface FormField {
  readonly key: string;
  readonly label: string;
  readonly description: string | undefined;
  readonly required: boolean;
  readonly kind: 'string' | 'number' | 'integer' | 'boolean' | 'select' | 'multiselect';
  readonly choices: readonly Choice[];
  readonly defaultValue: unknown;
  readonly schema: Readonly<Record<string, unknown>>;
}

/** What a typed line gives: a value, nothing (leave the field out), or why it was refused. */
export type Parsed = { value: unknown } | { skip: true } | { error: string };

/** The fields of a requested schema, in order. */
export function formFields(properties: Readonly<Record<string, PrimitiveSchemaDefinition>>, required: readonly string[] = []): FormField[] {
  return Object.entries(properties).map(([key, definition]) => {
    const schema = definition as Record<string, unknown>;
    const choices = choicesOf(schema);
    const type = schema.type;
    const kind: FormField['kind'] =
      type === 'array'
        ? 'multiselect'
        : choices.length > 0
          ? 'select'
          : type === 'number' || type === 'integer' || type === 'boolean'
            ? type
            : 'string';
    return {
      key,
      label: typeof schema.title === 'string' ? schema.title : key,
      description: typeof schema.description === 'string' ? schema.description : undefined,
      required: required.includes(key),
      kind,
      choices,
      defaultValue: schema.default,
      schema,
    };
  });
}

function choicesOf(schema: Record<string, unknown>): Choice[] {
  const source = schema.type === 'array' ? ((schema.items ?? {}) as Record<string, unknown>) : schema;
  const titled = (source.oneOf ?? source.anyOf) as Array<{ const?: unknown; title?: unknown }> | undefined;
  if (Array.isArray(titled)) {
    return titled
      .filter((option) => typeof option.const === 'string')
      .map((option) => ({
        value: option.const as string,
        title: typeof option.title === 'string' ? option.title : (option.const as string),
      }));
  }
  if (Array.isArray(source.enum)) {
    const names = Array.isArray(schema.enumNames) ? (schema.enumNames as unknown[]) : [];
    return (source.enum as unknown[])
      .map(String)
      .map((value, index) => ({ value, title: typeof names[index] === 'string' ? names[index] : value }));
  }
  return [];
}

/** The default as the user would type it, for the prompt's brackets. */
export function showDefault(field: FormField): string | undefined {
  const value = field.defaultValue;
  if (value === undefined) return undefined;
  if (field.kind === 'boolean') return value ? 'Y/n' : 'y/N';
  if (field.kind === 'select') return field.choices.find((choice) => choice.value === value)?.title ?? shown(value);
  if (Array.isArray(value))
    return value.map((item: unknown) => field.choices.find((choice) => choice.value === item)?.title ?? shown(item)).join(', ');
  return shown(value);
}

/** A value as text: JSON for an object (a server may send any JSON as a default), not `[object Object]`. */
function shown(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

/** Reads one typed line for `field`: an empty line keeps the default, or leaves an optional field out. */
export function parseAnswer(field: FormField, line: string): Parsed {
  const text = line.trim();
  if (text === '') {
    if (field.defaultValue !== undefined) return { value: field.defaultValue };
    return field.required ? { error: 'an answer is required' } : { skip: true };
  }
  switch (field.kind) {
    case 'boolean':
      if (/^(y|yes|true|1)$/i.test(text)) return { value: true };
      if (/^(n|no|false|0)$/i.test(text)) return { value: false };
      return { error: 'answer y or n' };
    case 'number':
    case 'integer':
      return parseNumber(field, text);
    case 'select': {
      const choice = pick(field.choices, text);
      return choice === undefined ? { error: `choose one of 1-${field.choices.length}, or type a value` } : { value: choice.value };
    }
    case 'multiselect':
      return parseMany(field, text);
    case 'string':
      return parseString(field, text);
  }
}

function parseNumber(field: FormField, text: string): Parsed {
  const value = Number(text);
  if (!Number.isFinite(value)) return { error: 'type a number' };
  if (field.kind === 'integer' && !Number.isInteger(value)) return { error: 'type a whole number' };
  const { minimum, maximum } = field.schema as { minimum?: number; maximum?: number };
  if (minimum !== undefined && value < minimum) return { error: `at least ${minimum}` };
  if (maximum !== undefined && value > maximum) return { error: `at most ${maximum}` };
  return { value };
}

function parseMany(field: FormField, text: string): Parsed {
  const values: string[] = [];
  for (const part of text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    const choice = pick(field.choices, part);
    if (choice === undefined) return { error: `"${part}" is not one of the choices; type numbers or values separated by commas` };
    if (!values.includes(choice.value)) values.push(choice.value);
  }
  const { minItems, maxItems } = field.schema as { minItems?: number; maxItems?: number };
  if (minItems !== undefined && values.length < minItems) return { error: `choose at least ${minItems}` };
  if (maxItems !== undefined && values.length > maxItems) return { error: `choose at most ${maxItems}` };
  return { value: values };
}

function parseString(field: FormField, text: string): Parsed {
  const { minLength, maxLength, format } = field.schema as { minLength?: number; maxLength?: number; format?: string };
  if (minLength !== undefined && text.length < minLength) return { error: `at least ${minLength} characters` };
  if (maxLength !== undefined && text.length > maxLength) return { error: `at most ${maxLength} characters` };
  if (format === 'email' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text)) return { error: 'type an email address, such as ada@example.com' };
  if (format === 'uri' && !URL.canParse(text)) return { error: 'type a URI, such as https://example.com' };
  if (format === 'date' && !(/^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text))))
    return { error: 'type a date as YYYY-MM-DD' };
  if (format === 'date-time' && Number.isNaN(Date.parse(text))) return { error: 'type a date and time, such as 2025-01-31T12:00:00Z' };
  return { value: text };
}

/** The choice typed as its number, value or title. */
function pick(choices: readonly Choice[], text: string): Choice | undefined {
  const index = /^\d+$/.test(text) ? Number(text) - 1 : -1;
  if (index >= 0 && index < choices.length) return choices[index];
  const lower = text.toLowerCase();
  return (
    choices.find((choice) => choice.value === text) ??
    choices.find((choice) => choice.value.toLowerCase() === lower || choice.title.toLowerCase() === lower)
  );
}
