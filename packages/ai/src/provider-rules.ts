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
}

/** Anthropic's Messages API: `^[a-zA-Z0-9_-]{1,128}$`. */
export const ANTHROPIC_NAME_RULES: ProviderNameRules = { provider: 'Anthropic', maxLength: 128, allowed: /[a-zA-Z0-9_-]/ };

/** OpenAI's function tools: `^[a-zA-Z0-9_-]{1,64}$`. */
export const OPENAI_NAME_RULES: ProviderNameRules = { provider: 'OpenAI', maxLength: 64, allowed: /[a-zA-Z0-9_-]/ };
