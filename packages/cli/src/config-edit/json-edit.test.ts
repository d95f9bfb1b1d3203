import { describe, expect, it } from 'vitest';
import { jsonServerNames, removeJsonServer, setJsonServer } from './json-edit.js';

const FILE = `{
  // my servers
  "mcpServers": {
    "a": { "command": "node", "args": ["a.js"] }, // first
    "b": { "url": "http://127.0.0.1:1/mcp" }
  },
  "other": 1
}
`;

describe('editing a JSON config with comments', () => {
  it("adds a server after the last one in the file's indentation, leaving every other line as it was", () => {
    const edited = setJsonServer(FILE, 'c', { command: 'npx', args: ['-y', 'srv'] });
    expect(edited).toBe(`{
  // my servers
  "mcpServers": {
    "a": { "command": "node", "args": ["a.js"] }, // first
    "b": { "url": "http://127.0.0.1:1/mcp" },
    "c": {
      "command": "npx",
      "args": [
        "-y",
        "srv"
      ]
    }
  },
  "other": 1
}
`);
    expect(jsonServerNames(edited)).toEqual(['a', 'b', 'c']);
  });

  it('replaces a server in place', () => {
    expect(setJsonServer(FILE, 'b', { url: 'http://127.0.0.1:2/mcp' })).toContain(
      '    "b": {\n      "url": "http://127.0.0.1:2/mcp"\n    }\n  },\n  "other": 1',
    );
  });

  it('removes a server with its lines, keeping every other line and comment', () => {
    expect(removeJsonServer(FILE, 'b')).toBe(FILE.replace(', // first\n    "b": { "url": "http://127.0.0.1:1/mcp" }\n', ' // first\n'));
    expect(removeJsonServer(FILE, 'a')).toBe(FILE.replace('    "a": { "command": "node", "args": ["a.js"] }, // first\n', ''));
    expect(removeJsonServer(FILE, 'zz')).toBe(FILE);
  });

  it('uses the servers key the file has (VS Code), and mcpServers in a new file', () => {
    expect(jsonServerNames(setJsonServer('{ "servers": {} }', 'x', { command: 'x' }))).toEqual(['x']);
    expect(JSON.parse(setJsonServer('', 'x', { command: 'x' }))).toEqual({ mcpServers: { x: { command: 'x' } } });
  });
});
