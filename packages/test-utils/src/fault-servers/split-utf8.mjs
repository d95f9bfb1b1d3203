// Writes a notification full of multi-byte characters a few bytes at a time, with pauses,
// cutting characters in the middle, and ending the line with CRLF.
import { Buffer } from 'node:buffer';
import { onMessages } from './wire.mjs';

const text = 'héllo wörld — 世界 🎉 ünïcødé 🧪';
const bytes = Buffer.from(`${JSON.stringify({ jsonrpc: '2.0', method: 'utf8', params: { text } })}\r\n`);
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

for (let offset = 0; offset < bytes.length; offset += 3) {
  process.stdout.write(bytes.subarray(offset, offset + 3));
  await pause();
}
onMessages(() => {});
