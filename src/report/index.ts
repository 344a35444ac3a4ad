import { annotatedCsvReporter } from './annotated-csv.js';
import { githubReporter } from './github.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { ndjsonReporter } from './ndjson.js';
import type { ReporterFactory } from './reporter.js';
import { tableReporter } from './table.js';

/** Every output format, by the name `--format` and `--out format:FILE` use. */
export const REPORTERS = {
  table: tableReporter,
  json: jsonReporter,
  ndjson: ndjsonReporter,
  csv: annotatedCsvReporter,
  markdown: markdownReporter,
  github: githubReporter,
  sarif: sarifReporter,
} satisfies Record<string, ReporterFactory>;

export type Format = keyof typeof REPORTERS;
export const FORMATS = Object.keys(REPORTERS) as Format[];

const EXTENSIONS: Record<string, Format> = {
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.csv': 'csv',
  '.txt': 'table',
  '.md': 'markdown',
  '.sarif': 'sarif',
};

export function isFormat(name: string): name is Format {
  return Object.hasOwn(REPORTERS, name);
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

export type { Reporter, ReporterFactory, ReporterOptions } from './reporter.js';
