import { annotatedCsvFormat } from './annotated-csv.js';
import { githubFormat } from './github.js';
import { htmlFormat } from './html.js';
import { jsonFormat } from './json.js';
import { markdownFormat } from './markdown.js';
import { ndjsonFormat } from './ndjson.js';
import type { OutputFormat } from './reporter.js';
import { sarifFormat } from './sarif.js';
import { tableFormat } from './table.js';

/** Every output format, by the name `--format` and `--out format:FILE` use. */
export const OUTPUT_FORMATS = {
  table: tableFormat,
  json: jsonFormat,
  ndjson: ndjsonFormat,
  csv: annotatedCsvFormat,
  markdown: markdownFormat,
  github: githubFormat,
  sarif: sarifFormat,
  html: htmlFormat,
} satisfies Record<string, OutputFormat>;

export type Format = keyof typeof OUTPUT_FORMATS;
export const FORMATS = Object.keys(OUTPUT_FORMATS) as Format[];

const EXTENSIONS: Record<string, Format> = {
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
  '.txt': 'table',
  '.md': 'markdown',
  '.sarif': 'sarif',
  '.html': 'html',
  '.htm': 'html',
};

function isFormat(name: string): name is Format {
  return Object.hasOwn(OUTPUT_FORMATS, name);
}

/** `--out FILE` → its format from the extension, or `--out format:FILE`. */
export function parseOutTarget(target: string): { format: Format; path: string } | undefined {
  const colon = target.indexOf(':');
  if (colon > 0) {
    const name = target.slice(0, colon);
    if (isFormat(name)) return { format: name, path: target.slice(colon + 1) };
  }
  if (target.toLowerCase().endsWith('.sarif.json')) return { format: 'sarif', path: target };
  const dot = target.lastIndexOf('.');
  const format = dot >= 0 ? EXTENSIONS[target.slice(dot).toLowerCase()] : undefined;
  return format === undefined ? undefined : { format, path: target };
}

export { reporterFor } from './emit.js';
export type { OutputFormat } from './reporter.js';
