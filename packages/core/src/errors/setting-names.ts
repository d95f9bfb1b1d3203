/**
 * How the caller's interface names the settings that bound waiting, for the hints of timeout
 * errors: `McpClient` options by default; a layer above (a config file, a command line) passes
 * its own names down so that an error tells its user what they can actually change.
 */
export interface SettingNames {
  /** The per-request timeout. @default '`requestTimeoutMs` (or the call's `timeoutMs`)' */
  requestTimeoutMs?: string | undefined;
  /** The cap on a request, whatever progress arrives. @default '`maxTotalTimeoutMs`' */
  maxTotalTimeoutMs?: string | undefined;
  /** The time connecting may take. @default '`connectTimeoutMs`' */
  connectTimeoutMs?: string | undefined;
}

/** The names of the `McpClient` options. */
export const DEFAULT_SETTING_NAMES: Required<{ [K in keyof SettingNames]: string }> = {
  requestTimeoutMs: "`requestTimeoutMs` (or the call's `timeoutMs`)",
  maxTotalTimeoutMs: '`maxTotalTimeoutMs`',
  connectTimeoutMs: '`connectTimeoutMs`',
};
