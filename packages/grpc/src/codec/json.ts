import { Buffer } from 'node:buffer';
import type { JsonObject, JsonValue } from '@bufbuild/protobuf';

/** A JSON object as MCP results and params carry it. */
export type Json = Record<string, unknown>;

/** `value` when it is a plain object, else undefined. */
export function objectOf(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

/** `value` when it is a string, else `fallback`. */
export function stringOf(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

/** `value` when it is a finite number, else undefined. */
export function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A JSON object for a `google.protobuf.Struct` field: JSON round-trips drop `undefined` values, which a Struct cannot hold. */
export function structOf(value: unknown): JsonObject | undefined {
  const object = objectOf(value);
  return object === undefined ? undefined : (JSON.parse(JSON.stringify(object)) as JsonObject);
}

/** Copies the entries of `from` whose value is neither undefined, `''` nor an empty array: proto3 defaults mean "absent". */
export function present(from: Record<string, unknown>): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(from)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = value;
  }
  return out;
}

/** Base64 text of bytes (MCP's form of binary data). */
export function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Bytes of base64 text. */
export function bytesOf(text: unknown): Uint8Array {
  return typeof text === 'string' ? new Uint8Array(Buffer.from(text, 'base64')) : new Uint8Array();
}

export type { JsonObject, JsonValue };
