// A deterministic synthetic catalog with canonical headers (about 140 bytes a row): a realistic mix of
// categories, variants per product, listing dates, channels and data mistakes. Same seed, same bytes.
import { createWriteStream } from 'node:fs';

const CATEGORIES = [
  ['Phone Accessories > Cables', 0.5],
  ['Phone Accessories > Chargers', 0.6],
  ['Consumer Electronics > Power Banks', 0.8],
  ['Tools > Hand Tools', 1.5],
  ['Home Improvement > Hardware', 2.5],
  ['Office Supplies > Stationery', 0.3],
  ["Women's Clothing > Dresses", 0.4],
  ['Shoes > Sneakers', 1.1],
  ['Jewelry > Earrings', 0.05],
  ['Home Decor > Wall Art', 1.6],
  ['Toys & Games > Puzzles', 0.7],
  ['Pet Supplies > Toys', 0.3],
  ['Sports > Fitness', 2.2],
  ['Kitchen Tools > Peelers', 0.2],
];
const CHANNELS = ['pop', 'pop', 'pop', 'semi-managed', 'full-managed', 'jit', 'choice', '半托管'];
const ATTRIBUTES = ['general', 'general', 'general', 'general', 'battery', '普货', ''];
const HEADER =
  'product_id,sku,title,category,brand,gtin,mpn,weight_kg,length_cm,width_cm,height_cm,handling_days,listed_at,channel,price,currency,stock,logistics_attribute\n';

/** mulberry32: a small deterministic generator of numbers in [0, 1); the fixture generators share it. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function ean13(random) {
  let digits = '69';
  for (let i = 0; i < 10; i++) digits += Math.floor(random() * 10);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3);
  return digits + ((10 - (sum % 10)) % 10);
}

const pad = (n) => String(n).padStart(2, '0');
const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 23);

/** Writes `rows` SKUs to `path`; resolves when the file is complete. */
export function generateCatalog(path, rows, seed = 42) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const out = createWriteStream(path);
  let written = 0;
  let product = 1005006000000;
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    out.write(HEADER);
    const writeSome = () => {
      let chunk = '';
      while (written < rows && chunk.length < 1 << 20) {
        product += 1 + Math.floor(random() * 9);
        const [category, weight] = pick(CATEGORIES);
        const variants = random() < 0.15 ? 6 + Math.floor(random() * 5) : 1 + Math.floor(random() * 4);
        const listed = new Date(AS_OF - Math.floor(random() < 0.1 ? random() * 40 : random() * 700) * DAY);
        const listedAt = `${listed.getUTCFullYear()}-${pad(listed.getUTCMonth() + 1)}-${pad(listed.getUTCDate())}`;
        const brand = random() < 0.6 ? 'Voltlink' : 'NONE';
        const channel = pick(CHANNELS);
        const attribute = pick(ATTRIBUTES);
        for (let v = 0; v < variants && written < rows; v++, written++) {
          const w = (weight * (0.8 + random() * 0.4)).toFixed(2);
          const l = 5 + Math.floor(random() * 40);
          const gtin = random() < 0.7 ? ean13(random) : '';
          const handling = random() < 0.05 ? 5 : 1 + Math.floor(random() * 3);
          const title =
            v === 0 && random() < 0.02 ? 'Custom name necklace' : `Item ${product % 100000} v${v}`;
          chunk += `${product},SK${product}-${v},${title},${category},${brand},${gtin},M${v},${w},${l},${5 + (l % 20)},${1 + (v % 9)},${handling},${listedAt},${channel},${(2 + random() * 40).toFixed(2)},USD,${Math.floor(random() * 500)},${attribute}\n`;
        }
      }
      if (chunk !== '' && !out.write(chunk)) out.once('drain', writeSome);
      else if (written < rows) setImmediate(writeSome);
      else out.end(resolve);
    };
    writeSome();
  });
}

/**
 * Writes `rows` orders for the SKUs of a generated catalog: payments over the last 60 days, most
 * scanned within 1-5 days, some not yet, a few with unreadable times, a few unknown SKUs.
 */
export async function generateOrders(path, catalogPath, rows, seed = 7) {
  const { createReadStream } = await import('node:fs');
  const { createInterface } = await import('node:readline');
  const skus = [];
  for await (const line of createInterface({ input: createReadStream(catalogPath) })) {
    if (skus.length >= 200_000) break;
    const sku = line.split(',')[1];
    if (sku && sku !== 'sku') skus.push(sku);
  }
  const random = mulberry32(seed);
  const countries = ['US', 'ES', 'FR', 'BR', 'KR', 'PL', 'NL', 'IL'];
  const stamp = (ms) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  const out = createWriteStream(path);
  out.write('order_id,sku,paid_at,online_at,shipped_at,country,carrier\n');
  let written = 0;
  return new Promise((resolve, reject) => {
    out.on('error', reject);
    const writeSome = () => {
      let chunk = '';
      while (written < rows && chunk.length < 1 << 20) {
        const paid = AS_OF - Math.floor(random() * 60 * DAY) + 12 * 3_600_000;
        const sku = random() < 0.01 ? `UNKNOWN-${written}` : skus[Math.floor(random() * skus.length)];
        const hours = 12 + random() * 110;
        const online =
          paid + hours * 3_600_000 > AS_OF + 12 * 3_600_000 || random() < 0.02
            ? ''
            : stamp(paid + hours * 3_600_000);
        chunk += `O${1_000_000_000 + written},${sku},${random() < 0.002 ? 'n/a' : stamp(paid)},${online},${stamp(paid + hours * 3_000_000)},${countries[written % countries.length]},Cainiao\n`;
        written++;
      }
      if (chunk !== '' && !out.write(chunk)) out.once('drain', writeSome);
      else if (written < rows) setImmediate(writeSome);
      else out.end(resolve);
    };
    writeSome();
  });
}

/**
 * Saves a generated catalog (`csvPath`) as an .xlsx workbook, every cell as text in the shared strings
 * table, as the streaming writer of exceljs writes it (the sheet before the shared strings, as Excel
 * does). The generated catalog has no quoted cell, so its lines split at commas.
 */
export async function generateWorkbook(path, csvPath) {
  const { createReadStream } = await import('node:fs');
  const { createInterface } = await import('node:readline');
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const sheet = book.addWorksheet('Products');
  for await (const line of createInterface({ input: createReadStream(csvPath) })) {
    sheet.addRow(line.split(',')).commit();
  }
  await book.commit();
}
