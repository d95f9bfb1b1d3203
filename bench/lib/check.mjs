// Fails loudly when a client returns something other than the echo: a fast wrong answer is no result.
export function checkEcho(result, text) {
  const got = result?.content?.[0]?.text;
  if (got !== text) throw new Error(`bench: echo returned ${JSON.stringify(result)}, expected text ${JSON.stringify(text)}`);
}
