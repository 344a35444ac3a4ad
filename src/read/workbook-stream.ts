import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import type { WorkbookInfo, WorkbookSheet } from './workbook-info.js';
import { type ZipEntry, zipDirectory } from './zip-directory.js';

/**
 * The parts of an .xlsx workbook that a streaming reader needs, as a zip stream in the order it needs
 * them: the sheet list first (written anew: the sheets asked for, in workbook order, under the part names
 * exceljs expects), then the styles (which say which numbers are dates) and the shared strings, then the
 * sheets. A workbook's own zip may put its sheets before all of these (exceljs writes the workbook part
 * last): read as it is, exceljs then copies each sheet to a temporary file, and names, dates and strings
 * depend on which part it has met. The compressed sheets are copied as they are, not inflated here.
 * Undefined when a part cannot be found in the zip's directory.
 */
export async function orderedWorkbookStream(
  path: string,
  info: WorkbookInfo,
  sheets: readonly WorkbookSheet[],
): Promise<Readable | undefined> {
  const entries = await zipDirectory(path);
  const parts: { name: string; entry: ZipEntry }[] = [];
  for (const sheet of sheets) {
    const entry = entries.get(sheet.part);
    if (entry === undefined) return undefined;
    parts.push({ name: `xl/worksheets/sheet${parts.length + 1}.xml`, entry });
  }
  const rels = sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('');
  const list = sheets
    .map((sheet, i) => `<sheet name="${xmlText(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const written = [
    {
      name: 'xl/_rels/workbook.xml.rels',
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      text: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="${info.date1904 ? 1 : 0}"/><sheets>${list}</sheets></workbook>`,
    },
  ];
  const copied = ['xl/styles.xml', 'xl/sharedStrings.xml'].flatMap((name) => {
    const entry = entries.get(name);
    return entry === undefined ? [] : [{ name, entry }];
  });
  return Readable.from(zipBytes(path, written, [...copied, ...parts]));
}

async function* zipBytes(
  path: string,
  written: readonly { name: string; text: string }[],
  copied: readonly { name: string; entry: ZipEntry }[],
): AsyncGenerator<Buffer> {
  for (const { name, text } of written) {
    const data = Buffer.from(text, 'utf8');
    yield localHeader(name, 0, crc32(data), data.length, data.length);
    yield data;
  }
  const file = await open(path, 'r');
  try {
    for (const { name, entry } of copied) {
      // Where the entry's data starts: after its own local header, whose name and extra field may differ
      // in length from the directory's.
      const header = Buffer.alloc(30);
      await file.read(header, 0, 30, entry.offset);
      const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      yield localHeader(name, entry.method, entry.crc, entry.compressedSize, entry.size);
      if (entry.compressedSize > 0) {
        yield* createReadStream(path, {
          start,
          end: start + entry.compressedSize - 1,
        }) as AsyncIterable<Buffer>;
      }
    }
  } finally {
    await file.close();
  }
  // An empty central directory: the end of the archive.
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  yield end;
}

/** A local file header with the sizes in it (no data descriptor follows). */
function localHeader(name: string, method: number, crc: number, compressed: number, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x0800, 6); // UTF-8 names
  header.writeUInt16LE(method, 8);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

function xmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
