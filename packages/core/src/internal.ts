/**
 * @module @mcpx/core/internal — helpers the other @mcpx packages share: guarded transport
 * callbacks, message checks, option checks, the event hub, latency windows, error brands, URL
 * redaction and dependencies loaded on first use.
 *
 * For @mcpx packages only. Nothing here carries a semver promise: any export may change or go
 * in any release, a patch included. Applications and third-party transports should use
 * `@mcpx/core`.
 */
export { hasBrand } from './errors/mcpx-error.js';
export { checkOptions } from './util/check-options.js';
export { integerOption } from './util/integer-option.js';
export { closestMatch } from './util/suggest.js';
export { TRANSPORT_OPTION_HINTS, NETWORK_TRANSPORT_OPTION_HINTS } from './util/transport-option-hints.js';
export { EventHub } from './util/event-hub.js';
export { LatencyWindow } from './client/metrics.js';
export { checkMessage, isRequest, isNotification, isResponse } from './jsonrpc/messages.js';
export { TransportCallbacks } from './transport-callbacks.js';
export { DEFAULT_CONNECT_TIMEOUT_MS } from './connect/defaults.js';
export { DEFAULT_REQUEST_TIMEOUT_MS } from './jsonrpc/engine.js';
export { isModernProtocolVersion } from './modern/versions.js';
export { PROTOCOL_VERSION_KEY } from './modern/meta-keys.js';
export { MCP_CLIENT_OPTION_KEYS } from './client/options.js';
export { reattachTask } from './tasks/reattach-task.js';
export { redactUrl } from './util/redact-url.js';
export { untilAborted } from './util/until-aborted.js';
export { withKey } from './util/with-key.js';
export { NumberTable } from './util/number-table.js';
export { onFirstUse, dependencyFailed } from './util/on-first-use.js';
// The public errors a transport throws, also here: a transport that imports its values from this
// entry alone resolves one specifier of @mcpx/core (each costs the ESM loader ~0.5 ms at import).
export { TransportError } from './errors/transport-error.js';
export { ConnectionClosedError } from './errors/connection-closed-error.js';
export { ConfigError } from './errors/config-error.js';
// What @mcpx/core's own satellite entries (testing, skills, tasks, apps) share with this entry and
// the main one: they import it from here, so that the build keeps one copy of it (see tsup.config.ts).
export { JsonRpcEngine } from './jsonrpc/engine.js';
export { pastTheCache } from './modern/cache-bypass.js';
export { resultWithin } from './tasks/task-deadline.js';
export { parseTask, TASK_METHODS, TASKS_EXTENSION_ID, DEFAULT_TASK_POLL_INTERVAL_MS } from './tasks/task.js';
export { taskHandle, TasksApi } from './tasks/tasks-api.js';

export type { OptionKeys, OptionKeyTree, CheckOptionsContext } from './util/check-options.js';
export type { EventMap, TaggedEvent } from './util/event-hub.js';
export type { IntegerOptionSpec } from './util/integer-option.js';
export type { TaskRunner } from './tasks/reattach-task.js';
export type { RedactUrlOptions } from './util/redact-url.js';
