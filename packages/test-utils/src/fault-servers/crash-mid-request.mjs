// Crashes while handling the first request: prints a few lines to stderr, then exits with
// code 3 without answering.
import { onMessages } from './wire.mjs';

onMessages((message) => {
  process.stderr.write('starting to handle the request\n');
  process.stderr.write(`fatal: cannot handle ${message.method}\n`);
  process.stderr.write('    at handler (crash-mid-request.mjs)\n');
  process.exit(3);
});
