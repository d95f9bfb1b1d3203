/** What a model provider accepts as a tool name. */
export interface ProviderNameRules {
  /** The provider, as named in error messages. */
  provider: string;
  /** The longest name accepted, in characters. */
  maxLength: number;
  /** Matches one character a name may hold; every other character is replaced by `replacement`. */
  allowed: RegExp;
  /** What replaces a character the provider does not accept. @default '_' */
  replacement?: string | undefined;
  /** Matches the characters a name may start with; a name starting otherwise gets `replacement` put before it. @default any character of `allowed` */
  first?: RegExp | undefined;
}

/** Anthropic's Messages API: `^[a-zA-Z0-9_-]{1,128}$`. */
export const ANTHROPIC_NAME_RULES: ProviderNameRules = { provider: 'Anthropic', maxLength: 128, allowed: /[a-zA-Z0-9_-]/ };

/** OpenAI's function tools: `^[a-zA-Z0-9_-]{1,64}$`. */
export const OPENAI_NAME_RULES: ProviderNameRules = { provider: 'OpenAI', maxLength: 64, allowed: /[a-zA-Z0-9_-]/ };

/**
 * What every provider the AI SDK talks to accepts, the strictest rules of them all:
 * `^[a-zA-Z_][a-zA-Z0-9_-]{0,63}$` (OpenAI, Mistral and Bedrock take 64 characters at most,
 * Anthropic 128; Google's Gemini wants a letter or `_` first).
 */
export const AI_SDK_NAME_RULES: ProviderNameRules = {
  provider: 'the AI SDK’s providers',
  maxLength: 64,
  allowed: /[a-zA-Z0-9_-]/,
  first: /[a-zA-Z_]/,
};
