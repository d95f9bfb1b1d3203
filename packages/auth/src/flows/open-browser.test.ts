import { describe, expect, it } from 'vitest';
import { OAuthError } from '../oauth-error.js';
import { inertUrl, openBrowser, openerCommand } from './open-browser.js';

const AUTHORIZE = 'https://as.example/authorize?response_type=code&client_id=mcpx&state=a1b2';
const WINDOWS_ENV = { SystemRoot: 'C:\\Windows' };

describe('openerCommand', () => {
  it('opens a URL on Windows with the URL protocol handler of url.dll, not through cmd', () => {
    expect(openerCommand(AUTHORIZE, 'win32', WINDOWS_ENV)).toEqual({
      command: 'C:\\Windows\\System32\\rundll32.exe',
      args: ['url.dll,FileProtocolHandler', AUTHORIZE],
    });
  });

  it('hands a pipe in the authorization endpoint to the browser escaped, so no command runs after it', () => {
    const { command, args } = openerCommand('https://evil.example/a|calc.exe', 'win32', WINDOWS_ENV);
    expect(command).toBe('C:\\Windows\\System32\\rundll32.exe');
    expect(args).toEqual(['url.dll,FileProtocolHandler', 'https://evil.example/a%7Ccalc.exe']);
  });

  it('runs rundll32 from the system folder the environment names', () => {
    expect(openerCommand(AUTHORIZE, 'win32', { SystemRoot: 'D:\\Win' }).command).toBe('D:\\Win\\System32\\rundll32.exe');
  });

  it('opens a URL with open on macOS and xdg-open elsewhere, the URL as one argument', () => {
    expect(openerCommand(AUTHORIZE, 'darwin', {})).toEqual({ command: 'open', args: [AUTHORIZE] });
    expect(openerCommand(AUTHORIZE, 'linux', {})).toEqual({ command: 'xdg-open', args: [AUTHORIZE] });
    expect(openerCommand('https://evil.example/a|calc.exe', 'linux', {}).args).toEqual(['https://evil.example/a%7Ccalc.exe']);
  });

  it.each(['file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'ms-settings:', 'not a url'])('refuses to open %s', (url) => {
    expect(() => openerCommand(url, 'win32', WINDOWS_ENV)).toThrow(OAuthError);
  });
});

describe('inertUrl', () => {
  it('escapes the characters a command line or a protocol handler could misread', () => {
    expect(inertUrl('https://as.example/a^b|c<d>e"f g')).toBe('https://as.example/a%5Eb%7Cc%3Cd%3Ee%22f%20g');
    expect(inertUrl('https://as.example/x?q=a^b|c`d{e}f\\g')).toBe('https://as.example/x?q=a%5Eb%7Cc%60d%7Be%7Df%5Cg');
  });

  it('escapes a percent sign that starts no escape, and keeps one that does', () => {
    expect(inertUrl('https://as.example/a%41?x=%zz&y=100%&z=%7c')).toBe('https://as.example/a%41?x=%25zz&y=100%25&z=%7c');
  });

  it('keeps the RFC 3986 reserved characters a query needs', () => {
    const url = "https://as.example/p;q/r'(s)?a=1&b=2,3+4&c=d:e@f!$()*#frag";
    expect(inertUrl(url)).toBe(url);
  });

  it('makes an internationalised name and path plain ASCII', () => {
    expect(inertUrl('https://bücher.example/café')).toBe('https://xn--bcher-kva.example/caf%C3%A9');
  });
});

describe('openBrowser', () => {
  it('rejects a URL that is not http: or https: before starting anything', async () => {
    await expect(openBrowser('file:///etc/passwd')).rejects.toThrow(/refused to open a file: URL/);
  });
});
