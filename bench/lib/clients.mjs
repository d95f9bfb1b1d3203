// The clients the bench knows (each a module of ../clients/), for run.mjs and instructions.mjs.

/** Every client, in the order reports list them. */
export const CLIENTS = [
  'raw',
  'raw-group',
  'raw-modern',
  'official',
  'mcpx',
  'mcpx-legacy',
  'mcpx-group',
  'mcpx-oauth',
  'mcpx-header',
  'mcpx-middleware',
  'mcpx-otel',
];

/** Clients that apply to some transports only (OAuth, and the header it sends, are for HTTP; a server's process group is for stdio). */
export const CLIENT_ONLY_ON = { 'mcpx-oauth': ['http'], 'mcpx-header': ['http'], 'mcpx-group': ['stdio'], 'raw-group': ['stdio'] };

/** Whether `client` runs over `transport`. */
export function runsOver(client, transport) {
  return CLIENT_ONLY_ON[client] === undefined || CLIENT_ONLY_ON[client].includes(transport);
}
