import { arrayOf, bool, deferred, literal, optional, record, recordOf, shape, str, type Guard } from './guards.js';

const meta = optional(record);
const flag = record;
const listChanged = shape({ listChanged: optional(bool) });

/** `Implementation`, without icons. */
export const implementation = shape({
  name: str,
  title: optional(str),
  version: str,
  description: optional(str),
  icons: deferred,
  websiteUrl: optional(str),
});

/** `ServerCapabilities`, without tasks. */
export const serverCapabilities = shape({
  experimental: optional(recordOf(flag)),
  extensions: optional(recordOf(flag)),
  logging: optional(flag),
  completions: optional(flag),
  prompts: optional(listChanged),
  resources: optional(shape({ subscribe: optional(bool), listChanged: optional(bool) })),
  tools: optional(listChanged),
  tasks: deferred,
});

/** `InitializeResult`. */
export const initializeResult = shape({
  _meta: meta,
  protocolVersion: str,
  capabilities: serverCapabilities,
  serverInfo: implementation,
  instructions: optional(str),
});

/** A tool's `inputSchema` / `outputSchema`. */
export const toolJsonSchema = shape({
  $schema: optional(str),
  type: literal('object'),
  properties: optional(record),
  required: optional(arrayOf(str)),
});

/** `ToolAnnotations`. */
export const toolAnnotations = shape({
  title: optional(str),
  readOnlyHint: optional(bool),
  destructiveHint: optional(bool),
  idempotentHint: optional(bool),
  openWorldHint: optional(bool),
});

/** `Tool`, without execution and icons. */
export const tool = shape({
  name: str,
  title: optional(str),
  description: optional(str),
  inputSchema: toolJsonSchema,
  outputSchema: optional(toolJsonSchema),
  annotations: optional(toolAnnotations),
  execution: deferred,
  icons: deferred,
  _meta: meta,
});

/** `ListToolsResult`; a null cursor goes to zod, which turns it into undefined. */
export const listToolsResult = shape({ _meta: meta, nextCursor: optional(str), tools: arrayOf(tool) });

/** `TextContent`, without annotations. */
export const textContent = shape({ type: literal('text'), text: str, annotations: deferred, _meta: meta });

/** `CallToolResult` whose content is text; the 2024-11-05 `toolResult` shape goes to zod. */
export const callToolResult = shape({
  _meta: meta,
  content: arrayOf(textContent),
  structuredContent: optional(record),
  isError: optional(bool),
});

/** `Result` / `EmptyResult`. */
export const emptyResult = shape({ _meta: meta });

/** The fast guard of each method's result, where there is one. */
export const FAST_RESULT_GUARDS: Readonly<Record<string, Guard>> = {
  initialize: initializeResult,
  'tools/list': listToolsResult,
  'tools/call': callToolResult,
  ping: emptyResult,
  'logging/setLevel': emptyResult,
  'resources/subscribe': emptyResult,
  'resources/unsubscribe': emptyResult,
};
