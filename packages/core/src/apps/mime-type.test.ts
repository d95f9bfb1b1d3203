import { describe, expect, it } from 'vitest';
import { isAppMimeType } from './mime-type.js';

describe('recognising the MCP App MIME type', () => {
  it.each([
    'text/html;profile=mcp-app',
    'text/html; profile=mcp-app',
    'TEXT/HTML;PROFILE=mcp-app',
    'text/html; charset=utf-8; profile=mcp-app',
    'text/html;profile="mcp-app"',
    'text/html; profile="mcp-app"; charset="utf-8"',
  ])('accepts %s', (value) => {
    expect(isAppMimeType(value)).toBe(true);
  });

  it.each([
    ['plain HTML', 'text/html'],
    ['another profile', 'text/html;profile=other'],
    ['the profile of another type', 'text/plain;profile=mcp-app'],
    ['a profile only inside another parameter', 'text/html;title="a;profile=mcp-app"'],
    ['a malformed type', 'text/html/x;profile=mcp-app'],
    ['a parameter without a value', 'text/html;profile'],
    ['no type at all', undefined],
  ])('refuses %s', (_what, value) => {
    expect(isAppMimeType(value)).toBe(false);
  });
});
