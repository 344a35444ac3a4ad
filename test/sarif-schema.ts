import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { ROOT } from './cli-run.js';

/** Validates a document against the SARIF 2.1.0 schema (draft-04, kept in test/schemas/). */
export function validateSarif(document: unknown): unknown[] {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const validate = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false }).compile(
    schema,
  );
  return validate(document) ? [] : (validate.errors ?? ['invalid']);
}
