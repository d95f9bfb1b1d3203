/** `error` as an `Error`, wrapping anything else that was thrown. */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * `reason` with `addition` at the end of its first line: the error message in a reason may
 * carry detail lines (a server's last stderr lines) that must stay below it.
 */
export function amendReason(reason: string, addition: string): string {
  const end = reason.indexOf('\n');
  return end === -1 ? `${reason}; ${addition}` : `${reason.slice(0, end)}; ${addition}${reason.slice(end)}`;
}
