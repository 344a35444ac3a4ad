import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import { ROOT } from './cli-run.js';

// The SARIF schema uses three formats, which ajv does not know without ajv-formats (not a dependency):
// unknown, ajv would skip them and say so on stderr, once per use. They are checked here instead.
/** RFC 3986 leaves these out of a URI (a space, a quote, angle brackets…); `%` must start an escape. */
const URI_CHARS = /^(?:[^\s"<>\\^`{|}%]|%[0-9a-f]{2})*$/i;
const FORMATS = {
  /** RFC 3339 date-time (JSON Schema's): a day that exists, hours to 23, minutes and seconds to 59 (60 leap). */
  'date-time': (text: string) => {
    const m =
      /^(\d{4})-(\d{2})-(\d{2})[Tt ]([01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/.exec(
        text,
      );
    if (m === null) return false;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  },
  /** An absolute URI: a scheme, then what a URL parser reads. */
  uri: (text: string) => /^[a-z][a-z\d+.-]*:/i.test(text) && URI_CHARS.test(text) && URL.canParse(text),
  /** A URI or a relative reference. */
  'uri-reference': (text: string) => URI_CHARS.test(text) && URL.canParse(text, 'file:///base/'),
};

let validate: ((document: unknown) => boolean) & { errors?: unknown[] | null };

/** Validates a document against the SARIF 2.1.0 schema (draft-04, kept in test/schemas/), formats included. */
export function validateSarif(document: unknown): unknown[] {
  validate ??= new AjvDraft04.default({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
    formats: FORMATS,
  }).compile(JSON.parse(readFileSync(join(ROOT, 'test/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
  return validate(document) ? [] : (validate.errors ?? ['invalid']);
}
