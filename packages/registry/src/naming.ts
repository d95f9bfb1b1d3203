/** Builds the catalog name of a server's tool or prompt from the server's prefix and the original name. */
export type NamingPolicy = (prefix: string, name: string) => string;

/** Joins prefix and name with `separator`; an empty prefix leaves the name as it is. */
export function separatorNaming(separator = '__'): NamingPolicy {
  return (prefix, name) => (prefix === '' ? name : `${prefix}${separator}${name}`);
}

/** The default naming: `server__tool`. */
export const defaultNaming: NamingPolicy = separatorNaming('__');

/** Two or more entries that got the same qualified name; the first server listed keeps it. */
export interface Collision {
  /** The qualified name they share. */
  name: string;
  /** The servers offering it, in registration order: `servers[0]` wins, the others are unreachable under this name. */
  servers: string[];
}

/** One named entry of a server, before qualification. */
export interface Named {
  server: string;
  prefix: string;
  name: string;
}

/** Qualifies `entries` (in registration order), keeping the first of each name and reporting the rest as collisions. */
export function qualifyAll<T extends Named>(
  entries: readonly T[],
  naming: NamingPolicy,
): { index: Map<string, T>; collisions: Collision[] } {
  const index = new Map<string, T>();
  const clashes = new Map<string, string[]>();
  for (const entry of entries) {
    const qualified = naming(entry.prefix, entry.name);
    const winner = index.get(qualified);
    if (winner === undefined) {
      index.set(qualified, entry);
      continue;
    }
    const servers = clashes.get(qualified) ?? [winner.server];
    servers.push(entry.server);
    clashes.set(qualified, servers);
  }
  return { index, collisions: [...clashes].map(([name, servers]) => ({ name, servers })) };
}
