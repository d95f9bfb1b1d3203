import { INTERACTION_FLAGS, WATCH_FLAGS, type FlagSpec } from '../args/flags.js';
import type { CommandSpec } from './command.js';
import { TASK_COMMANDS } from './tasks-specs.js';

const LONG: FlagSpec = { name: 'long', short: 'l', kind: 'boolean', description: 'full descriptions and input schemas' };
const ARGS: FlagSpec = {
  name: 'args',
  kind: 'string',
  value: '<json>',
  description: "arguments as a JSON object; key=value words are applied on top (also --json '{...}')",
};

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: ['servers'],
    summary: 'every configured server: transport, protocol revision, state, latency, tool count',
    usage: 'servers [server...]',
    description:
      'Connects the servers (the enabled ones, or those named) and shows where each stands. Exits 4 when one could not be reached.',
    flags: [],
    positionals: { min: 0, max: Infinity },
    examples: [
      ['mcpx servers', 'the whole fleet'],
      ['mcpx servers --json | jq ".servers[].state"', 'states, for a script'],
    ],
    load: () => import('./servers.js'),
  },
  {
    name: ['tools'],
    summary: 'the tools of every server, or of one',
    usage: 'tools [server] [--long]',
    description:
      'Each tool as server/tool, the name `mcpx call` takes, with the first line of its description; --long adds its full description and parameters.',
    flags: [LONG],
    positionals: { min: 0, max: 1 },
    examples: [
      ['mcpx tools', 'every tool of the fleet'],
      ['mcpx tools everything --long', "one server's tools with their parameters"],
      ['mcpx tools --json | jq -r ".tools[].name"', 'names only'],
    ],
    load: () => import('./tools.js'),
  },
  {
    name: ['resources'],
    summary: 'the resources of every server, or of one',
    usage: 'resources [server] [--templates] [--long]',
    flags: [{ name: 'templates', short: 't', kind: 'boolean', description: 'resource templates instead of resources' }, LONG],
    positionals: { min: 0, max: 1 },
    examples: [
      ['mcpx resources', 'every resource with its URI'],
      ['mcpx resources everything --templates', 'URI templates, to read with concrete values'],
    ],
    load: () => import('./resources.js'),
  },
  {
    name: ['prompts'],
    summary: 'the prompts of every server, or of one',
    usage: 'prompts [server] [--long]',
    flags: [LONG],
    positionals: { min: 0, max: 1 },
    examples: [
      ['mcpx prompts', 'every prompt with its arguments'],
      ['mcpx prompts everything --json', 'as JSON'],
    ],
    load: () => import('./prompts.js'),
  },
  {
    name: ['call'],
    summary: 'call a tool, with arguments typed from its input schema',
    usage: "call <server>/<tool> [key=value...] [--args '{...}']",
    description: [
      'Values are converted to the type the input schema gives (numbers, booleans, arrays as JSON or a,b,c); key:=<json> sets raw JSON.',
      'Long calls show a progress bar on a terminal. A server asking for input (elicitation) gets a form in the terminal, or',
      'the --answers given; without either it is declined. Ctrl-C cancels the call on the server. A tool that runs as a task',
      'shows its id and status on stderr; Ctrl-C then asks whether to cancel the task (without a terminal: says how, with mcpx tasks).',
    ].join('\n'),
    flags: [ARGS, ...INTERACTION_FLAGS, { name: 'progress', kind: 'boolean', negatable: true, description: 'no progress bar' }],
    positionals: { min: 1, max: Infinity },
    jsonArguments: true,
    examples: [
      ['mcpx call everything/echo message="hello world"', 'a string argument'],
      ['mcpx call everything/get-sum a=19 b=23', 'numbers, typed from the schema'],
      [
        'mcpx call memory/create_entities --json \'{"entities":[{"name":"Ada","entityType":"person","observations":[]}]}\'',
        'JSON arguments',
      ],
      ['mcpx call everything/trigger-long-running-operation duration=5 steps=10', 'a progress bar; Ctrl-C cancels'],
      ['mcpx call everything/trigger-elicitation-request --answers \'{"name":"Ada"}\' < /dev/null', 'answer a form from a script'],
      ['mcpx call everything/simulate-research-query topic=tides', 'a task: its status on stderr, then its result'],
    ],
    load: () => import('./call.js'),
  },
  {
    name: ['chat'],
    summary: 'chat with a model that calls the tools of the fleet',
    usage: 'chat [-p <question>] [--provider <name>] [--model <model>] [--yes]',
    description: [
      'Answers stream in; each tool call shows its server, arguments and duration. Tools that are not read-only and not in their',
      "server's autoApprove list are asked about on a terminal ([y/N]), declined without one (the model is told), run with --yes.",
      "Servers' sampling requests are answered by the same model, asked about the same way. Elicitation forms and progress bars",
      'are those of mcpx call. Ctrl-C cancels the answer and its tool calls; Ctrl-C again at the prompt leaves. At the prompt:',
      '/tools, /servers, /help, /exit. Needs ANTHROPIC_API_KEY, or OPENAI_API_KEY with --provider openai (ANTHROPIC_BASE_URL or',
      'OPENAI_BASE_URL for another endpoint); the provider and model come from --provider and --model, the config\'s "chat" table,',
      'or MCPX_CHAT_PROVIDER and MCPX_CHAT_MODEL. With -p: one question, the answer on stdout, exit 0; 1 when the',
      'model request failed, 3 without an API key, 4 when no server could be reached, 6 at the step limit, 7 when the model refused.',
    ].join('\n'),
    flags: [
      { name: 'print', short: 'p', kind: 'string', value: '<question>', description: 'ask one question, print the answer and exit' },
      {
        name: 'provider',
        kind: 'string',
        value: '<name>',
        description: 'the model provider: anthropic or openai (env MCPX_CHAT_PROVIDER; default: anthropic)',
      },
      {
        name: 'model',
        short: 'm',
        kind: 'string',
        value: '<model>',
        description: 'the model (env MCPX_CHAT_MODEL; default: claude-sonnet-4-5, or gpt-5 with openai)',
      },
      { name: 'max-steps', kind: 'string', value: '<n>', description: 'the most model turns for one question (default: 10)' },
      { name: 'system', kind: 'string', value: '<text>', description: 'the system prompt' },
      { name: 'yes', short: 'y', kind: 'boolean', description: 'run every tool call and sampling request without asking' },
      ...INTERACTION_FLAGS,
    ],
    positionals: { min: 0, max: 0 },
    examples: [
      ['mcpx chat', 'chat over every enabled server'],
      ['mcpx chat -p "What is 19 + 23?" --yes', 'one question, for a script'],
      ['mcpx chat -p "Summarize my notes" --json | jq .toolCalls', 'the transcript: messages and tool calls'],
    ],
    load: () => import('./chat.js'),
  },
  {
    name: ['read'],
    summary: 'read a resource by its URI',
    usage: 'read <uri> [--server <name>]',
    description: 'The server is found from the resource lists and templates; --server picks it when several could serve the URI.',
    flags: [{ name: 'server', short: 's', kind: 'string', value: '<name>', description: 'the server to read from' }, ...INTERACTION_FLAGS],
    positionals: { min: 1, max: 1 },
    examples: [
      ['mcpx read demo://resource/static/document/architecture.md', 'a listed resource'],
      ['mcpx read demo://resource/dynamic/text/7 --json', 'from a template, as JSON'],
    ],
    load: () => import('./read.js'),
  },
  {
    name: ['prompt'],
    summary: 'get a prompt, with its arguments',
    usage: 'prompt <server>/<prompt> [key=value...]',
    flags: [ARGS, ...INTERACTION_FLAGS],
    positionals: { min: 1, max: Infinity },
    jsonArguments: true,
    examples: [
      ['mcpx prompt everything/simple-prompt', 'a prompt without arguments'],
      ['mcpx prompt everything/args-prompt city=Paris', 'with an argument'],
    ],
    load: () => import('./prompt.js'),
  },
  ...TASK_COMMANDS,
  {
    name: ['app'],
    summary: "write the HTML of a tool's MCP App to a file",
    usage: 'app <server>/<tool> [--out <file>] [--raw]',
    description: [
      'Reads the ui:// resource the tool points at (MCP Apps, SEP-1865; `mcpx tools` marks the tools that have one), checks its',
      'metadata, writes its HTML to --out (a file in a new private temporary folder by default; - for stdout) and prints the Content',
      "Security Policy and permissions a host would frame it with. The HTML is the server's: it starts with that policy in a <meta>",
      "unless --raw, and opening the file runs its scripts in your browser, outside any host's sandbox.",
    ].join('\n'),
    flags: [
      { name: 'out', short: 'o', kind: 'string', value: '<file>', description: 'where to write the HTML (- for stdout)' },
      { name: 'raw', kind: 'boolean', description: "the server's HTML as it is, without the policy <meta>" },
    ],
    positionals: { min: 1, max: 1 },
    examples: [
      ['mcpx app basic/get-time', 'to a temporary file, with its security policy'],
      ['mcpx app basic/get-time --out time.html', 'to time.html'],
      ['mcpx app basic/get-time --out - | head', 'to stdout'],
    ],
    load: () => import('./app.js'),
  },
  {
    name: ['skills'],
    summary: "a server's skills, or one skill's SKILL.md",
    usage: 'skills <server> [skill]',
    description: [
      'Lists the skills the server publishes (Skills extension, SEP-2640) with their descriptions; given a skill name (or the URI',
      'of its SKILL.md), fetches its SKILL.md and prints it once its size, digest and frontmatter match the skill entry.',
    ].join('\n'),
    flags: [],
    positionals: { min: 1, max: 2 },
    examples: [
      ['mcpx skills docs', 'the skills of the server "docs"'],
      ['mcpx skills docs pdf-processing', 'its SKILL.md, verified'],
      ['mcpx skills docs --json', 'the skill entries, with their files and digests'],
    ],
    load: () => import('./skills.js'),
  },
  {
    name: ['ping'],
    summary: 'check that servers answer, and how fast',
    usage: 'ping [server...] [--count <n>]',
    flags: [
      { name: 'count', kind: 'string', value: '<n>', description: 'pings per server (default: 1)' },
      { name: 'interval', kind: 'string', value: '<duration>', description: 'time between pings (default: 1s)' },
    ],
    positionals: { min: 0, max: Infinity },
    examples: [
      ['mcpx ping', 'every server once'],
      ['mcpx ping everything --count 5', 'five round trips, with min/avg/max'],
    ],
    load: () => import('./ping.js'),
  },
  {
    name: ['health'],
    summary: 'state, latency, error rate and circuit breaker of each server',
    usage: 'health [server...] [--watch] [--interval <duration>]',
    description:
      'Runs a health check on every server and shows the result; --watch keeps checking and redraws the table. Exits 4 when a server is down.',
    flags: WATCH_FLAGS,
    positionals: { min: 0, max: Infinity },
    examples: [
      ['mcpx health', 'one round of checks'],
      ['mcpx health --watch --interval 5s', 'a live table'],
      ['mcpx health --watch --json --count 3', 'three snapshots as JSON lines'],
    ],
    load: () => import('./health.js'),
  },
  {
    name: ['stats'],
    summary: 'request counts, success rate and latency percentiles of each server',
    usage: 'stats [server...] [--watch]',
    flags: WATCH_FLAGS,
    positionals: { min: 0, max: Infinity },
    examples: [
      ['mcpx stats', 'after connecting and one ping'],
      ['mcpx stats --watch', 'as health checks accumulate'],
    ],
    load: () => import('./stats.js'),
  },
  {
    name: ['validate'],
    summary: 'check a config file and list every problem',
    usage: 'validate [config]',
    description:
      'Reads the file (the argument, --config, or the one discovered) without starting any server, and warns of a command that would not be found (the exit code stays 0). Exits 3 with every problem listed when it is invalid.',
    flags: [],
    positionals: { min: 0, max: 1 },
    examples: [
      ['mcpx validate', 'the config mcpx would use'],
      ['mcpx validate ~/.cursor/mcp.json', "another host's file"],
    ],
    load: () => import('./validate.js'),
  },
  {
    name: ['login'],
    summary: 'log in to a server with OAuth, through the browser',
    usage: 'login <server>',
    description: [
      "Discovers the server's authorization server, registers mcpx there if needed, and opens the login page in the browser",
      '(MCPX_BROWSER or BROWSER names the command that opens it; the URL is printed too). The browser returns to a loopback',
      'address on this machine. Logs in again even when a login is stored, to switch accounts. Prints the issuer, scopes and',
      'expiry, never a token. Logins are kept in ~/.config/mcpx/auth, one 0600 file each. Ctrl-C cancels.',
    ].join('\n'),
    flags: [],
    positionals: { min: 1, max: 1 },
    examples: [['mcpx login github', 'log in to the server "github" of the config']],
    load: () => import('./login.js'),
  },
  {
    name: ['logout'],
    summary: 'forget the login of a server, revoking its tokens',
    usage: 'logout <server>',
    description: 'Revokes the stored tokens at the authorization server where it offers revocation, then deletes them.',
    flags: [],
    positionals: { min: 1, max: 1 },
    examples: [['mcpx logout github', 'revoke and delete the login of "github"']],
    load: () => import('./logout.js'),
  },
  {
    name: ['auth', 'status'],
    summary: 'the OAuth login of each server: issuer, scopes, expiry',
    usage: 'auth status [server...]',
    description:
      'For each server that logs in with OAuth: whether a login is stored, its issuer, client, scopes, expiry and whether it can be refreshed. Never prints a token.',
    flags: [],
    positionals: { min: 0, max: Infinity },
    examples: [
      ['mcpx auth status', 'every server'],
      ['mcpx auth status --json | jq ".logins[] | select(.loggedIn | not) | .server"', 'servers to log in to'],
    ],
    load: () => import('./auth-status.js'),
  },
  {
    name: ['config', 'init'],
    summary: 'write a commented starter config',
    usage: 'config init [path] [--force]',
    description:
      'Writes mcp_servers.json (or the path given) with commented examples of each transport. Refuses to overwrite a file unless --force.',
    flags: [{ name: 'force', short: 'f', kind: 'boolean', description: 'overwrite an existing file' }],
    positionals: { min: 0, max: 1 },
    examples: [
      ['mcpx config init', './mcp_servers.json'],
      ['mcpx config init ~/.config/mcpx/mcp_servers.json', 'for every project'],
    ],
    load: () => import('./config-init.js'),
  },
  {
    name: ['config', 'add'],
    summary: 'add a server to your config file, keeping its format and comments',
    usage: 'config add <name> (-- <command line> | --url <url>) [--force]',
    description: [
      'Edits the config mcpx reads (--config, else the discovered one; ./mcp_servers.json is created when there is none):',
      'JSON with comments (mcpServers or VS Code servers) or TOML. The server takes the flags of a one-off server',
      '(--env, --cwd, --url, --header, --transport). The file is written only if the change leaves it valid.',
    ].join('\n'),
    flags: [{ name: 'force', short: 'f', kind: 'boolean', description: 'replace a server of the same name' }],
    positionals: { min: 1, max: 1 },
    examples: [
      ['mcpx config add memory -- npx -y @modelcontextprotocol/server-memory', 'a local server'],
      ["mcpx config add github --url https://api.githubcopilot.com/mcp/ --header 'Authorization: Bearer ${GITHUB_TOKEN}'", 'a remote one'],
    ],
    load: () => import('./config-add.js'),
  },
  {
    name: ['config', 'remove'],
    summary: 'remove a server from your config file',
    usage: 'config remove <name>',
    flags: [],
    positionals: { min: 1, max: 1 },
    examples: [['mcpx config remove memory', 'from the discovered config']],
    load: () => import('./config-remove.js'),
  },
  {
    name: ['config', 'list'],
    summary: 'the servers of the config file, without connecting them',
    usage: 'config list',
    flags: [],
    positionals: { min: 0, max: 0 },
    examples: [
      ['mcpx config list', 'names, transports and targets'],
      ['mcpx config list --json', 'as JSON'],
    ],
    load: () => import('./config-list.js'),
  },
  {
    name: ['completion'],
    summary: 'the shell completion script for bash, zsh or fish',
    usage: 'completion <bash|zsh|fish>',
    description:
      'Completes commands, flags, flag values and the server names of your config (read without connecting). Falls back to file names.',
    flags: [],
    positionals: { min: 1, max: 1 },
    examples: [
      ['mcpx completion bash > ~/.local/share/bash-completion/completions/mcpx', 'bash (or: source <(mcpx completion bash) in ~/.bashrc)'],
      ['mcpx completion zsh > "${fpath[1]}/_mcpx"', 'zsh (or: source <(mcpx completion zsh) in ~/.zshrc, after compinit)'],
      ['mcpx completion fish > ~/.config/fish/completions/mcpx.fish', 'fish'],
    ],
    load: () => import('./completion.js'),
  },
  {
    name: ['demo'],
    summary: 'bring the fleet up, show it and call a tool (what `pnpm start` runs)',
    usage: 'demo',
    flags: [],
    positionals: { min: 0, max: 0 },
    examples: [['mcpx demo', 'on the example fleet when no config is found']],
    load: () => import('./demo.js'),
  },
];

/** The command named by the first words of `words`, with how many words its name took. */
export function findCommand(words: readonly string[]): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name.every((part, index) => words[index] === part));
}
