/**
 * Blanks out the comments (`//` and `/* *\/`) and trailing commas of JSON with comments, as
 * VS Code's `mcp.json` allows, keeping every other character in place so that positions in
 * parse errors stay true. Strings are left untouched.
 */
export function stripJsonComments(text: string): string {
  const out = text.split('');
  let i = 0;
  let lastComma = -1;
  const blank = (from: number, to: number): void => {
    for (let j = from; j < to; j++) if (out[j] !== '\n' && out[j] !== '\r') out[j] = ' ';
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      i = endOfString(text, i);
      lastComma = -1;
    } else if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      const stop = end === -1 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else {
      if (char === ',') lastComma = i;
      else if ((char === '}' || char === ']') && lastComma !== -1) out[lastComma] = ' ';
      if (char !== undefined && !/\s/.test(char) && char !== ',') lastComma = -1;
      i++;
    }
  }
  return out.join('');
}

function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}
