import { apps } from '@mcpx/core/apps';
import { skills } from '@mcpx/core/skills';
import type { ClientExtension } from '@mcpx/core';

/** The MCP extensions every client of the CLI declares: Apps (so `mcpx tools` sees apps, `mcpx app` reads them) and Skills. */
export function cliExtensions(): ClientExtension[] {
  return [apps(), skills()];
}
