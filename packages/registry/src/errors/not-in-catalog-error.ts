import { LocalError, type LocalErrorOptions } from '@mcpx/core';
import { hasBrand } from '@mcpx/core/internal';
import type { ServerState } from '../server-state.js';

const brand: unique symbol = Symbol.for('mcpx.error.NotInCatalogError');

/** A qualified tool or prompt name matches nothing any connected server offers. */
export class NotInCatalogError extends LocalError {
  private readonly [brand] = true;
  readonly code = 'NOT_IN_CATALOG';
  /** What was looked up. */
  readonly kind: 'tool' | 'prompt';
  /** The qualified name asked for. */
  readonly qualifiedName: string;

  /** `unavailable` lists the servers that could not be asked, whose entries are unknown. */
  constructor(
    kind: 'tool' | 'prompt',
    qualifiedName: string,
    unavailable: ReadonlyArray<{ server: string; state: ServerState }>,
    options: LocalErrorOptions = {},
  ) {
    const missing =
      unavailable.length === 0
        ? ''
        : `; these servers could not be asked: ${unavailable.map(({ server, state }) => `"${server}" (${state})`).join(', ')}`;
    super(`no ${kind} is named "${qualifiedName}" in the catalog${missing}; list the ${kind}s for the qualified names`, options);
    this.name = 'NotInCatalogError';
    this.kind = kind;
    this.qualifiedName = qualifiedName;
  }

  /** True when `error` is a `NotInCatalogError`. */
  static override isInstance(error: unknown): error is NotInCatalogError {
    return hasBrand(error, brand);
  }
}
