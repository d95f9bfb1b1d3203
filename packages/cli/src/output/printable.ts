/**
 * A server's (or a model's) text for the terminal: without control characters (`\p{Cc}`: escape
 * sequences, carriage returns, backspaces), which could move the cursor or rewrite what is on
 * screen, such as the question an approval asks.
 */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, '');
}
