import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/run/audit.js';
import { KeyTable } from '../../src/core/key-table.js';
import { CsvTokenizer, type RawRow } from '../../src/read/tokenize-csv.js';
import { cellsText } from '../../src/report/annotated-csv.js';
import type { AuditedSku, CatalogRecord } from '../../src/core/types.js';

// Cells made of what breaks CSV readers: delimiters, quotes, CR, LF, tabs, spaces, non-ASCII.
const cell = fc.string({
  unit: fc.constantFrom('a', 'B', '7', ' ', ',', ';', '"', '\n', '\r', '\t', '中', 'é', '-', '='),
  maxLength: 8,
});
const row = fc.array(cell, { minLength: 1, maxLength: 6 });
const table = fc.array(row, { minLength: 1, maxLength: 25 });
const style = fc.record({
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  quoteAll: fc.boolean(),
  trailingEol: fc.boolean(),
});

/** Writes a table as a spreadsheet would, quoting what must be quoted (and maybe everything). */
function write(
  rows: string[][],
  { eol, quoteAll, trailingEol }: { eol: string; quoteAll: boolean; trailingEol: boolean },
) {
  const quote = (value: string, lone: boolean) =>
    quoteAll || /[",\r\n]/.test(value) || (lone && value === '') ? `"${value.replace(/"/g, '""')}"` : value;
  return (
    rows.map((cells) => cells.map((c) => quote(c, cells.length === 1)).join(',')).join(eol) +
    (trailingEol ? eol : '')
  );
}

/** Feeds the text in pieces cut at the given points. */
function tokenize(text: string, cuts: number[]): RawRow[] {
  const tokenizer = new CsvTokenizer(',', 1, true);
  const out: RawRow[] = [];
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (text.length + 1))].sort((a, b) => a - b)) {
    tokenizer.push(text.slice(from, cut), out);
    from = cut;
  }
  tokenizer.push(text.slice(from), out);
  tokenizer.end(out);
  return out;
}

const lineBreaks = (text: string) => (text.match(/\r\n|\n|\r/g) ?? []).length;

describe('properties of the reader', () => {
  it('gives back exactly the rows and cells that were written, wherever the chunks are cut', () => {
    fc.assert(
      fc.property(table, style, fc.array(fc.nat(), { maxLength: 6 }), (rows, how, cuts) => {
        const text = write(rows, how);
        const read = tokenize(text, cuts);
        expect(read.map((r) => r.cells)).toEqual(rows);
        // Each record starts one line after the previous record's last line.
        let expectedLine = 1;
        rows.forEach((cells, i) => {
          expect(read[i]?.line).toBe(expectedLine);
          expectedLine += lineBreaks(write([cells], { ...how, trailingEol: false })) + 1;
        });
      }),
      { numRuns: 400 },
    );
  });

  it("keeps a record's input text only when writing its cells back as CSV gives that very text", () => {
    fc.assert(
      fc.property(table, style, fc.array(fc.nat(), { maxLength: 6 }), (rows, how, cuts) => {
        const read = tokenize(write(rows, how), cuts);
        for (const record of read) {
          if (record.text !== null) expect(cellsText(record.cells, false)).toBe(record.text);
        }
        // Records with no quote, no delimiter and no line break in any cell, written unquoted, keep it.
        if (!how.quoteAll) {
          rows.forEach((cells, i) => {
            const plain = cells.every((c) => !/[",\r\n]/.test(c)) && !(cells.length === 1 && cells[0] === '');
            if (plain) expect(read[i]?.text).toBe(cells.join(','));
          });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the input text only when asked (a bare parse pays nothing for it)', () => {
    for (const keepText of [false, true]) {
      const read: RawRow[] = [];
      const tokenizer = new CsvTokenizer(',', 1, keepText);
      tokenizer.push('a,b\r\nc,d\n', read);
      tokenizer.end(read);
      expect(read.map((r) => r.text)).toEqual(keepText ? ['a,b', 'c,d'] : [null, null]);
    }
  });

  it('keeps no input text for other delimiters or for a stray quote, in any raw text', () => {
    const raw = fc.string({
      unit: fc.constantFrom('a', '7', ' ', ',', ';', '\t', '"', 'é', '=', '\n', '\r\n'),
      maxLength: 60,
    });
    fc.assert(
      fc.property(raw, fc.constantFrom(',', ';', '\t'), (text, delimiter) => {
        const tokenizer = new CsvTokenizer(delimiter, 1, true);
        const read: RawRow[] = [];
        try {
          tokenizer.push(text, read);
          tokenizer.end(read);
        } catch {
          return; // a quote that never closes
        }
        for (const record of read) {
          if (delimiter !== ',') expect(record.text).toBeNull();
          else if (record.text !== null) expect(cellsText(record.cells, false)).toBe(record.text);
          if (record.cells.some((c) => c.includes('"'))) expect(record.text).toBeNull();
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('audits any such CSV — ragged rows, BOM, newlines in cells — without crashing, one SKU per row', async () => {
    const header = fc.uniqueArray(
      fc.constantFrom('sku', 'title', 'weight_kg', 'category', 'notes', 'x', 'y'),
      {
        minLength: 1,
        maxLength: 5,
      },
    );
    await fc.assert(
      fc.asyncProperty(header, table, style, fc.boolean(), async (names, rows, how, bom) => {
        const headerRow = names.includes('sku') ? names : ['sku', ...names];
        const text = (bom ? '\ufeff' : '') + write([headerRow, ...rows], how);
        const skus: AuditedSku[] = [];
        const result = await audit(Readable.from([Buffer.from(text)]), {
          asOf: '2026-11-23',
          delimiter: ',',
          onSku: (s) => skus.push(s),
        });
        expect(skus).toHaveLength(rows.length);
        expect(result.summary.rows).toBe(rows.length);
        expect(result.meta.input.rows).toBe(rows.length);
        skus.forEach((sku, i) => {
          expect(sku.record).toBe(i + 1);
          const ragged = rows[i]?.length !== headerRow.length;
          expect(sku.findings.some((f) => f.rule === 'malformed-row')).toBe(ragged);
        });
        for (let i = 1; i < skus.length; i++) expect(skus[i]?.line).toBeGreaterThan(skus[i - 1]?.line ?? 0);
      }),
      { numRuns: 150 },
    );
  });

  it('never crashes on arbitrary bytes: it audits them or stops with an input error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const input = Buffer.concat([Buffer.from('sku,title\n'), Buffer.from(bytes)]);
        try {
          await audit(Readable.from([input]), { asOf: '2026-11-23' });
        } catch (error) {
          expect((error as Error).name).toBe('InputError');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the index pass on bytes', () => {
  it('gives each record its product size and first line, on bytes as through the reader', async () => {
    const { fileSource } = await import('../../src/read/open-source.js');
    const { detectTableFormat, openCatalog } = await import('../../src/read/read-catalog.js');
    const { mapColumns } = await import('../../src/read/map-columns.js');
    const { canScanBytes, indexRecords, scanIndex } = await import('../../src/scale/scan-index.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'ca-scan-'));
    // Keys drawn from a small set so that products repeat and SKUs collide; some with quotes and spaces.
    const key = fc.constantFrom(
      '',
      'A',
      'B',
      ' B ',
      '"q"',
      'é',
      '中',
      'a,b',
      'x\ny',
      'P-1',
      'SKU-long-1234567890',
    );
    const dataRow = fc.tuple(key, key, cell);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(dataRow, { maxLength: 30 }), style, fc.boolean(), async (rows, how, bom) => {
        const text =
          (bom ? '\ufeff' : '') + write([['product_id', 'sku', 'title'], ...rows.map((r) => [...r])], how);
        const path = join(dir, `c${n++}.csv`);
        writeFileSync(path, text);
        const source = await fileSource(path);
        const format = await detectTableFormat(source, { delimiter: ',' });
        const reader = await openCatalog(source, format);
        const columns = mapColumns(reader.headers);
        expect(canScanBytes(format, columns)).toBe(true);
        const viaReader = await indexRecords(reader, columns);
        const viaBytes = await scanIndex(source, format, columns, 1, 0);
        // What the index must say of each record, worked out here from the records themselves.
        const records: CatalogRecord[] = [];
        for await (const batch of (await openCatalog(source, format)).records) records.push(...batch);
        const productOf = (r: CatalogRecord) => (r.cells[0] ?? '').trim() || (r.cells[1] ?? '').trim();
        const skuOf = (r: CatalogRecord) => (r.cells[1] ?? '').trim();
        const expectedSkus = records.map((r) =>
          productOf(r) === '' ? 0 : records.filter((o) => productOf(o) === productOf(r)).length,
        );
        const expectedDuplicates = records.map((r) => {
          const first = records.find((o) => skuOf(r) !== '' && skuOf(o) === skuOf(r));
          return first === undefined || first === r ? 0 : first.line;
        });
        for (const index of [viaBytes, viaReader]) {
          expect(index.rows).toBe(records.length);
          expect([...index.productSkus]).toEqual(expectedSkus);
          expect([...index.duplicateOf]).toEqual(expectedDuplicates);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the key table', () => {
  it('agrees with a Map, for text and ASCII-byte keys, through growth', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'B', '7', '-', '_', ' '), maxLength: 6 });
    const op = fc.record({ key, value: fc.nat(1000), ascii: fc.boolean() });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const table = new KeyTable(2);
        const map = new Map<string, number>();
        for (const { key, value, ascii } of ops) {
          const bytes = Buffer.from(key, 'latin1');
          if (!map.has(key)) map.set(key, value);
          const kept = ascii
            ? table.setIfAbsentAscii(bytes, 0, bytes.length, value)
            : table.setIfAbsent(key, value);
          expect(kept).toBe(map.get(key));
        }
        expect(table.size).toBe(map.size);
        for (const [k, v] of map) expect(table.get(k)).toBe(v);
        expect(table.get('never a key!')).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
