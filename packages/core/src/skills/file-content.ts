import type { ReadResourceResult } from '../types/index.js';

/** The content of one file of a skill: its raw bytes, and its text when it is text. */
export interface FileContent {
  bytes: Uint8Array;
  text: string | undefined;
  mimeType: string | undefined;
}

/** The raw bytes of `uri` in a `resources/read` result: its text as UTF-8, or its decoded base64 blob. */
export function fileContent(result: ReadResourceResult, uri: string): FileContent | undefined {
  const content = result.contents.find((entry) => entry.uri === uri) ?? (result.contents.length === 1 ? result.contents[0] : undefined);
  if (content === undefined) return undefined;
  const mimeType = content.mimeType ?? undefined;
  if ('text' in content && typeof content.text === 'string')
    return { bytes: new TextEncoder().encode(content.text), text: content.text, mimeType };
  if ('blob' in content && typeof content.blob === 'string') {
    const bytes = Uint8Array.from(atob(content.blob), (char) => char.charCodeAt(0));
    return { bytes, text: undefined, mimeType };
  }
  return undefined;
}

/** `sha256:` and the lowercase hex SHA-256 of `bytes` (Web Crypto, in Node and browsers alike). */
export async function sha256Digest(bytes: Uint8Array): Promise<string> {
  const hash = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return `sha256:${Array.from(hash, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
