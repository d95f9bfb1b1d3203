import { loginTarget } from '../auth/login-target.js';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig, type LoadedConfig } from '../fleet/load-fleet-config.js';
import { openTokenStore } from '../fleet/shared-store.js';
import type { TokenStore } from '@mcpx/auth';

/** `mcpx logout <server>`: revokes the stored tokens where the server supports it, and deletes them. */
export async function run(context: Context): Promise<number> {
  const loaded = await loadFleetConfig(context);
  const tokens = await openTokenStore(context, loaded);
  try {
    return await logOut(context, tokens.store, loaded);
  } finally {
    await tokens.close();
  }
}

async function logOut(context: Context, store: TokenStore, loaded: LoadedConfig): Promise<number> {
  const name = context.args.positionals[0]!;
  const { server, provider } = await loginTarget(context, name, store, loaded);
  const stored = (await provider.status(server.url)) !== undefined;
  const { revoked } = stored ? await provider.logout(server.url) : { revoked: false };
  if (context.json) {
    printJson(context, { logout: { server: name, url: server.url, wasLoggedIn: stored, revoked } });
    return EXIT.ok;
  }
  if (!stored) context.print(`Not logged in to ${name}: nothing to delete\n`);
  else
    context.print(
      `Logged out of ${context.out.bold(name)}: ${revoked ? 'tokens revoked at the authorization server and deleted' : 'tokens deleted (the authorization server does not offer revocation)'}\n`,
    );
  return EXIT.ok;
}
