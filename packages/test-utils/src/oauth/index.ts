/**
 * The OAuth peers of the @mcpx/auth tests: a real authorization server, an MCP server it
 * protects, and a robot that logs in. A subpath of its own, so that the other packages'
 * tests do not load oidc-provider.
 */
export { startAuthorizationServer, RESOURCE_SERVER_CLIENT } from './authorization-server.js';
export type { AuthorizationServer, AuthorizationServerOptions, AuthorizationServerEvent } from './authorization-server.js';
export { robotBrowser } from './robot-browser.js';
export type { RobotBrowser, RobotBrowserOptions, RobotPage } from './robot-browser.js';
export { startProtectedMcpServer } from './protected-mcp-server.js';
export type { ProtectedMcpServer, ProtectedMcpServerOptions, ProtectedRequest } from './protected-mcp-server.js';
export type { TokenInfo } from './token-check.js';
export { useOAuthServers } from './use-oauth-servers.js';
export type { OAuthServers, OAuthServersOptions } from './use-oauth-servers.js';
