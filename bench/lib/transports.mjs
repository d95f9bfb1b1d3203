// A client's transports, loaded on first use: `transports[name]` is an async function that
// imports what the transport needs and resolves to a factory `(server) => ...`. Loading lazily
// keeps one transport's dependencies (undici for HTTP) out of another's import time.

/** Returns `load(transport)`, which resolves to the factory of `transport`, imported once. */
export function transportLoader(client, transports) {
  const loaded = new Map();
  return async function load(transport) {
    if (!loaded.has(transport)) {
      const importer = transports[transport];
      if (importer === undefined) {
        throw new Error(`bench: the ${client} client has no "${transport}" transport (it has: ${Object.keys(transports).join(', ')})`);
      }
      loaded.set(transport, await importer());
    }
    return loaded.get(transport);
  };
}
