/**
 * The client-to-server methods of the base protocol, in every revision (2024-11-05 to
 * 2026-07-28), which no extension may add: a method an extension adds is checked against the
 * extension's capability instead of the base one. `tasks/get`, `tasks/result`, `tasks/list` and
 * `tasks/cancel` are not among them: 2025-11-25 has them in its base protocol, but in 2026-07-28
 * they are methods of the tasks extension.
 */
export const BASE_METHODS: ReadonlySet<string> = new Set([
  'initialize',
  'ping',
  'server/discover',
  'subscriptions/listen',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/read',
  'resources/templates/list',
  'resources/subscribe',
  'resources/unsubscribe',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'logging/setLevel',
]);
