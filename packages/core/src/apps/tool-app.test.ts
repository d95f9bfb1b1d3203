import { describe, expect, it } from 'vitest';
import { appOf, callableByApp, visibleToModel } from './tool-app.js';

const URI = 'ui://weather/dashboard.html';

describe('reading who may call a tool', () => {
  it('lets both the model and the app call a tool whose visibility is absent', () => {
    const tool = { _meta: { ui: { resourceUri: URI } } };
    expect([visibleToModel(tool), callableByApp(tool), appOf(tool)?.visibility]).toEqual([true, true, ['model', 'app']]);
  });

  it.each([
    ['a string', 'app'],
    ['an object', { app: true, model: true }],
    ['null', null],
  ])('lets no one call a tool whose visibility is %s instead of a list', (_what, visibility) => {
    const tool = { _meta: { ui: { resourceUri: URI, visibility } } };
    expect([visibleToModel(tool), callableByApp(tool), appOf(tool)?.visibility]).toEqual([false, false, []]);
  });

  it('ignores the entries of a visibility list that are neither "model" nor "app"', () => {
    const tool = { _meta: { ui: { resourceUri: URI, visibility: ['app', 'everyone', 7] } } };
    expect(appOf(tool)?.visibility).toEqual(['app']);
  });
});
