/** The file `mcpx config init` writes: JSON with comments, which every mcpx command reads. */
export const STARTER_CONFIG = `// mcpx config: the servers mcpx (and @mcpx/factory) connect to.
// Reference: docs/configuration.md. Check it with: mcpx validate
// Comments and trailing commas are allowed; "\${VAR}" and "\${VAR:-default}" read the environment.
{
  "mcpServers": {
    // A local server started as a process, talking over stdin/stdout (transport "stdio").
    // "npx -y" downloads the package on first use; "node", "uvx", "docker" or any binary work too.
    "everything": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-everything"],
      // "env": { "DEBUG": "1" },        // variables for the server (it does not get your whole environment)
      // "cwd": ".",                      // working directory, relative to this file
      // "toolPrefix": "ev",              // its tools appear as ev__echo in a registry
      // "requestTimeoutMs": 60000,       // per request; progress notifications reset it
    },

    // A file server on one folder.
    "files": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "\${workspaceFolder}"],
      "enabled": false,                   // registered but not connected; mcpx tools files connects it
    },

    // A remote server over Streamable HTTP (falls back to the legacy HTTP+SSE transport on a 4xx).
    "remote": {
      "url": "https://example.com/mcp",
      "headers": { "Authorization": "Bearer \${EXAMPLE_TOKEN}" },
      "enabled": false,
      // "reconnect": { "maxAttempts": 5, "initialDelayMs": 1000, "maxDelayMs": 30000 },
      // "health": { "intervalMs": 30000, "timeoutMs": 10000 },
    },

    // A server behind a WebSocket (subprotocol "mcp").
    // "socket": { "url": "wss://example.com/mcp" },
  },
}
`;
