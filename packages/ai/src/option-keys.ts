import { SELECTION_KEYS } from './selection.js';

/** The options every provider's tools function accepts; each adds its own. */
export const TOOLS_OPTION_KEYS = {
  select: SELECTION_KEYS,
  approve: true,
  ask: true,
  onUnsupportedSchema: true,
  nameRules: true,
  server: true,
  describeFailure: true,
} as const;

/** The options every tool-use loop accepts, but the conversation (`messages`, `input`); `params` is the API's own and passed as it is. */
export const LOOP_OPTION_KEYS = {
  client: true,
  model: true,
  tools: true,
  maxSteps: true,
  maxTokens: true,
  system: true,
  stream: true,
  params: true,
  signal: true,
  onEvent: true,
} as const;
