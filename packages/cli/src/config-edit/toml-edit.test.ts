import { describe, expect, it } from 'vitest';
import { removeTomlServer, setTomlServer, tomlServerNames } from './toml-edit.js';

const FILE = `# top comment
[alpha]
command = "node" # inline
args = ["a.js"]

[alpha.env]
X = "1"

# about beta
[beta]
url = "http://127.0.0.1:1/mcp"
`;

describe('editing a TOML config', () => {
  it('lists the servers of the table-per-server layout and of a servers table', () => {
    expect(tomlServerNames(FILE)).toEqual(['alpha', 'beta']);
    expect(tomlServerNames('[mcp_servers.one]\ncommand = "x"\n[mcp_servers."two words"]\ncommand = "y"\n')).toEqual(['one', 'two words']);
  });

  it('appends a server as a table, every existing line kept', () => {
    const edited = setTomlServer(FILE, 'gamma', { command: 'npx', args: ['-y', 'a "quoted" arg'], env: { 'API-KEY': 'k', 'a b': 'c' } });
    expect(edited.startsWith(FILE)).toBe(true);
    expect(edited.slice(FILE.length)).toBe(
      '\n[gamma]\ncommand = "npx"\nargs = ["-y", "a \\"quoted\\" arg"]\nenv = { API-KEY = "k", "a b" = "c" }\n',
    );
  });

  it('removes a server with its sub-tables, leaving the comment of the next one', () => {
    expect(removeTomlServer(FILE, 'alpha')).toBe('# top comment\n\n# about beta\n[beta]\nurl = "http://127.0.0.1:1/mcp"\n');
    expect(removeTomlServer(FILE, 'beta')).toBe(FILE.slice(0, FILE.indexOf('# about beta')).replace(/\n+$/, '\n\n'));
  });

  it('writes into the servers table when the file has one', () => {
    expect(setTomlServer('[mcp_servers.one]\ncommand = "x"\n', 'two', { url: 'http://h/mcp' })).toBe(
      '[mcp_servers.one]\ncommand = "x"\n\n[mcp_servers.two]\nurl = "http://h/mcp"\n',
    );
  });
});

describe('removing the last server of a servers table', () => {
  it('leaves the table, empty, so that the other top-level keys are not read as servers', () => {
    const codex = 'model = "o3"\n\n[mcp_servers.only]\ncommand = "x"\n';
    const edited = removeTomlServer(codex, 'only');
    expect(edited).toBe('model = "o3"\n\n[mcp_servers]\n');
    expect(tomlServerNames(edited)).toEqual([]);
    expect(setTomlServer(edited, 'next', { command: 'y' })).toBe('model = "o3"\n\n[mcp_servers]\n\n[mcp_servers.next]\ncommand = "y"\n');
  });
});

describe('servers written in other TOML forms', () => {
  it('are found and removed when the header ends in a comment', () => {
    const text = '[mcp_servers.a] # primary\ncommand = "x"\n\n[mcp_servers.b]\ncommand = "y"\n';
    expect(tomlServerNames(text)).toEqual(['a', 'b']);
    expect(removeTomlServer(text, 'a')).toBe('[mcp_servers.b]\ncommand = "y"\n');
  });

  it('are found and removed when written inline or as dotted keys, a multi-line array included', () => {
    const text =
      '[mcp_servers]\nfs = { command = "x", args = ["a"] } # files\nweb.url = "http://h/mcp"\nweb.args = [\n  "--port", # a comment ] with a bracket\n  "1",\n]\nkeep.command = "k"\n';
    expect(tomlServerNames(text)).toEqual(['fs', 'web', 'keep']);
    expect(removeTomlServer(text, 'fs')).toBe(text.replace('fs = { command = "x", args = ["a"] } # files\n', ''));
    expect(removeTomlServer(text, 'web')).toBe('[mcp_servers]\nfs = { command = "x", args = ["a"] } # files\nkeep.command = "k"\n');
  });

  it('but not the store at the top of a table-per-server file, which is the shared store', () => {
    const text = '[web]\nurl = "http://h/mcp"\n\n[store]\nredis = "redis://h:6379"\n';
    expect(tomlServerNames(text)).toEqual(['web']);
  });

  it('at the top of a table-per-server file', () => {
    expect(tomlServerNames('fs = { command = "x" }\n\n[web]\nurl = "http://h/mcp"\n')).toEqual(['fs', 'web']);
    expect(removeTomlServer('fs = { command = "x" }\n\n[web]\nurl = "http://h/mcp"\n', 'fs')).toBe('[web]\nurl = "http://h/mcp"\n');
  });
});
