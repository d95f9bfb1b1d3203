import { describe, expect, it } from 'vitest';
import { interpolate } from './interpolate.js';

const env: Record<string, string> = { API_TOKEN: 'secret', EMPTY: '', HOST: 'example.com', PORT: '8080' };
const lookup = (name: string): string | undefined => env[name];

describe('interpolate', () => {
  it('replaces ${VAR} anywhere in a string', () => {
    expect(interpolate('Bearer ${API_TOKEN}', lookup)).toEqual({ value: 'Bearer secret', issues: [] });
    expect(interpolate('https://${HOST}:${PORT}/mcp', lookup).value).toBe('https://example.com:8080/mcp');
  });

  it("accepts VS Code's ${env:VAR} spelling", () => {
    expect(interpolate('${env:HOST}', lookup).value).toBe('example.com');
  });

  it('uses the default of ${VAR:-default} when the variable is unset or empty, and the value otherwise', () => {
    expect(interpolate('${MISSING:-fallback}', lookup).value).toBe('fallback');
    expect(interpolate('${EMPTY:-fallback}', lookup).value).toBe('fallback');
    expect(interpolate('${HOST:-fallback}', lookup).value).toBe('example.com');
    expect(interpolate('${MISSING:-}', lookup)).toEqual({ value: '', issues: [] });
  });

  it('expands references inside a default', () => {
    expect(interpolate('${MISSING:-${HOST}:${PORT}}', lookup).value).toBe('example.com:8080');
  });

  it('keeps an empty value of a set variable', () => {
    expect(interpolate('[${EMPTY}]', lookup)).toEqual({ value: '[]', issues: [] });
  });

  it('reports an unset variable without a default, naming it and how to fix it', () => {
    const { issues } = interpolate('Bearer ${GITHUB_TOKEN}', lookup);
    expect(issues).toEqual([
      { message: '${GITHUB_TOKEN} is not set', fix: 'set GITHUB_TOKEN in the environment, or give a default: ${GITHUB_TOKEN:-value}' },
    ]);
  });

  it('reports every unset variable of one string', () => {
    expect(interpolate('${A}-${B}', lookup).issues.map((issue) => issue.message)).toEqual(['${A} is not set', '${B} is not set']);
  });

  it('leaves a lone $ and $NAME without braces alone', () => {
    expect(interpolate('costs $5, see $HOME', lookup)).toEqual({ value: 'costs $5, see $HOME', issues: [] });
  });

  it('reads $${ as a literal ${', () => {
    expect(interpolate('$${API_TOKEN}', lookup)).toEqual({ value: '${API_TOKEN}', issues: [] });
  });

  it('reports an unterminated reference and a malformed name', () => {
    expect(interpolate('x ${API_TOKEN', lookup).issues[0]?.message).toBe('"${API_TOKEN" has no closing "}"');
    expect(interpolate('${1ABC}', lookup).issues[0]?.message).toBe('${1ABC} is not a variable reference');
    expect(interpolate('${}', lookup).issues).toHaveLength(1);
  });

  it('reports VS Code ${input:...} variables as unsupported, suggesting an environment variable', () => {
    expect(interpolate('${input:api-key}', lookup).issues).toEqual([
      {
        message: '${input:api-key} is a VS Code input, which mcpx cannot prompt for',
        fix: 'use an environment variable instead, such as ${API_KEY}',
      },
    ]);
  });

  it('does not expand a value that itself looks like a reference', () => {
    expect(interpolate('${X}', (name) => (name === 'X' ? '${API_TOKEN}' : undefined)).value).toBe('${API_TOKEN}');
  });
});
