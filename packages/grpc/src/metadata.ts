import { Metadata } from '@grpc/grpc-js';

/** What gRPC accepts in a text metadata value: printable ASCII (grpc-js refuses anything else). */
const LEGAL_VALUE = /^[ -~]*$/;

/** What gRPC accepts as a metadata key. */
const LEGAL_KEY = /^[0-9a-z_.-]+$/;

/**
 * Why a metadata entry cannot be sent, naming its key but never its value (which may be a
 * token); undefined when it can be sent.
 */
export function metadataProblem(key: string, value: string): string | undefined {
  if (!LEGAL_KEY.test(key)) return `the key "${key}" is not a valid gRPC metadata key (lower-case letters, digits, "_", "-", ".")`;
  if (key.endsWith('-bin')) return `the key "${key}" ends with "-bin", which gRPC keeps for binary values; these are text`;
  if (!LEGAL_VALUE.test(value))
    return `the value of "${key}" has characters gRPC metadata cannot carry (only printable ASCII, no line breaks or control characters)`;
  return undefined;
}

/**
 * A routing value (`mcp_tool`, `mcp_resource`, `mcp_prompt`) as gRPC metadata can carry it:
 * every character outside printable ASCII percent-encoded as its UTF-8 bytes, as a URI is written
 * from an IRI (RFC 3987), so `file:///tmp/résumé.txt` goes as `file:///tmp/r%C3%A9sum%C3%A9.txt`;
 * printable ASCII, `%` included, is sent as it is. The binding does not say how to carry such
 * values (its metadata is ASCII); a server decodes them likewise.
 */
export function routingValue(value: string): string {
  return value.replace(/[^ -~]+/gu, (run) =>
    Array.from(new TextEncoder().encode(run), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** Thrown by `callMetadata` for an entry gRPC cannot send; its message names the key only. */
export class MetadataProblem extends Error {}

/**
 * The metadata of a call: `entries` (keys lower-cased), then the routing entry (its value
 * percent-encoded by `routingValue`). Throws a
 * `MetadataProblem` naming the key, never the value, for one gRPC cannot carry, instead of
 * grpc-js's error, which quotes the value.
 */
export function callMetadata(entries: Readonly<Record<string, string>>, routing: readonly [string, string] | undefined): Metadata {
  const metadata = new Metadata();
  const all: [string, string][] = Object.entries(entries).map(([key, value]) => [key.toLowerCase(), value]);
  if (routing !== undefined) all.push([routing[0], routingValue(routing[1])]);
  for (const [key, value] of all) {
    const problem = typeof value === 'string' ? metadataProblem(key, value) : `the value of "${key}" is ${typeof value}, not a string`;
    if (problem !== undefined) throw new MetadataProblem(problem);
    metadata.set(key, value);
  }
  return metadata;
}
