import type { DescMessage, Message } from '@bufbuild/protobuf';

/** Message types whose fields are JSON (Struct) or plain scalars: nothing of the binding's own to look into. */
const OPAQUE = new Set(['google.protobuf.Struct', 'google.protobuf.Value', 'google.protobuf.ListValue', 'google.protobuf.Duration']);

/**
 * The fields of a decoded message, nested messages included, that its descriptor does not know,
 * as `Type.number`. protobuf-es keeps them (`$unknown`) and writes them back when the message is
 * encoded again; this names them for a diagnostic.
 */
export function unknownFieldsOf(desc: DescMessage, message: Message): string[] {
  const found: string[] = [];
  walk(desc, message, found);
  return found;
}

function walk(desc: DescMessage, message: Message, found: string[]): void {
  for (const field of message.$unknown ?? []) found.push(`${desc.typeName}.${field.no}`);
  const record = message as unknown as Record<string, unknown>;
  for (const field of desc.fields) {
    const value = record[field.localName];
    if (value === undefined) continue;
    if (field.fieldKind === 'message' && !OPAQUE.has(field.message.typeName)) walk(field.message, value as Message, found);
    else if (field.fieldKind === 'list' && field.listKind === 'message' && !OPAQUE.has(field.message.typeName))
      for (const item of value as Message[]) walk(field.message, item, found);
    else if (field.fieldKind === 'map' && field.mapKind === 'message' && !OPAQUE.has(field.message.typeName))
      for (const item of Object.values(value as Record<string, Message>)) walk(field.message, item, found);
  }
}
