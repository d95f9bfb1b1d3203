import type { Tool } from '../types/index.js';
import type { AppVisibility, ToolApp } from './app-meta.js';

const EVERYONE: readonly AppVisibility[] = ['model', 'app'];

/**
 * The app a tool points at: `_meta.ui.resourceUri`, or the deprecated flat `_meta["ui/resourceUri"]`
 * that SEP-1865 still accepts until GA; undefined when the tool has none, or its URI is not `ui://`.
 * @example
 * const withApps = tools.filter((tool) => appOf(tool) !== undefined);
 */
export function appOf(tool: Pick<Tool, '_meta'>): ToolApp | undefined {
  const ui = uiMeta(tool);
  const flat = tool._meta?.['ui/resourceUri'];
  const resourceUri = typeof ui?.resourceUri === 'string' ? ui.resourceUri : flat;
  if (typeof resourceUri !== 'string' || !resourceUri.startsWith('ui://')) return undefined;
  return { resourceUri, visibility: visibilityOf(tool) };
}

/** Whether the model may see and call the tool: SEP-1865 keeps tools whose `visibility` lacks `"model"` out of the agent's list. */
export function visibleToModel(tool: Pick<Tool, '_meta'>): boolean {
  return visibilityOf(tool).includes('model');
}

/** Whether an app of the tool's server may call it: SEP-1865 refuses `tools/call` from apps for tools whose `visibility` lacks `"app"`. */
export function callableByApp(tool: Pick<Tool, '_meta'>): boolean {
  return visibilityOf(tool).includes('app');
}

/**
 * Who may call the tool (`_meta.ui.visibility`): `["model", "app"]` when the tool does not say, and
 * no one when it says something that is not a list, since a host must not guess its way to wider access.
 */
export function visibilityOf(tool: Pick<Tool, '_meta'>): AppVisibility[] {
  const ui = uiMeta(tool);
  if (ui === undefined || !('visibility' in ui) || ui.visibility === undefined) return [...EVERYONE];
  const visibility = ui.visibility;
  if (!Array.isArray(visibility)) return [];
  return EVERYONE.filter((who) => visibility.includes(who));
}

function uiMeta(tool: Pick<Tool, '_meta'>): Record<string, unknown> | undefined {
  const ui = tool._meta?.ui;
  return typeof ui === 'object' && ui !== null && !Array.isArray(ui) ? (ui as Record<string, unknown>) : undefined;
}
