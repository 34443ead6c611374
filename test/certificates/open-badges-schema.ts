import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS with `exports.default`; under ESM interop the function may sit one level down.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2019) => void;

/** The Open Badges 3.0 AchievementCredential JSON schema (draft 2019-09), from the fixtures. */
export function openBadgesValidator() {
  const file = fileURLToPath(new URL('../fixtures/certificates/openbadges-3.0/achievementcredential.schema.json', import.meta.url));
  // strict: false: the 1EdTech schema has a 2-item "items" tuple with open additionalItems, which strict mode rejects.
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
}
