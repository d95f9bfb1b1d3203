import { describeLogin, loginJson } from '../auth/describe-login.js';
import { loginTarget } from '../auth/login-target.js';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig, type LoadedConfig } from '../fleet/load-fleet-config.js';
import type { TokenStore } from '@mcpx/auth';
import { openTokenStore } from '../fleet/shared-store.js';

/** `mcpx login <server>`: logs in through the browser now, even when a login is stored (in the config's Redis store when it has a `tokenKey`). */
export async function run(context: Context): Promise<number> {
  const loaded = await loadFleetConfig(context);
  const tokens = await openTokenStore(context, loaded);
  try {
    return await logIn(context, tokens.store, loaded);
  } finally {
    await tokens.close();
  }
}

async function logIn(context: Context, store: TokenStore, loaded: LoadedConfig): Promise<number> {
  const name = context.args.positionals[0]!;
  const { server, provider } = await loginTarget(context, name, store, loaded);
  if (!context.json) context.note(context.err.dim(`Logging in to ${name} (${server.url}); Ctrl-C cancels.`));
  const status = await provider.login(server.url, { signal: context.signal });
  if (context.json) printJson(context, { login: loginJson(name, server.url, status) });
  else
    context.print(
      [`${context.out.green('Logged in')} to ${context.out.bold(name)}`, ...describeLogin(status).map((line) => `  ${line}`)].join('\n') +
        '\n',
    );
  return EXIT.ok;
}
