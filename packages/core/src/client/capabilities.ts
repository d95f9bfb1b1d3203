import type { ServerSession } from '../session.js';
import type { ClientCapabilities, ServerCapabilities } from '../types/index.js';

/** The handlers a client has registered, which decide what it declares. */
export interface HandlerPresence {
  sampling: boolean;
  /** The sampling handler takes tools (`samplingTools`). */
  samplingTools: boolean;
  elicitation: boolean;
  urlElicitation: boolean;
  roots: boolean;
}

/** The capabilities whose sub-capabilities the handlers derive, merged one level deep with the explicit ones. */
const NESTED = ['sampling', 'elicitation'] as const;

/**
 * Client capabilities derived from the registered handlers and extensions, merged with explicit
 * extras: an explicit capability replaces the derived one, but `sampling` and `elicitation` are
 * merged key by key (the explicit keys winning), so that declaring `sampling.context` keeps the
 * derived `sampling.tools`; extensions given in `extra.extensions` are added to (and override) the
 * registered ones.
 */
export function deriveClientCapabilities(
  handlers: HandlerPresence,
  extra: ClientCapabilities = {},
  extensions?: Record<string, Record<string, unknown>>,
): ClientCapabilities {
  const derived: Record<string, unknown> = {};
  if (handlers.sampling) derived.sampling = handlers.samplingTools ? { tools: {} } : {};
  if (handlers.elicitation || handlers.urlElicitation) {
    derived.elicitation = { ...(handlers.elicitation ? { form: {} } : {}), ...(handlers.urlElicitation ? { url: {} } : {}) };
  }
  if (handlers.roots) derived.roots = { listChanged: true };
  const merged: Record<string, unknown> = { ...derived, ...extra };
  for (const key of NESTED) {
    const [ours, theirs] = [derived[key], extra[key]];
    if (ours !== undefined && theirs !== undefined) merged[key] = { ...ours, ...theirs };
  }
  if (extensions !== undefined) merged.extensions = { ...extensions, ...extra.extensions };
  return merged;
}

/**
 * The capability a server must have advertised for `method` and did not, as it reads in an error:
 * a dotted path (`resources.subscribe`), or `extensions["<id>"]` for a method `extension` adds.
 * The era sessions apply it, each with the methods of its own era first (`EraSession.missingCapability`).
 */
export function missingServerCapability(method: string, session: ServerSession, extension: string | undefined): string | undefined {
  if (extension !== undefined) return session.capabilities.extensions?.[extension] === undefined ? `extensions["${extension}"]` : undefined;
  const needed = requiredServerCapability(method, session.protocolVersion);
  return needed !== undefined && !hasCapability(session.capabilities, needed) ? needed : undefined;
}

/** The server capability a client-to-server method needs, as a dotted path; undefined when none. */
export function requiredServerCapability(method: string, protocolVersion: string): string | undefined {
  switch (method) {
    case 'tools/list':
    case 'tools/call':
      return 'tools';
    case 'resources/list':
    case 'resources/read':
    case 'resources/templates/list':
      return 'resources';
    case 'resources/subscribe':
    case 'resources/unsubscribe':
      return 'resources.subscribe';
    case 'prompts/list':
    case 'prompts/get':
      return 'prompts';
    case 'logging/setLevel':
      return 'logging';
    case 'completion/complete':
      // The `completions` capability appeared in 2025-03-26; older servers could not declare it.
      return protocolVersion >= '2025-03-26' ? 'completions' : undefined;
    default:
      return undefined;
  }
}

/** Capability paths split once: a handful of constants, checked twice for every tools/call. */
const splitPaths = new Map<string, readonly string[]>();

/** True when the server advertised the dotted capability path. */
export function hasCapability(capabilities: ServerCapabilities, path: string): boolean {
  let keys = splitPaths.get(path);
  if (keys === undefined) {
    keys = path.split('.');
    splitPaths.set(path, keys);
  }
  let node: unknown = capabilities;
  for (const key of keys) {
    if (typeof node !== 'object' || node === null) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined && node !== null && node !== false;
}
