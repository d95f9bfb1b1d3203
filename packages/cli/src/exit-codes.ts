/**
 * The exit codes of `mcpx`, stable for scripts.
 * - `0` success
 * - `1` the operation failed: the tool reported an error, the server answered with an error, a timeout
 * - `2` usage: unknown command or flag, missing or malformed argument, no such server, tool or prompt
 * - `3` the config is invalid or missing, or needs a transport package that is not installed
 * - `4` a server could not be reached (listing commands still print what the others answered)
 * - `5` a server needs a login and no one is there to log in (not a terminal): run `mcpx login <server>`
 * - `6` `mcpx chat -p`: the model still wanted tools when the step limit (`--max-steps`) was reached
 * - `7` `mcpx chat -p`: the model refused to answer
 * - `130` interrupted with Ctrl-C (the call in flight is cancelled on the server)
 */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  config: 3,
  unavailable: 4,
  loginRequired: 5,
  maxSteps: 6,
  refused: 7,
  interrupted: 130,
} as const;

/** One of the exit codes of `EXIT`. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
