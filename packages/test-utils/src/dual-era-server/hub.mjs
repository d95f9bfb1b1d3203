// The state the dual-era test server shares across its McpServer instances, and the
// fan-out of change notifications to every client that can hear them.
//
// Three kinds of instance exist at once: the one a stdio connection pins, one per
// legacy HTTP session, and short-lived per-request instances on the modern HTTP path.
// Only the first two are long-lived and get tracked here; the modern HTTP path hears
// changes through `createMcpHandler`'s notifier, registered with `addNotifier`.

/** The URI of the text resource `touch-resource` changes. */
export const COUNTER_URI = 'test://counter';

/**
 * @typedef {object} TrackedInstance
 * @property {import('@modelcontextprotocol/server').McpServer} mcp
 * @property {'legacy' | 'modern'} era
 * @property {Set<string>} subscriptions URIs a legacy client subscribed to with resources/subscribe.
 * @property {() => void} refresh Brings the instance's dynamic tool up to date; a connected
 *   McpServer announces that itself with notifications/tools/list_changed.
 */

/**
 * @typedef {object} Notifier
 * @property {() => void} toolsChanged
 * @property {(uri: string) => void} resourceUpdated
 */

export function createHub(onerror = () => {}) {
  let counter = 0;
  /** @type {Set<TrackedInstance>} */
  const instances = new Set();
  /** @type {Notifier[]} */
  const notifiers = [];

  return {
    /** How many times `touch-resource` ran in this process. */
    get counter() {
      return counter;
    },

    /** Tracks a long-lived instance until the returned function is called. */
    track(/** @type {TrackedInstance} */ instance) {
      instances.add(instance);
      return () => instances.delete(instance);
    },

    addNotifier(/** @type {Notifier} */ notifier) {
      notifiers.push(notifier);
    },

    /** Changes the counter resource and the tool list, and tells every listener. */
    touch() {
      counter += 1;
      for (const instance of instances) {
        if (!instance.mcp.isConnected()) continue;
        instance.refresh();
        // A modern stdio connection routes this through its subscriptions/listen filter;
        // a legacy one only hears about resources it subscribed to.
        if (instance.era === 'modern' || instance.subscriptions.has(COUNTER_URI)) {
          instance.mcp.server.sendResourceUpdated({ uri: COUNTER_URI }).catch(onerror);
        }
      }
      for (const notifier of notifiers) {
        notifier.toolsChanged();
        notifier.resourceUpdated(COUNTER_URI);
      }
      return counter;
    },
  };
}
