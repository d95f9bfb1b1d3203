import { describe, expect, it } from 'vitest';
import { withContentSecurityPolicy } from './app-document.js';

const POLICY = "default-src 'none'; connect-src 'none'";
const META = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; connect-src 'none'">`;

describe('putting the policy in the app document', () => {
  it('places the meta right after the doctype, before the document head', () => {
    const html = '<!DOCTYPE html>\n<html><head><title>t</title></head><body></body></html>';
    expect(withContentSecurityPolicy({ html, contentSecurityPolicy: POLICY })).toBe(
      `<!DOCTYPE html>${META}\n<html><head><title>t</title></head><body></body></html>`,
    );
  });

  it('places it before a <head> that only a comment or a script mentions', () => {
    const html = '<!-- <head> --><script>"<head>"</script><p>app</p>';
    expect(withContentSecurityPolicy({ html, contentSecurityPolicy: POLICY })).toBe(`${META}${html}`);
  });

  it('places it first in a document without a head', () => {
    expect(withContentSecurityPolicy({ html: '<p>app</p>', contentSecurityPolicy: POLICY })).toBe(`${META}<p>app</p>`);
  });

  it('escapes the policy, so a character reference in it cannot turn into a directive separator', () => {
    const policy = 'connect-src https://a.example/x&#59script-src&#32*"><script>';
    const document = withContentSecurityPolicy({ html: '', contentSecurityPolicy: policy });
    expect(document).toBe(
      '<meta http-equiv="Content-Security-Policy" content="connect-src https://a.example/x&amp;#59script-src&amp;#32*&quot;&gt;&lt;script&gt;">',
    );
  });
});
