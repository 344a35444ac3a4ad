import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type CatalogSource, temporarySource } from './open-source.js';
import type { TableFormat } from './read-catalog.js';
import { readXlsxRows } from './read-xlsx.js';
import { SharedColumn } from './shared-column.js';
import { csvQuote } from './tokenize-csv.js';

/**
 * A workbook read once: its rows written to a temporary CSV file, each record's worksheet row number kept
 * aside, so that the audit's two passes read that file like any other CSV. Parsing a workbook's XML is
 * many times slower than reading the same rows as CSV; it is done once, not once per pass.
 */
export async function spillWorkbook(
  source: CatalogSource,
  format: TableFormat,
): Promise<{ source: CatalogSource; format: TableFormat }> {
  const lines = new SharedColumn();
  async function* csv(): AsyncGenerator<string> {
    for await (const batch of readXlsxRows(source.path, source.name, format.sheet)) {
      let text = '';
      for (const row of batch) {
        // A row of empty cells is still a record: one empty quoted cell, not an empty line.
        text += row.cells.length === 0 ? '""\n' : `${row.cells.map(csvQuote).join(',')}\n`;
        lines.push(row.line);
      }
      yield text;
    }
  }
  const spilled = await temporarySource(source.name, (path) =>
    pipeline(Readable.from(csv()), createWriteStream(path)),
  );
  return {
    source: spilled,
    format: { kind: 'csv', encoding: 'utf-8', delimiter: ',', worksheetRows: lines.values() },
  };
}
