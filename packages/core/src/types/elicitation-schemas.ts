import { z } from 'zod';

/** The members every field schema of an elicitation form may carry. */
const FieldSchema = z.looseObject({
  title: z.string().optional(),
  description: z.string().optional(),
});

/** A titled option of a single- or multi-select field. */
const TitledOptionSchema = z.looseObject({ const: z.string(), title: z.string() });

/** A text field of an elicitation form. */
export const StringSchemaSchema = FieldSchema.extend({
  type: z.literal('string'),
  minLength: z.number().optional(),
  maxLength: z.number().optional(),
  format: z.enum(['email', 'uri', 'date', 'date-time']).optional(),
  default: z.string().optional(),
});
/** A text field of an elicitation form. */
export type StringSchema = z.infer<typeof StringSchemaSchema>;

/** A number or integer field of an elicitation form. */
export const NumberSchemaSchema = FieldSchema.extend({
  type: z.enum(['number', 'integer']),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
  default: z.number().optional(),
});
/** A number or integer field of an elicitation form. */
export type NumberSchema = z.infer<typeof NumberSchemaSchema>;

/** A yes/no field of an elicitation form. */
export const BooleanSchemaSchema = FieldSchema.extend({
  type: z.literal('boolean'),
  default: z.boolean().optional(),
});
/** A yes/no field of an elicitation form. */
export type BooleanSchema = z.infer<typeof BooleanSchemaSchema>;

/** A single-select field whose options are bare values (2025-11-25). */
export const UntitledSingleSelectEnumSchemaSchema = FieldSchema.extend({
  type: z.literal('string'),
  enum: z.array(z.string()),
  default: z.string().optional(),
});
/** A single-select field whose options are bare values. */
export type UntitledSingleSelectEnumSchema = z.infer<typeof UntitledSingleSelectEnumSchemaSchema>;

/** A single-select field whose options carry titles, as `oneOf` of `{ const, title }` (2025-11-25). */
export const TitledSingleSelectEnumSchemaSchema = FieldSchema.extend({
  type: z.literal('string'),
  oneOf: z.array(TitledOptionSchema),
  default: z.string().optional(),
});
/** A single-select field whose options carry titles. */
export type TitledSingleSelectEnumSchema = z.infer<typeof TitledSingleSelectEnumSchemaSchema>;

/** A multi-select field whose options are bare values (2025-11-25). */
export const UntitledMultiSelectEnumSchemaSchema = FieldSchema.extend({
  type: z.literal('array'),
  minItems: z.number().optional(),
  maxItems: z.number().optional(),
  items: z.looseObject({ type: z.literal('string'), enum: z.array(z.string()) }),
  default: z.array(z.string()).optional(),
});
/** A multi-select field whose options are bare values. */
export type UntitledMultiSelectEnumSchema = z.infer<typeof UntitledMultiSelectEnumSchemaSchema>;

/** A multi-select field whose options carry titles, as `anyOf` of `{ const, title }` (2025-11-25). */
export const TitledMultiSelectEnumSchemaSchema = FieldSchema.extend({
  type: z.literal('array'),
  minItems: z.number().optional(),
  maxItems: z.number().optional(),
  items: z.looseObject({ anyOf: z.array(TitledOptionSchema) }),
  default: z.array(z.string()).optional(),
});
/** A multi-select field whose options carry titles. */
export type TitledMultiSelectEnumSchema = z.infer<typeof TitledMultiSelectEnumSchemaSchema>;

/** A single-select field with titles in the non-standard `enumNames` (the 2025-06-18 `EnumSchema`). */
export const LegacyTitledEnumSchemaSchema = FieldSchema.extend({
  type: z.literal('string'),
  enum: z.array(z.string()),
  enumNames: z.array(z.string()).optional(),
  default: z.string().optional(),
});
/** A single-select field with titles in `enumNames`. */
export type LegacyTitledEnumSchema = z.infer<typeof LegacyTitledEnumSchemaSchema>;

/** Any select field of an elicitation form. */
export const EnumSchemaSchema = z.union([
  UntitledSingleSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
  UntitledMultiSelectEnumSchemaSchema,
  TitledMultiSelectEnumSchemaSchema,
  LegacyTitledEnumSchemaSchema,
]);
/** Any select field of an elicitation form. */
export type EnumSchema = z.infer<typeof EnumSchemaSchema>;

/** Any field of an elicitation form: a restricted, flat JSON Schema. */
export const PrimitiveSchemaDefinitionSchema = z.union([EnumSchemaSchema, StringSchemaSchema, NumberSchemaSchema, BooleanSchemaSchema]);
/** Any field of an elicitation form. */
export type PrimitiveSchemaDefinition = z.infer<typeof PrimitiveSchemaDefinitionSchema>;
