import { describeLogin, loginJson } from '../auth/describe-login.js';
import { providerFor, usesOAuth } from '../auth/login-target.js';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadFleetConfig, type LoadedConfig } from '../fleet/load-fleet-config.js';
import { openTokenStore } from '../fleet/shared-store.js';
import type { TokenStore } from '@mcpx/auth';

/** `mcpx auth status [server...]`: the stored login of each server that uses OAuth; never a token. */
export async function run(context: Context): Promise<number> {
  const loaded = await loadFleetConfig(context);
  const tokens = await openTokenStore(context, loaded);
  try {
    return await status(context, tokens.store, loaded);
  } finally {
    await tokens.close();
  }
}

async function status(context: Context, store: TokenStore, loaded: LoadedConfig): Promise<number> {
  const names = context.args.positionals;
  const servers = loaded.config.servers.filter(usesOAuth).filter((server) => names.length === 0 || names.includes(server.name));
  const logins = [];
  for (const server of servers) {
    const provider = await providerFor(context, server, store);
    logins.push({ server, status: await provider.status(server.url) });
  }
  if (context.json) {
    printJson(context, { logins: logins.map(({ server, status }) => loginJson(server.name, server.url, status)) });
    return EXIT.ok;
  }
  if (logins.length === 0) {
    context.print(
      `No server in ${loaded.file} logs in with OAuth (servers with "command", "oauth": false or an Authorization header do not)\n`,
    );
    return EXIT.ok;
  }
  const { out } = context;
  for (const { server, status } of logins) {
    const heading = `${out.bold(server.name)}  ${server.url}`;
    if (status === undefined) context.print(`${heading}\n  ${out.yellow('not logged in')}: run \`mcpx login ${server.name}\`\n`);
    else context.print([heading, ...describeLogin(status).map((line) => `  ${line}`)].join('\n') + '\n');
  }
  return EXIT.ok;
}
