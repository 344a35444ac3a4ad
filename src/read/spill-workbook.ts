import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CatalogSource, fileSource } from './open-source.js';
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
  const dir = await mkdtemp(join(tmpdir(), 'channel-audit-workbook-'));
  try {
    const path = join(dir, 'sheet.csv');
    const stream = createWriteStream(path);
    const failed = new Promise<never>((_, fail) => stream.once('error', fail));
    failed.catch(() => {});
    const lines = new SharedColumn();
    for await (const batch of readXlsxRows(source.path, source.name, format.sheet)) {
      let text = '';
      for (const row of batch) {
        // A row of empty cells is still a record: one empty quoted cell, not an empty line.
        text += row.cells.length === 0 ? '""\n' : `${row.cells.map(csvQuote).join(',')}\n`;
        lines.push(row.line);
      }
      if (!stream.write(text))
        await Promise.race([new Promise<void>((go) => stream.once('drain', () => go())), failed]);
    }
    await Promise.race([new Promise<void>((done) => stream.end(done)), failed]);
    const spilled = await fileSource(path, source.name);
    return {
      source: { ...spilled, dispose: () => rm(dir, { recursive: true, force: true }) },
      format: { kind: 'csv', encoding: 'utf-8', delimiter: ',', worksheetRows: lines.values() },
    };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
