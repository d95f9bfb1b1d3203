import { SUPPORTED_PROTOCOL_VERSIONS, type EraChoice } from '@mcpx/core';
import { isModernProtocolVersion } from '@mcpx/core/internal';
import { asTable, describeValue, FieldReader } from './fields.js';
import { interpolateDeep } from './interpolate-deep.js';
import type { Lookup } from './interpolate.js';
import { readKeys, type Found } from './keys.js';
import { compact, readHealth, readReconnect } from './policies.js';
import type { ProblemList, Report } from './problem.js';
import { INLINE_SERVER_KEYS, SECONDS_KEYS, SERVER_KEYS } from './server-keys.js';
import { readTransport } from './transport-fields.js';
import type { ServerConfig, ServerOptions } from './types.js';

/** What validating one server needs. */
export interface ServerContext {
  /** Its key in the file. */
  readonly name: string;
  /** Where its problems go. */
  readonly problems: ProblemList;
  /** Where the problems that depend on this machine (unset variables, missing files) go when the server is disabled. */
  readonly deferred: ProblemList;
  /** Looks up `${VAR}`. */
  readonly lookup: Lookup;
  /** The folder relative paths (`cwd`, `envFile`) start from. */
  readonly baseDir: string;
  /** Accept `name` in the entry (an entry given to `createClient` outside a file). */
  readonly inline?: boolean | undefined;
}

const TOOL_PREFIX = /^[A-Za-z0-9_.-]{0,64}$/;
const ERAS: readonly EraChoice[] = ['auto', 'legacy', 'modern'];

/** Validates one server entry; undefined when it has problems, which go to `context.problems`. */
export function validateServer(entry: unknown, context: ServerContext): ServerConfig | undefined {
  const before = context.problems.problems.length;
  const report = context.problems.reporter(context.name);
  const table = asTable(entry);
  if (table === undefined) {
    report(
      undefined,
      `must be a table of settings, got ${describeValue(entry)}`,
      'write it as { "command": "...", "args": [...] } or { "url": "https://..." }',
    );
    return undefined;
  }
  const suggested = new Set<string>();
  const keys = readKeys(table, context.inline ? INLINE_SERVER_KEYS : SERVER_KEYS, report, '', suggested);
  const enabled = readEnabled(new FieldReader(keys, report));
  const machineReport = enabled === false ? context.deferred.reporter(context.name) : report;
  const unresolved = new Set<string>();
  const fields = new FieldReader(interpolated(keys, context.lookup, machineReport, unresolved), report, '', unresolved);
  const transport = readTransport(fields, { report, machineReport, baseDir: context.baseDir, misspelt: suggested });
  const options = readOptions(fields, report, context.name, enabled ?? true);
  if (transport === undefined || context.problems.problems.length > before) return undefined;
  return { ...options, ...transport };
}

function readEnabled(fields: FieldReader): boolean | undefined {
  const value = fields.bool('enabled');
  return value !== undefined && fields.raw('enabled')?.key === 'disabled' ? !value : value;
}

/** The fields with their variables expanded; `unresolved` gets the names of those where some could not be. */
function interpolated(keys: ReadonlyMap<string, Found>, lookup: Lookup, report: Report, unresolved: Set<string>): Map<string, Found> {
  return new Map(
    [...keys].map(([name, found]) => {
      const noteUnresolved: Report = (field, message, fix) => {
        unresolved.add(name);
        report(field, message, fix);
      };
      return [name, { key: found.key, value: interpolateDeep(found.value, found.key, lookup, noteUnresolved) }];
    }),
  );
}

function readOptions(fields: FieldReader, report: Report, name: string, enabled: boolean): ServerOptions {
  const tags = fields.strings('tags');
  tags?.forEach((tag, index) => {
    if (tag.trim() === '') report(`${fields.keyOf('tags')}[${index}]`, 'must not be empty', 'remove the empty tag');
  });
  const era = fields.oneOf('era', ERAS);
  const protocolVersion = readProtocolVersion(fields, era);
  return compact({
    name: fields.text('name', { nonEmpty: true }) ?? name,
    enabled,
    tags: tags ?? [],
    toolPrefix: fields.text('toolPrefix', {
      pattern: TOOL_PREFIX,
      patternFix: 'use up to 64 letters, digits, "_", "." or "-", such as "gh"; "" keeps the tool names as they are',
    }),
    connectTimeoutMs: milliseconds(fields, 'connectTimeoutMs'),
    requestTimeoutMs: milliseconds(fields, 'requestTimeoutMs'),
    reconnect: readReconnect(fields, report),
    health: readHealth(fields, report),
    era,
    protocolVersion,
    disabledTools: toolNames(fields, 'disabledTools'),
    includeTools: toolNames(fields, 'includeTools'),
    autoApprove: toolNames(fields, 'autoApprove'),
  }) as ServerOptions;
}

/** A list of tool names, as the server names them. */
function toolNames(fields: FieldReader, name: string): string[] | undefined {
  const names = fields.strings(name);
  names?.forEach((tool, index) => {
    if (tool.trim() === '')
      fields.wrong(name, `has an empty tool name at [${index}]`, 'remove it, or write the name of a tool as the server lists it');
  });
  return names;
}

/** A timeout in milliseconds, or in seconds under the keys of other formats that use seconds. */
function milliseconds(fields: FieldReader, name: string): number | undefined {
  const key = fields.raw(name)?.key;
  if (key === undefined) return undefined;
  return SECONDS_KEYS.has(key) ? fields.seconds(name, 0.001) : fields.integer(name, 1);
}

function readProtocolVersion(fields: FieldReader, era: EraChoice | undefined): string | undefined {
  const version = fields.text('protocolVersion');
  if (version === undefined) return undefined;
  if (!SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    return fields.wrong(
      'protocolVersion',
      `${JSON.stringify(version)} is not a protocol revision mcpx speaks`,
      `write one of ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}, or remove it to negotiate`,
    );
  }
  const versionEra = isModernProtocolVersion(version) ? 'modern' : 'legacy';
  if (era !== undefined && era !== 'auto' && era !== versionEra) {
    return fields.wrong(
      'protocolVersion',
      `${version} is a ${versionEra} revision but "${fields.keyOf('era')}" is "${era}"`,
      'remove one of the two; a pinned revision implies its era',
    );
  }
  return version;
}
