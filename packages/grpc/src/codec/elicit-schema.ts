import { create } from '@bufbuild/protobuf';
import {
  PrimitiveSchemaDefinitionSchema,
  PrimitiveSchemaDefinition_StringSchema_Format as Format,
  type PrimitiveSchemaDefinition,
} from '../gen/mcp_messages_pb.js';
import { numberOf, objectOf, present, stringOf, type Json } from './json.js';

const FORMATS: Readonly<Record<string, Format>> = {
  email: Format.EMAIL,
  uri: Format.URI,
  date: Format.DATE,
  'date-time': Format.DATE_TIME,
};
const FORMAT_NAMES = new Map(Object.entries(FORMATS).map(([name, format]) => [format, name]));

/** The choices of a JSON enum schema: its `enum`, or the `const`s and titles of its `oneOf`/`anyOf`. */
function choices(schema: Json): { values: string[]; names: string[] } {
  const options = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (options !== undefined) {
    const items = options.map((item) => objectOf(item) ?? {});
    return { values: items.map((item) => stringOf(item.const)), names: items.map((item) => stringOf(item.title)) };
  }
  const values = Array.isArray(schema.enum) ? schema.enum.map((value) => stringOf(value)) : [];
  const names = Array.isArray(schema.enumNames) ? schema.enumNames.map((value) => stringOf(value)) : [];
  return { values, names };
}

/** One property of an elicitation's `requestedSchema` as the binding's definition; undefined for a kind it has none for. */
export function propertyToProto(value: unknown): PrimitiveSchemaDefinition | undefined {
  const schema = objectOf(value);
  if (schema === undefined) return undefined;
  const described = { title: stringOf(schema.title), description: stringOf(schema.description) };
  const isEnum = schema.enum !== undefined || schema.oneOf !== undefined || schema.anyOf !== undefined;
  if (schema.type === 'string' && isEnum) {
    const { values, names } = choices(schema);
    const defaultItem = typeof schema.default === 'string' ? { defaultItem: schema.default } : {};
    return create(PrimitiveSchemaDefinitionSchema, {
      enumSchema: { ...described, enumList: values, enumNames: names.some((name) => name !== '') ? names : [], singleSelect: defaultItem },
    });
  }
  if (schema.type === 'array') {
    const { values, names } = choices(objectOf(schema.items) ?? {});
    const min = numberOf(schema.minItems);
    const max = numberOf(schema.maxItems);
    return create(PrimitiveSchemaDefinitionSchema, {
      enumSchema: {
        ...described,
        enumList: values,
        enumNames: names.some((name) => name !== '') ? names : [],
        multiSelect: {
          defaultItems: Array.isArray(schema.default) ? schema.default.map((item) => stringOf(item)) : [],
          ...(min === undefined ? {} : { minItems: min }),
          ...(max === undefined ? {} : { maxItems: max }),
        },
      },
    });
  }
  if (schema.type === 'string') {
    const min = numberOf(schema.minLength);
    const max = numberOf(schema.maxLength);
    return create(PrimitiveSchemaDefinitionSchema, {
      stringSchema: {
        ...described,
        ...(min === undefined ? {} : { minLength: BigInt(min) }),
        ...(max === undefined ? {} : { maxLength: BigInt(max) }),
        format: FORMATS[stringOf(schema.format)] ?? Format.UNKNOWN,
      },
    });
  }
  if (schema.type === 'number' || schema.type === 'integer') {
    const minimum = numberOf(schema.minimum);
    const maximum = numberOf(schema.maximum);
    const range =
      schema.type === 'integer'
        ? {
            integerRange: {
              ...(minimum === undefined ? {} : { minimum: BigInt(Math.trunc(minimum)) }),
              ...(maximum === undefined ? {} : { maximum: BigInt(Math.trunc(maximum)) }),
            },
          }
        : { doubleRange: { ...(minimum === undefined ? {} : { minimum }), ...(maximum === undefined ? {} : { maximum }) } };
    return create(PrimitiveSchemaDefinitionSchema, { numberSchema: { ...described, ...range } });
  }
  if (schema.type === 'boolean') {
    return create(PrimitiveSchemaDefinitionSchema, { booleanSchema: { ...described, default: schema.default === true } });
  }
  return undefined;
}

/** The JSON schema of one property of the binding's `requested_schema`. */
export function propertyFromProto(value: PrimitiveSchemaDefinition): Json {
  const { stringSchema, numberSchema, booleanSchema, enumSchema } = value;
  if (enumSchema !== undefined) {
    const described = present({ title: enumSchema.title, description: enumSchema.description });
    const named = enumSchema.enumNames.length === enumSchema.enumList.length && enumSchema.enumNames.length > 0;
    const items = named
      ? { oneOf: enumSchema.enumList.map((item, index) => ({ const: item, title: enumSchema.enumNames[index] })) }
      : { enum: enumSchema.enumList };
    const multi = enumSchema.multiSelect;
    if (multi !== undefined) {
      return {
        type: 'array',
        ...described,
        items: named ? { anyOf: items.oneOf } : { type: 'string', ...items },
        ...present({ default: multi.defaultItems, minItems: multi.minItems, maxItems: multi.maxItems }),
      };
    }
    return { type: 'string', ...described, ...items, ...present({ default: enumSchema.singleSelect?.defaultItem }) };
  }
  if (stringSchema !== undefined) {
    return {
      type: 'string',
      ...present({
        title: stringSchema.title,
        description: stringSchema.description,
        minLength: stringSchema.minLength === undefined ? undefined : Number(stringSchema.minLength),
        maxLength: stringSchema.maxLength === undefined ? undefined : Number(stringSchema.maxLength),
        format: FORMAT_NAMES.get(stringSchema.format),
      }),
    };
  }
  if (numberSchema !== undefined) {
    const integer = numberSchema.integerRange;
    const range = integer ?? numberSchema.doubleRange;
    return {
      type: integer === undefined ? 'number' : 'integer',
      ...present({
        title: numberSchema.title,
        description: numberSchema.description,
        minimum: range?.minimum === undefined ? undefined : Number(range.minimum),
        maximum: range?.maximum === undefined ? undefined : Number(range.maximum),
      }),
    };
  }
  if (booleanSchema !== undefined) {
    return {
      type: 'boolean',
      ...present({ title: booleanSchema.title, description: booleanSchema.description }),
      default: booleanSchema.default,
    };
  }
  return {};
}
