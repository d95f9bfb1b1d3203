import type { SchemaPick } from '../era/era-session.js';

/**
 * The 2026-07-28 result schema of each method whose shape changed in that revision (it loosens
 * tool schemas and `structuredContent`).
 */
export const MODERN_RESULT_SCHEMAS: Readonly<Record<string, SchemaPick<unknown>>> = {
  'tools/list': (s) => s.ModernListToolsResultSchema,
  'tools/call': (s) => s.ModernCallToolResultSchema,
  'resources/list': (s) => s.ModernListResourcesResultSchema,
  'resources/templates/list': (s) => s.ModernListResourceTemplatesResultSchema,
  'resources/read': (s) => s.ModernReadResourceResultSchema,
  'prompts/list': (s) => s.ModernListPromptsResultSchema,
  'prompts/get': (s) => s.ModernGetPromptResultSchema,
  'completion/complete': (s) => s.ModernCompleteResultSchema,
};
