import { GLOBAL_FLAGS, SERVER_FLAGS, type FlagSpec } from '../args/flags.js';
import type { CommandSpec } from '../commands/command.js';
import { COMMANDS } from '../commands/specs.js';
import type { Style } from '../output/style.js';

/** The help of `mcpx` itself: commands, global flags, exit codes, where the config is found. */
export function renderMainHelp(style: Style): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.join(' ').length));
  return [
    `${style.bold('mcpx')} — the command line for Model Context Protocol servers`,
    '',
    `${style.bold('Usage:')} mcpx <command> [arguments] [flags]`,
    '',
    style.bold('Commands:'),
    ...COMMANDS.map((command) => `  ${command.name.join(' ').padEnd(width)}  ${command.summary}`),
    `  ${'help'.padEnd(width)}  help for a command: mcpx help call`,
    '',
    style.bold('Global flags:'),
    ...flagLines(GLOBAL_FLAGS),
    '',
    style.bold('One server, without a config file:'),
    '  mcpx <command> [arguments] -- <server command line>   a local server, started over stdio',
    '  mcpx <command> [arguments] --url <url>                a remote one',
    ...flagLines(SERVER_FLAGS),
    '',
    style.bold('Config:'),
    '  --config, else $MCPX_CONFIG, else the first found in this folder: mcp_servers.json, mcp.json,',
    '  .mcp.json (Claude Code), mcp_servers.toml, .cursor/mcp.json, .vscode/mcp.json; then in your',
    "  home: ~/.config/mcpx/mcp_servers.json or .toml, ~/.cursor/mcp.json, Claude Desktop's config.",
    "  With none, the repository's example fleet (examples/mcp_servers.json). mcpx config init writes one.",
    '',
    style.bold('Exit codes:'),
    '  0 ok   1 failed   2 usage error   3 config invalid or missing   4 server unavailable   5 login required   130 interrupted',
    '',
    style.bold('Examples:'),
    '  $ mcpx servers',
    '  $ mcpx tools everything',
    '  $ mcpx call everything/get-sum a=19 b=23',
    '  $ mcpx health --watch',
    '  $ mcpx tools -- node server.js',
    "  $ mcpx call --url http://127.0.0.1:3000/mcp echo message=hi --header 'Authorization: Bearer $TOKEN'",
    '',
    `Run ${style.cyan('mcpx help <command>')} for a command's flags and examples.`,
    '',
  ].join('\n');
}

/** The help of one command: synopsis, description, flags, examples. */
export function renderCommandHelp(command: CommandSpec, style: Style): string {
  const name = command.name.join(' ');
  return [
    `${style.bold(`mcpx ${name}`)} — ${command.summary}`,
    '',
    `${style.bold('Usage:')} mcpx ${command.usage}`,
    ...(command.description === undefined ? [] : ['', command.description]),
    ...(command.flags.length === 0 ? [] : ['', style.bold('Flags:'), ...flagLines(command.flags)]),
    '',
    style.bold('Global flags:'),
    ...flagLines(GLOBAL_FLAGS),
    '',
    style.bold('One server, without a config file (-- <command line>, or --url):'),
    ...flagLines(SERVER_FLAGS),
    '',
    style.bold('Examples:'),
    ...command.examples.flatMap(([line, comment]) => [`  $ ${line}`, `      ${style.dim(comment)}`]),
    '',
  ].join('\n');
}

function flagLines(flags: readonly FlagSpec[]): string[] {
  const labels = flags.map((flag) => {
    const long = flag.negatable ? `--no-${flag.name}` : `--${flag.name}`;
    const value = flag.kind === 'string' && flag.value !== undefined ? ` ${flag.value}` : '';
    return `${flag.short === undefined ? '    ' : `-${flag.short}, `}${long}${value}`;
  });
  const width = Math.max(...labels.map((label) => label.length));
  return labels.map((label, index) => `  ${label.padEnd(width)}  ${flags[index]!.description}`);
}
