import type { ResponseInputItem, ResponseOutputItem } from 'openai/resources/responses/responses';

/** Fields the SDK or the API adds to output items that an input item may not hold. */
const OUTPUT_ONLY_ITEM_KEYS = ['parsed_arguments', 'created_by'] as const;

function without(value: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([key]) => !keys.includes(key)));
}

/**
 * A response's output item as an input item of the next request: without the fields that only
 * the SDK or the API's output has (`parsed` on text and refusal parts, which `finalResponse()`
 * adds; `parsed_arguments` on function calls; `created_by`), which the API refuses as unknown
 * parameters. The item itself is not changed.
 */
export function toInputItem(item: ResponseOutputItem): ResponseInputItem {
  const copy = without(item, OUTPUT_ONLY_ITEM_KEYS);
  if (item.type === 'message') copy.content = item.content.map((part) => without(part, ['parsed']));
  return copy as unknown as ResponseInputItem;
}
