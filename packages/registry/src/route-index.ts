import type { ManagedServer } from './managed-server.js';
import type { NamingPolicy } from './naming.js';

/** A tool or prompt found by its qualified name: the server offering it and its name there. */
export interface Route {
  server: ManagedServer;
  name: string;
}

interface Claim extends Route {
  /** The server's registration order: the lowest claim on a name wins it. */
  order: number;
}

/**
 * Qualified name → route, over every server's cached list of one kind, kept up to date server
 * by server: a change to one server's list re-qualifies that server's entries only, so routing
 * while a fleet's lists arrive one by one costs each list once, not the whole catalog each time.
 * When two servers give the same qualified name, the one registered first wins, as in listings.
 */
export class RouteIndex {
  private readonly claims = new Map<string, Claim[]>();
  private readonly names = new Map<ManagedServer, string[]>();
  private readonly dirty = new Set<ManagedServer>();

  /**
   * @param entries a server's current list (its names on that server), or undefined when it has none
   * @param naming builds qualified names
   */
  constructor(
    private readonly entries: (server: ManagedServer) => readonly { name: string }[] | undefined,
    private readonly naming: NamingPolicy,
  ) {}

  /** Marks a server's entries out of date; they are re-read at the next lookup. */
  changed(server: ManagedServer): void {
    this.dirty.add(server);
  }

  /** Forgets a server for good (it was unregistered): its routes go at once, and it is not kept until the next lookup. */
  remove(server: ManagedServer): void {
    this.dirty.delete(server);
    this.drop(server);
  }

  /** The route of `qualifiedName`, if any server's list has it. */
  get(qualifiedName: string): Route | undefined {
    if (this.dirty.size > 0) this.refresh();
    return this.claims.get(qualifiedName)?.[0];
  }

  private refresh(): void {
    // Each server leaves the dirty set before it is read, and its names are recorded as they are
    // claimed: a naming function that throws fails this lookup only, and the names it did give can
    // still be dropped later.
    for (const server of this.dirty) {
      this.dirty.delete(server);
      this.drop(server);
      const items = this.entries(server);
      if (items === undefined || items.length === 0) continue;
      const names: string[] = [];
      this.names.set(server, names);
      for (const { name } of items) {
        const qualified = this.naming(server.config.toolPrefix, name);
        names.push(qualified);
        this.claim(qualified, { server, name, order: server.order });
      }
    }
  }

  private claim(qualified: string, claim: Claim): void {
    const claims = this.claims.get(qualified);
    if (claims === undefined) {
      this.claims.set(qualified, [claim]);
      return;
    }
    // A server listing the same name twice keeps its first entry, as qualifyAll does.
    if (claims.some((other) => other.server === claim.server)) return;
    const at = claims.findIndex((other) => other.order > claim.order);
    claims.splice(at === -1 ? claims.length : at, 0, claim);
  }

  private drop(server: ManagedServer): void {
    for (const qualified of this.names.get(server) ?? []) {
      const claims = this.claims.get(qualified);
      if (claims === undefined) continue;
      const rest = claims.filter((claim) => claim.server !== server);
      if (rest.length === 0) this.claims.delete(qualified);
      else this.claims.set(qualified, rest);
    }
    this.names.delete(server);
  }
}
