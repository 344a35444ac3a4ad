import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { zipDirectory } from './zip-directory.js';

/** A sheet of a workbook, in workbook order. */
export interface WorkbookSheet {
  name: string;
  /** Hidden or very hidden: not read by `--sheet all`, nor as the default first sheet. */
  hidden: boolean;
  /** The name the reader gives the sheet when it streams it (its own name; for .xlsx, see `readXlsxSheets`). */
  streamName: string;
  /** The sheet's part in an .xlsx zip (`xl/worksheets/sheet1.xml`); '' for other workbooks. */
  part: string;
}

export interface WorkbookInfo {
  /** Every sheet in workbook order (the order of the tabs); empty when the workbook part is unreadable. */
  sheets: WorkbookSheet[];
  /** Dates count from 1904 (old Mac workbooks) rather than from 1900. */
  date1904: boolean;
}

/** The workbook part and its relationships are a few kilobytes; anything far larger is not read. */
const MAX_PART = 16 * 2 ** 20;

/**
 * The sheets of an .xlsx workbook in the order of its tabs, with their visibility and their parts, and its
 * date system, read from `xl/workbook.xml` and its relationships: a streaming reader meets the sheets in
 * the order of the zip, which need not be the workbook's, and does not say which are hidden.
 */
export async function readWorkbookInfo(path: string): Promise<WorkbookInfo> {
  const empty: WorkbookInfo = { sheets: [], date1904: false };
  const parts = await readZipParts(path, ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']).catch(
    () => new Map<string, string>(),
  );
  const workbook = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (workbook === undefined) return empty;
  const targets = new Map<string, string>();
  for (const tag of rels?.match(/<(?:\w+:)?Relationship\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    if (a.Id !== undefined && a.Target !== undefined) targets.set(a.Id, a.Target);
  }
  const sheets: WorkbookSheet[] = [];
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const a = attributes(tag);
    if (a.name === undefined) continue;
    const target = targets.get(a.id ?? '') ?? '';
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    sheets.push({
      name: a.name,
      hidden: a.state === 'hidden' || a.state === 'veryHidden',
      streamName: a.name,
      part,
    });
  }
  const pr = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook)?.[0];
  const date1904 = pr !== undefined && /^(?:1|true)$/.test(attributes(pr).date1904 ?? '');
  return { sheets, date1904 };
}

/** A tag's attributes by local name (`r:id` → `id`), entities decoded. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = (m[1] ?? '').replace(/^.*:/, '');
    out[name] ??= decodeEntities(m[2] ?? m[3] ?? '');
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith('#')) {
      const code = lower.startsWith('#x') ? Number.parseInt(lower.slice(2), 16) : Number(lower.slice(1));
      // A reference past Unicode's last code point is damage, not a character.
      return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[lower] ?? '';
  });
}

/** Small parts of a zip file, inflated, by name. */
async function readZipParts(path: string, names: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const entries = await zipDirectory(path);
  const file = await open(path, 'r');
  try {
    for (const name of names) {
      const entry = entries.get(name);
      if (entry === undefined || entry.compressedSize > MAX_PART || entry.size > MAX_PART) continue;
      const header = Buffer.alloc(30);
      await file.read(header, 0, 30, entry.offset);
      if (header.readUInt32LE(0) !== 0x04034b50) continue;
      const start = entry.offset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
      const data = Buffer.alloc(entry.compressedSize);
      await file.read(data, 0, data.length, start);
      if (entry.method === 0) out.set(name, data.toString('utf8'));
      else if (entry.method === 8)
        out.set(name, inflateRawSync(data, { maxOutputLength: MAX_PART }).toString('utf8'));
    }
  } finally {
    await file.close();
  }
  return out;
}
