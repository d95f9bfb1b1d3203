import { describe, expect, it } from 'vitest';
import { templatePattern } from './read.js';

describe('templatePattern', () => {
  it('matches a URI against a template, a simple variable standing for one segment', () => {
    const pattern = templatePattern('demo://resource/dynamic/text/{resourceId}');
    expect(pattern.test('demo://resource/dynamic/text/7')).toBe(true);
    expect(pattern.test('demo://resource/dynamic/text/7/more')).toBe(false);
    expect(pattern.test('demo://resource/dynamic/blob/7')).toBe(false);
    expect(templatePattern('file:///{+path}').test('file:///a/b/c.txt')).toBe(true);
    expect(templatePattern('db://{table}.json').test('db://users.json')).toBe(true);
    expect(templatePattern('db://{table}.json').test('db://usersXjson')).toBe(false);
  });
});
