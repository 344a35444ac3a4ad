import { crc32, deflateRawSync } from 'node:zlib';

/** One part of a zip: its bytes, and optionally the size its headers state (a lie, to test a crafted zip). */
interface ZipPart {
  name: string;
  data: Buffer | string;
  statedSize?: number;
}

/**
 * A zip of deflated parts, written byte by byte (local headers, central directory, end record). With
 * `stored`, the parts are not deflated; `comment` follows the end record. With `zip64`, the directory gives each entry's sizes and offset in a ZIP64 extra field, as some writers do
 * for every entry.
 */
export function zipOf(
  parts: ZipPart[],
  {
    zip64 = false,
    stored = false,
    comment = '',
  }: { zip64?: boolean; stored?: boolean; comment?: string } = {},
): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.from(part.data);
    const packed = stored ? data : deflateRawSync(data);
    const name = Buffer.from(part.name, 'utf8');
    const size = part.statedSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc32(data) >>> 0, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(stored ? 0 : 8, 10);
    entry.writeUInt32LE(crc32(data) >>> 0, 16);
    entry.writeUInt32LE(zip64 ? 0xffffffff : packed.length, 20);
    entry.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(packed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      entry.writeUInt16LE(extra.length, 30);
    }
    locals.push(local, name, packed);
    central.push(entry, name, extra);
    offset += 30 + name.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(Buffer.byteLength(comment), 20);
  return Buffer.concat([...locals, directory, end, Buffer.from(comment)]);
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A one-sheet .xlsx of inline-string cells, the smallest a spreadsheet accepts. `refs: false` leaves out
 * the optional `r` attributes of rows and cells (valid ECMA-376, as several generators write it);
 * `padding` adds that many spaces between the rows (XML whitespace: it zips to almost nothing).
 */
export function xlsxOf(
  rows: string[][],
  options: {
    refs?: boolean;
    padding?: number;
    statedSheetSize?: number;
    /** The row numbers to write (default 1, 2, 3…). */
    rowNumbers?: number[];
    /** A style index on every cell (there is no styles part: any index is out of range). */
    style?: number;
    /** The sheets' names: more than one name writes the same rows on each sheet. */
    sheetNames?: string[];
    /** An `xl/styles.xml` part with this text (none by default). */
    styles?: string;
    /** Sizes and offsets in ZIP64 extra fields (`zipOf`). */
    zip64?: boolean;
  } = {},
): Buffer {
  const refs = options.refs ?? true;
  const column = (i: number) => String.fromCharCode(65 + i);
  const style = options.style === undefined ? '' : ` s="${options.style}"`;
  const sheetRows = rows
    .map((cells, r) => {
      const number = options.rowNumbers?.[r] ?? r + 1;
      const row = refs ? ` r="${number}"` : '';
      const body = cells
        .map(
          (cell, c) =>
            `<c${refs ? ` r="${column(c)}${number}"` : ''}${style} t="inlineStr"><is><t>${xmlText(cell)}</t></is></c>`,
        )
        .join('');
      return `<row${row}>${body}</row>`;
    })
    .join(' '.repeat(options.padding ?? 0));
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${sheetRows}</sheetData></worksheet>`;
  const names = options.sheetNames ?? ['Products'];
  return zipOf(
    [
      {
        name: '[Content_Types].xml',
        data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`,
      },
      {
        name: '_rels/.rels',
        data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      },
      {
        name: 'xl/workbook.xml',
        data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
      },
      ...(options.styles !== undefined ? [{ name: 'xl/styles.xml', data: options.styles }] : []),
      ...names.map((_, i) => ({
        name: `xl/worksheets/sheet${i + 1}.xml`,
        data: sheet,
        ...(options.statedSheetSize !== undefined ? { statedSize: options.statedSheetSize } : {}),
      })),
    ],
    { zip64: options.zip64 === true },
  );
}
