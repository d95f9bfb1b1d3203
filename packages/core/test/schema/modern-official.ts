import { MODERN_PROTOCOL_VERSIONS } from '../../src/types/modern/index.js';
import { OfficialSchema, type JsonSchema, type Revision } from './official.js';

/** The modern revision these tests read the official schema and examples of. */
export const MODERN_REVISION = MODERN_PROTOCOL_VERSIONS[0];

/** official.ts types its revisions as legacy ones; its loader needs no more than the folder name. */
const load = () => new OfficialSchema(MODERN_REVISION as string as Revision);

/** The official 2026-07-28 schema. */
export const modernOfficial = load();

/**
 * JSONValue made finite: the sample generator unfolds every union branch, and the official JSONValue (an object or
 * array of JSONValue, or a scalar) never ends that way. Here a JSON object or array holds scalars only.
 */
const FINITE_JSON_VALUE: JsonSchema = {
  anyOf: [
    { type: 'object', additionalProperties: { type: 'string' } },
    { type: 'array', items: { type: 'string' } },
    { type: ['string', 'integer', 'boolean'] },
  ],
};

/** The official 2026-07-28 schema for `sample()` and `unionWidth()`, with a finite JSONValue. */
export const modernSampleSource: OfficialSchema = (() => {
  const spec = load();
  spec.definitions['JSONValue'] = FINITE_JSON_VALUE;
  return spec;
})();
