/**
 * An extension identifier: `{vendor-prefix}/{extension-name}`. The prefix is dot-separated labels,
 * each starting with a letter and ending with a letter or digit; the name starts and ends with a
 * letter or digit. These are the `_meta` key rules, with the prefix mandatory (SEP-2133).
 */
const EXTENSION_ID =
  /^[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\/[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;

/** True when `id` is a well-formed extension identifier, such as `io.modelcontextprotocol/skills`. */
export function isExtensionId(id: unknown): id is string {
  return typeof id === 'string' && EXTENSION_ID.test(id);
}
