import { didYouMean } from '../args/suggest.js';
import { serverRows, renderServers } from '../commands/servers.js';
import { summaryLine } from '../commands/catalog-helpers.js';
import type { Context } from '../context.js';
import { renderTable } from '../output/table.js';
import type { OpenChat } from './open-chat.js';

/** The commands typed at the chat's prompt, with what each does. */
export const SLASH_COMMANDS: ReadonlyArray<readonly [name: string, summary: string]> = [
  ['/tools', 'the tools the model can call, by server'],
  ['/servers', 'the servers of the fleet: state, latency, tool count'],
  ['/help', 'these commands and keys'],
  ['/exit', 'leave (also Ctrl-D, or Ctrl-C twice)'],
];

/** Runs a `/command`; resolves with `'exit'` when it says to leave. */
export async function runSlashCommand(line: string, chat: OpenChat, context: Context): Promise<'exit' | undefined> {
  const [name = ''] = line.trim().split(/\s+/);
  const { out } = context;
  switch (name) {
    case '/exit':
    case '/quit':
      return 'exit';
    case '/help':
      context.print(
        `${renderTable(
          [{ header: 'COMMAND' }, { header: 'WHAT IT DOES', flexible: true }],
          SLASH_COMMANDS.map(([command, summary]) => [out.bold(command), summary]),
          out,
          context.width,
        )}${out.dim('Ctrl-C cancels the answer being written and the tool calls it runs; Ctrl-C again at the prompt leaves.')}\n`,
      );
      return undefined;
    case '/tools': {
      const rows = chat.session.tools.map(({ tool }) => [
        out.bold(`${tool.server}/${tool.originalName}`),
        summaryLine(tool.tool.description),
      ]);
      context.print(
        rows.length === 0
          ? `${out.dim('no tools: the servers that came up offer none')}\n`
          : renderTable([{ header: 'TOOL' }, { header: 'DESCRIPTION', flexible: true }], rows, out, context.width),
      );
      return undefined;
    }
    case '/servers':
      context.print(renderServers(await serverRows(chat.fleet, context), chat.fleet, context));
      return undefined;
    default:
      context.note(
        `${context.err.yellow('mcpx:')} no command "${name}"${didYouMean(
          name,
          SLASH_COMMANDS.map(([command]) => command),
        )}; /help lists them`,
      );
      return undefined;
  }
}
