import { cliTokenStore } from '../auth/oauth-options.js';
import { describeLogin, loginJson } from '../auth/describe-login.js';
import { loginTarget } from '../auth/login-target.js';
import { printJson, type Context } from '../context.js';
import { EXIT } from '../exit-codes.js';

/** `mcpx login <server>`: logs in through the browser now, even when a login is stored. */
export async function run(context: Context): Promise<number> {
  const name = context.args.positionals[0]!;
  const { server, provider } = await loginTarget(context, name, cliTokenStore(context));
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
