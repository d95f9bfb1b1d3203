import type { StoredLogin, TokenStore } from './token-store.js';

/** A `TokenStore` in memory: logins last as long as the process. The library's default. */
export function memoryTokenStore(): TokenStore {
  const logins = new Map<string, StoredLogin>();
  return {
    get: (key) => Promise.resolve(copy(logins.get(key))),
    set: (key, login) => {
      logins.set(key, structuredClone(login));
      return Promise.resolve();
    },
    delete: (key) => {
      logins.delete(key);
      return Promise.resolve();
    },
    list: () => Promise.resolve([...logins].map(([key, login]) => ({ key, login: structuredClone(login) }))),
  };
}

function copy(login: StoredLogin | undefined): StoredLogin | undefined {
  return login === undefined ? undefined : structuredClone(login);
}
