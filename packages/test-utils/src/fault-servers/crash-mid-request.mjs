// Crashes while handling the first request: prints a few lines to stderr, then exits with
// code 3 without answering.
import { writeSync } from 'node:fs';
import { onMessages } from './wire.mjs';

onMessages((message) => {
  writeSync(2, 'starting to handle the request\n');
  writeSync(2, `fatal: cannot handle ${message.method}\n`);
  writeSync(2, '    at handler (crash-mid-request.mjs)\n');
  process.exit(3);
});
