import { execFile } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);

it('the apps host example frames the app under its policy and relays only what an app may send', async () => {
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL('./apps-host.mjs', import.meta.url))]);
  expect(stdout).toContain('get-time has an app: ui://get-time/mcp-app.html');
  expect(stdout).toMatch(/^csp: default-src 'none';/m);
  expect(stdout).toMatch(/^tools\/call from the app: \d{4}-\d\d-\d\dT/m);
  expect(stdout).toContain('ui/open-link relayed: error -32601');
  const file = /^host page: (.+)$/m.exec(stdout)![1]!;
  try {
    const page = readFileSync(file, 'utf8');
    expect(page).toMatch(/^<!doctype html><iframe sandbox="allow-scripts"/);
    // The policy comes first in the app's own document, right after its doctype.
    expect(page).toContain(`srcdoc="<!DOCTYPE html><meta http-equiv=&quot;Content-Security-Policy&quot; content=&quot;default-src 'none';`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
});
