import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { type AuditResult, audit } from '../../src/run/audit.js';
import { detectEncoding } from '../../src/read/detect-encoding.js';
import type { AuditedSku, Field } from '../../src/core/types.js';
import { ROOT } from '../cli-run.js';
import { HEADERS, auditText } from '../helpers.js';

// The reading code's proof: one catalog (test/dialects/canonical.csv, 15 SKUs) exported the way each
// source really writes it — other header names, units, encodings, delimiters, a workbook — must audit
// the same, SKU by SKU. The text fixtures are written by test/dialects/make-fixtures.py from
// canonical.csv, the workbook by test/dialects/make-xlsx.mjs; both are committed, and so is their output.

const DIR = join(ROOT, 'test', 'dialects');
const AS_OF = '2026-11-23';

type Header = (typeof HEADERS)[number];

/** What is compared for each SKU. */
const PROPERTIES = [
  'group',
  'sizeClass',
  'varietyClass',
  'segment',
  'track',
  'fulfilment',
  'weightKg',
  'lengthCm',
  'widthCm',
  'heightCm',
  'windowHours',
  'newUntil',
  'handlingHours',
  'rules',
] as const;
type Property = (typeof PROPERTIES)[number];

const NUMERIC = new Set<Property>(['weightKg', 'lengthCm', 'widthCm', 'heightCm', 'handlingHours']);

/** What a SKU's row must read as. */
interface Spot {
  title?: string;
  category?: string;
  brand?: string;
  line?: number;
}

interface Fixture {
  file: string;
  /** `meta.input.encoding` and `meta.input.delimiter` as they must be detected. */
  encoding: string;
  delimiter: string;
  /** `meta.input.columns`: which of the dialect's headers fed which field; exactly these. */
  columns: Partial<Record<Field, string>>;
  /** Canonical columns the dialect's exports do not have at all. */
  lacks: readonly Header[];
  /** Properties that only carried columns feed: these must equal canonical.csv's audit as it is. */
  same: readonly Property[];
  /** Decimal places weights and sides must agree to (an export that rounds converted units agrees to fewer). */
  digits?: number;
  /** Text that must come out as written (decoded, unquoted, inherited), and where a record starts. */
  spot?: Record<string, Spot>;
  /** `--sheet` for a workbook. */
  sheet?: string;
  /** Records in the file, when not canonical.csv's 15 (parent rows of variable products). */
  rows?: number;
  /** SKU codes of rows canonical.csv does not have (parent rows): left out of the comparison. */
  extra?: readonly string[];
  /** `meta.input.headerRow`, when not 1. */
  headerRow?: number;
  /** Fields whose mapping must be reported as doubtful (`input.warnings`); none by default. */
  warnings?: readonly Field[];
}

const CANONICAL_COLUMNS: Partial<Record<Field, string>> = {
  productId: 'product_id',
  sku: 'sku',
  title: 'title',
  category: 'category',
  brand: 'brand',
  gtin: 'gtin',
  mpn: 'mpn',
  weight: 'weight_kg',
  length: 'length_cm',
  width: 'width_cm',
  height: 'height_cm',
  handling: 'handling_days',
  listedAt: 'listed_at',
  channel: 'channel',
  price: 'price',
  currency: 'currency',
  stock: 'stock',
  logisticsAttribute: 'logistics_attribute',
};

/**
 * canonical.csv's content in another encoding or layout, titles translated at most (the mug keeps a
 * made-to-order keyword): every column is there, so every property must be the same.
 */
const copy = (file: string, encoding: string, delimiter = ',', spot?: Record<string, Spot>): Fixture => ({
  file,
  encoding,
  delimiter,
  columns: CANONICAL_COLUMNS,
  lacks: [],
  same: PROPERTIES,
  ...(spot ? { spot } : {}),
});

// Titles of the Unicode copies: CJK, accents, and a character outside the BMP.
const MIXED = {
  'PZL-2000-MAP': { title: 'Puzzle 2000 pièces « Carte du monde » 🧩' },
  'BIT-HSS-19': { title: '高速钢麻花钻头套装 19件' },
  'PZL-1000-OCEAN': { title: 'ジグソーパズル 1000ピース 海' },
};

/** What WooCommerce's exports share, in any language: the parent rows of variable products, and no MPN,
 * handling time, listing date, channel or logistics attribute. */
const WOOCOMMERCE = {
  encoding: 'utf-8',
  delimiter: ',',
  rows: 18,
  extra: ['CBL-C2C', 'DRS-FLR', 'PZL-JIGSAW'],
  lacks: ['mpn', 'handling_days', 'listed_at', 'channel', 'logistics_attribute'],
  same: ['group', 'sizeClass', 'varietyClass', 'segment', 'weightKg', 'lengthCm', 'widthCm', 'heightCm'],
} as const satisfies Partial<Fixture>;

const FIXTURES: Fixture[] = [
  // Encodings: a byte-order mark (dropped, not read as part of the first header), UTF-16 both ways with
  // a character outside the BMP, GBK/Shift-JIS/Windows-1252 without any mark (detected from the bytes).
  copy('utf8-bom.csv', 'utf-8', ',', MIXED),
  copy('utf16le-bom.csv', 'utf-16le', ',', MIXED),
  copy('utf16be-bom.csv', 'utf-16be', ',', MIXED),
  copy('shift-jis.csv', 'shift_jis', ',', { 'DRS-FLR-S': { title: '花柄 ラップワンピース 夏 Sサイズ' } }),
  copy('windows-1252.csv', 'windows-1252', ',', {
    'DRS-FLR-S': { title: "Robe portefeuille d'été à fleurs – Größe S" },
    'PZL-1000-FOREST': { title: 'Puzzle 1000 pièces « Forêt »' },
  }),
  // Delimiters: `;` with decimal commas (0,250 kg; 3,200 kg is not 3200; 3,99), tab, pipe; titles keep
  // their commas unquoted.
  copy('semicolon-decimal-comma.csv', 'utf-8', ';', {
    'CBL-C2C-1M': { title: 'Câble USB-C vers USB-C, 1 m, 60 W' },
  }),
  copy('tab.tsv', 'utf-8', '\t', { 'KNF-SET-5': { title: 'Kitchen Knife Set, 5 pcs with Block' } }),
  copy('pipe.csv', 'utf-8', '|', { 'KNF-SET-5': { title: 'Kitchen Knife Set, 5 pcs with Block' } }),
  // CRLF line ends and a title on two lines inside quotes: the record after it starts a line later.
  copy('crlf.csv', 'utf-8', ',', {
    'MUG-NAME-11OZ': { title: 'Custom Name Mug 11 oz\nPersonalized Gift', line: 15 },
    'KNF-SET-5': { line: 17 },
  }),
  // A workbook: numbers, date cells, text GTINs; the "Notes" sheet comes second and is not read.
  copy('catalog.xlsx', 'xlsx', '', {
    'KNF-SET-5': { title: 'Kitchen Knife Set, 5 pcs with Block', line: 16 },
  }),
  {
    // Chinese ERP, GBK (read as its superset GB18030): every field is there, in Chinese — categories from
    // the default CJK lists, 自运营/半托管/全托管, 普货/内电, dates as 2025/03/14 10:23.
    file: 'erp-gbk.csv',
    encoding: 'gb18030',
    delimiter: ',',
    columns: {
      productId: '商品ID',
      sku: '商品编码',
      title: '标题',
      category: '类目',
      brand: '品牌',
      gtin: '条形码',
      mpn: '型号',
      weight: '重量(kg)',
      length: '长(cm)',
      width: '宽(cm)',
      height: '高(cm)',
      handling: '备货期',
      listedAt: '上架时间',
      channel: '经营模式',
      price: '价格',
      currency: '币种',
      stock: '库存',
      logisticsAttribute: '物流属性',
    },
    lacks: [],
    same: PROPERTIES,
    spot: { 'MUG-NAME-11OZ': { title: '定制姓名马克杯 11oz 个性礼物' } },
  },
  {
    // AliExpress open-platform product fields: brand is a category attribute there, not a field, and
    // there is no MPN, operating mode or logistics attribute. So the track (the power bank's battery
    // sends it to JIT) and the rules (most depend on the current channel) cannot be compared as they are.
    // The variety class can: no SKU of the catalog is identified by brand + MPN alone.
    file: 'aliexpress.csv',
    encoding: 'utf-8',
    delimiter: ',',
    columns: {
      productId: 'product_id',
      sku: 'sku_code',
      title: 'subject',
      category: 'category_id',
      gtin: 'ean_code',
      weight: 'gross_weight',
      length: 'package_length',
      width: 'package_width',
      height: 'package_height',
      handling: 'delivery_time',
      listedAt: 'gmt_create',
      price: 'sku_price',
      currency: 'currency_code',
      stock: 'ipm_sku_stock',
    },
    lacks: ['brand', 'mpn', 'channel', 'logistics_attribute'],
    same: [
      'group',
      'sizeClass',
      'varietyClass',
      'segment',
      'weightKg',
      'lengthCm',
      'widthCm',
      'heightCm',
      'windowHours',
      'newUntil',
      'handlingHours',
    ],
  },
  {
    // Shopify product CSV: weight in grams (whatever "Variant Weight Unit" says), title, vendor and
    // category on a product's first row only, and rows with an empty Handle that continue the product
    // above. It has no package sides (so no size class, segment or track), no handling time, listing
    // date (so no window), channel, MPN, currency or logistics attribute. What it carries: the grouping
    // into products (the 6 puzzles decide variety rule 4), the variety class and the weight.
    file: 'shopify.csv',
    encoding: 'utf-8',
    delimiter: ',',
    columns: {
      productId: 'Handle',
      sku: 'Variant SKU',
      title: 'Title',
      category: 'Product Category',
      brand: 'Vendor',
      gtin: 'Variant Barcode',
      weight: 'Variant Grams',
      price: 'Variant Price',
      stock: 'Variant Inventory Qty',
    },
    lacks: [
      'mpn',
      'length_cm',
      'width_cm',
      'height_cm',
      'handling_days',
      'listed_at',
      'channel',
      'currency',
      'logistics_attribute',
    ],
    same: ['group', 'varietyClass', 'weightKg'],
    // A variant row takes its product's title, category and vendor, whether its Handle is there or
    // left empty.
    spot: {
      'CBL-C2C-2M': {
        title: 'USB-C to USB-C Cable, 60 W',
        category: 'Electronics > Electronics Accessories > Cables',
        brand: 'Voltlink',
      },
      'DRS-FLR-M': {
        title: 'Floral Wrap Summer Dress',
        category: 'Apparel & Accessories > Clothing > Dresses',
        brand: 'Nordhaven Goods',
      },
      'PZL-2000-MAP': {
        title: 'Jigsaw Puzzle Collection',
        category: 'Toys & Games > Puzzles > Jigsaw Puzzles',
      },
    },
  },
  {
    // Amazon flat file (tab-delimited): units in their own columns, rows in KG, GR and LB, CM and IN,
    // rounded to 2 decimals as Amazon takes them. No listing date (so the new dress has no 96 h window),
    // channel or logistics attribute (so no track and no rule can be compared as they are).
    file: 'amazon.txt',
    encoding: 'utf-8',
    delimiter: '\t',
    columns: {
      productId: 'parent_sku',
      sku: 'item_sku',
      title: 'item_name',
      category: 'item_type_keyword',
      brand: 'brand_name',
      gtin: 'external_product_id',
      mpn: 'part_number',
      weight: 'website_shipping_weight',
      length: 'item_package_length',
      width: 'item_package_width',
      height: 'item_package_height',
      handling: 'fulfillment_latency',
      price: 'standard_price',
      currency: 'currency',
      stock: 'quantity',
    },
    lacks: ['listed_at', 'channel', 'logistics_attribute'],
    same: [
      'group',
      'sizeClass',
      'varietyClass',
      'segment',
      'weightKg',
      'lengthCm',
      'widthCm',
      'heightCm',
      'handlingHours',
    ],
    digits: 1,
  },
  {
    // Google Merchant Center feed (TSV): units inside the cells ("80 g", "0.25 kg", "17.72 in"), the
    // price with its currency ("3.99 USD", Google's format). No listing date, channel, logistics
    // attribute or stock count: as for Amazon, no window, track or rule can be compared as they are.
    file: 'google.tsv',
    encoding: 'utf-8',
    delimiter: '\t',
    columns: {
      productId: 'item_group_id',
      sku: 'id',
      title: 'title',
      category: 'google_product_category',
      brand: 'brand',
      gtin: 'gtin',
      mpn: 'mpn',
      weight: 'shipping_weight',
      length: 'shipping_length',
      width: 'shipping_width',
      height: 'shipping_height',
      handling: 'max_handling_time',
      price: 'price',
    },
    lacks: ['listed_at', 'channel', 'logistics_attribute', 'currency', 'stock'],
    same: [
      'group',
      'sizeClass',
      'varietyClass',
      'segment',
      'weightKg',
      'lengthCm',
      'widthCm',
      'heightCm',
      'handlingHours',
    ],
    digits: 1,
  },

  // --- Real layouts (test/layouts, written by make-layouts.py and make-workbooks.mjs): each platform's full
  // header row, read without --map.
  {
    // WooCommerce's own exporter: `Type` (simple, variable, variation) is not the category, `ID` not the
    // SKU; a variable product's row comes before its variations, which take its category. No MPN,
    // handling time, listing date, channel or logistics attribute.
    file: 'layouts/woocommerce.csv',
    ...WOOCOMMERCE,
    columns: {
      productId: 'Parent',
      sku: 'SKU',
      title: 'Name',
      category: 'Categories',
      brand: 'Brands',
      gtin: 'GTIN, UPC, EAN, or ISBN',
      weight: 'Weight (kg)',
      length: 'Length (cm)',
      width: 'Width (cm)',
      height: 'Height (cm)',
      price: 'Regular price',
      stock: 'Stock',
    },
    spot: { 'PZL-1000-OCEAN': { category: 'Toys & Games > Puzzles > Jigsaw Puzzles' } },
  },
  {
    // The same export in Portuguese: `REF` is the SKU beside the post `ID`, `Ascendente` the parent, and
    // `Peso (kg)`, `Comprimento (cm)`, `Largura (cm)`, `Altura (cm)`, `Categorias`; decimal commas.
    file: 'layouts/woocommerce-pt.csv',
    ...WOOCOMMERCE,
    columns: {
      productId: 'Ascendente',
      sku: 'REF',
      title: 'Nome',
      category: 'Categorias',
      brand: 'Marcas',
      gtin: 'GTIN, UPC, EAN ou ISBN',
      weight: 'Peso (kg)',
      length: 'Comprimento (cm)',
      width: 'Largura (cm)',
      height: 'Altura (cm)',
      price: 'Preço',
      stock: 'Estoque',
    },
  },
  {
    // Magento 2: `product_type` is not the category, `categories` is; `name`, `created_at`, `qty`. Its
    // weight's unit is the store's and unsaid: reported as doubtful. No sides, so no size class; its
    // configurable products do not group their children by any column.
    file: 'layouts/magento.csv',
    encoding: 'utf-8',
    delimiter: ',',
    rows: 18,
    extra: ['CBL-C2C', 'DRS-FLR', 'PZL-JIGSAW'],
    columns: {
      sku: 'sku',
      title: 'name',
      category: 'categories',
      weight: 'weight',
      listedAt: 'created_at',
      price: 'price',
      stock: 'qty',
    },
    warnings: ['weight'],
    lacks: [],
    same: ['weightKg', 'newUntil'],
    spot: { 'DRS-FLR-S': { category: 'Default Category/Apparel & Accessories/Clothing/Dresses' } },
  },
  {
    // PrestaShop (`;`): `Reference #`, `Name *`, `Categories (x,y,z...)`, `EAN13`, Width / Height / Depth,
    // `Product creation date`; one row per product.
    file: 'layouts/prestashop.csv',
    encoding: 'utf-8',
    delimiter: ';',
    columns: {
      productId: 'Product ID',
      sku: 'Reference #',
      title: 'Name *',
      category: 'Categories (x,y,z...)',
      brand: 'Manufacturer',
      gtin: 'EAN13',
      mpn: 'MPN',
      weight: 'Weight',
      length: 'Depth',
      width: 'Width',
      height: 'Height',
      listedAt: 'Product creation date',
      price: 'Price tax excluded',
      stock: 'Quantity',
    },
    lacks: [],
    same: ['sizeClass', 'weightKg', 'lengthCm', 'widthCm', 'heightCm', 'newUntil'],
  },
  {
    // Shopify's current template: `URL handle`, `SKU`, `Barcode`, `Inventory quantity`,
    // `Weight value (grams)`; title, vendor and category on a product's first row only.
    file: 'layouts/shopify-2024.csv',
    encoding: 'utf-8',
    delimiter: ',',
    columns: {
      productId: 'URL handle',
      sku: 'SKU',
      title: 'Title',
      category: 'Product category',
      brand: 'Vendor',
      gtin: 'Barcode',
      mpn: 'Google Shopping / Manufacturer part number (MPN)',
      weight: 'Weight value (grams)',
      price: 'Price',
      stock: 'Inventory quantity',
    },
    lacks: [],
    same: ['group', 'varietyClass', 'weightKg'],
    spot: { 'PZL-2000-MAP': { category: 'Toys & Games > Puzzles > Jigsaw Puzzles' } },
  },
  {
    // An AliExpress product feed: `aliexpress_product_id`, `sku_code`, `inventory`, `ean`,
    // `shipping_preparation_time` (days), the package_* fields.
    file: 'layouts/aliexpress-feed.csv',
    encoding: 'utf-8',
    delimiter: ',',
    columns: {
      productId: 'aliexpress_product_id',
      sku: 'sku_code',
      title: 'title',
      category: 'category_id',
      brand: 'brand',
      gtin: 'ean',
      weight: 'package_weight',
      length: 'package_length',
      width: 'package_width',
      height: 'package_height',
      handling: 'shipping_preparation_time',
      price: 'price',
      stock: 'inventory',
    },
    lacks: ['mpn', 'listed_at', 'channel', 'logistics_attribute'],
    same: ['group', 'sizeClass', 'varietyClass', 'segment', 'handlingHours'],
  },
  {
    // A Chinese ERP (GB18030): bilingual headers, `分类`, `SPU`, the package's sides with their unit in
    // the bracket beside the product's own (which are not read), a currency in the price's bracket, a
    // yes/no battery column.
    file: 'layouts/erp-bilingual.csv',
    encoding: 'gb18030',
    delimiter: ',',
    columns: {
      productId: 'SPU',
      sku: '产品SKU/SKU',
      title: '产品名称/ProductTitle',
      category: '分类',
      brand: '品牌',
      gtin: '条码',
      mpn: '型号',
      weight: '重量/Weight',
      length: '包装尺寸(长cm)',
      width: '包装尺寸(宽cm)',
      height: '包装尺寸(高cm)',
      handling: '备货期(天)',
      listedAt: '创建时间',
      channel: '经营模式',
      price: '零售价(USD)',
      currency: 'USD (from 零售价(USD))',
      stock: '库存',
      logisticsAttribute: '货物属性/ContainBattery',
    },
    lacks: [],
    same: PROPERTIES,
  },
  {
    // A Mabang stock-SKU export: `*库存sku编号`, `主SKU`, grams in `商品重量`, the three sides in one cell
    // (`15*10*2`; `18*9` for the bit set, whose height is missing), `是否带电池（0/1）`.
    file: 'layouts/erp-mabang.csv',
    encoding: 'utf-8',
    delimiter: ',',
    columns: {
      productId: '主SKU',
      sku: '*库存sku编号',
      title: '*库存sku名称',
      category: '商品目录',
      brand: '品牌',
      gtin: '条形码',
      mpn: '型号',
      weight: '商品重量',
      length: '包装尺寸(长*宽*高)CM',
      width: '包装尺寸(长*宽*高)CM',
      height: '包装尺寸(长*宽*高)CM',
      listedAt: '创建时间(2018/12/18 23:59:59)',
      channel: '经营模式',
      price: '售价',
      stock: '库存',
      logisticsAttribute: '是否带电池（0/1）',
    },
    lacks: ['handling_days'],
    same: [
      'group',
      'sizeClass',
      'varietyClass',
      'segment',
      'track',
      'weightKg',
      'lengthCm',
      'widthCm',
      'heightCm',
    ],
  },
  {
    // A report title, the export date, a blank line and a note above the header.
    file: 'layouts/preamble.csv',
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: 5,
    columns: CANONICAL_COLUMNS,
    lacks: [],
    same: PROPERTIES,
    spot: { 'CBL-C2C-1M': { line: 6 }, 'KNF-SET-5': { line: 20 } },
  },
  {
    // 49 `#` comment lines above a tab-separated table (once read as comma-separated).
    file: 'layouts/comments.tsv',
    encoding: 'utf-8',
    delimiter: '\t',
    headerRow: 50,
    columns: CANONICAL_COLUMNS,
    lacks: [],
    same: PROPERTIES,
    spot: { 'CBL-C2C-1M': { line: 51 } },
  },
  ...(['xlsx', 'xls'] as const).map((kind): Fixture => ({
    // The AliExpress supplier portal's export: one sheet per category (its name is the rows' category),
    // a title on row 1, the header on row 2 with `*` on required fields, the product `id` on every SKU
    // row, a hidden helper sheet first and a very hidden one last; as .xlsx and as .xls.
    file: `layouts/seller-portal.${kind}`,
    sheet: 'all',
    encoding: kind,
    delimiter: '',
    headerRow: 2,
    columns: {
      productId: 'id',
      sku: 'sku',
      title: '*商品标题',
      category: "sheet (the sheet's name)",
      brand: '品牌',
      gtin: '条形码',
      mpn: '型号',
      weight: '*包装后重量(kg)',
      length: '*包装尺寸(长cm)',
      width: '*包装尺寸(宽cm)',
      height: '*包装尺寸(高cm)',
      handling: '*发货期',
      listedAt: '创建时间',
      price: '*零售价(USD)',
      currency: 'USD (from *零售价(USD))',
      stock: '*库存',
    },
    lacks: ['channel', 'logistics_attribute'],
    same: ['group', 'sizeClass', 'varietyClass', 'segment', 'weightKg', 'lengthCm', 'widthCm', 'heightCm'],
    spot: { 'PZL-2000-MAP': { category: '玩具 > 拼图', line: 8 }, 'CBL-C2C-1M': { line: 3 } },
  })),
];

interface Audited {
  result: AuditResult;
  skus: AuditedSku[];
}

const audits = new Map<string, Promise<Audited>>();

/** A fixture of test/dialects by its name, or of another folder of test/ by its path there. */
function auditFile(file: string, sheet?: string): Promise<Audited> {
  const key = `${file}#${sheet ?? ''}`;
  let done = audits.get(key);
  if (done === undefined) {
    const skus: AuditedSku[] = [];
    const path = file.includes('/') ? join(ROOT, 'test', file) : join(DIR, file);
    done = audit(path, {
      asOf: AS_OF,
      onSku: (sku) => skus.push(sku),
      ...(sheet !== undefined ? { sheet } : {}),
    }).then((result) => ({ result, skus }));
    audits.set(key, done);
  }
  return done;
}

/** canonical.csv without the columns a dialect lacks: what that dialect's export must audit like. */
async function auditCanonicalWithout(lacks: readonly Header[]): Promise<Audited> {
  const [header = [], ...rows] = parse(readFileSync(join(DIR, 'canonical.csv'), 'utf8')) as string[][];
  const keep = header.flatMap((name, i) => (lacks.includes(name as Header) ? [] : [i]));
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = [header, ...rows].map((cells) => keep.map((i) => quote(cells[i] ?? '')).join(',')).join('\n');
  return auditText(`${text}\n`, { asOf: AS_OF });
}

type View = Record<string, Record<string, unknown>>;

/** Each SKU's properties, keyed by SKU code. */
function project(skus: readonly AuditedSku[], properties: readonly Property[]): View {
  const members = new Map<string, string[]>();
  for (const sku of skus) {
    const key = sku.productKey ?? '';
    members.set(key, [...(members.get(key) ?? []), sku.sku ?? '']);
  }
  const value = (sku: AuditedSku, property: Property): unknown => {
    switch (property) {
      case 'group':
        // Product ids differ between sources (a Handle, a parent SKU): the grouping is what must agree,
        // and the SKU count of the product that the variety class was computed with.
        return { skus: [...(members.get(sku.productKey ?? '') ?? [])].sort(), count: sku.productSkus };
      case 'windowHours':
        return sku.window.hours;
      case 'newUntil':
        return sku.window.newUntil;
      case 'handlingHours':
        return sku.window.handlingHours;
      case 'rules':
        return [...new Set(sku.findings.map((f) => f.rule))].sort();
      default:
        return sku[property];
    }
  };
  const view: View = {};
  for (const sku of skus) {
    view[sku.sku ?? ''] = Object.fromEntries(properties.map((p) => [p, value(sku, p)]));
  }
  return view;
}

/** The same, with numbers to be matched to `digits` decimal places. */
function expected(skus: readonly AuditedSku[], properties: readonly Property[], digits: number) {
  const view = project(skus, properties);
  for (const row of Object.values(view)) {
    for (const property of NUMERIC) {
      const v = row[property];
      if (typeof v === 'number' && Number.isFinite(v)) row[property] = expect.closeTo(v, digits);
    }
  }
  return view;
}

describe('dialects: canonical.csv, the reference', () => {
  // The reference must exercise what the fixtures are meant to prove, or equality proves little.
  it('audits as designed', async () => {
    const { result, skus } = await auditFile('canonical.csv');
    expect(result.meta.input).toMatchObject({ encoding: 'utf-8', delimiter: ',', rows: 15 });
    expect(result.meta.input.columns).toEqual(CANONICAL_COLUMNS);
    const row = (segment: string, track: string, hours: number, handling: number, rules: string[]) => ({
      segment,
      track,
      windowHours: hours,
      handlingHours: handling,
      rules,
    });
    const puzzle = row('non-standard-high-variety', 'pop', 72, 48, ['variety-in-warehouse']);
    expect(project(skus, ['segment', 'track', 'windowHours', 'handlingHours', 'rules'])).toEqual({
      // EAN-13 cable on POP, and its sibling on semi-managed.
      'CBL-C2C-1M': row('standard-light-small', 'warehouse', 72, 48, ['warehouse-candidate']),
      'CBL-C2C-2M': row('standard-light-small', 'warehouse', 72, 48, ['full-managed-available']),
      // Special goods (battery): JIT, and a warning since it sits in full-managed.
      'PB-10K-WH': row('standard-light-small', 'pop', 72, 72, ['special-goods-in-warehouse']),
      'DRL-18V-BARE': row('standard-regular', 'pop', 72, 72, []),
      // Listed 2026-11-01 in a special category: 96 h, and 4 days of handling fit.
      'DRS-FLR-S': row('non-standard-high-variety', 'pop', 96, 96, []),
      'DRS-FLR-M': row('non-standard-high-variety', 'pop', 96, 96, []),
      // Six SKUs in a neutral category: variety rule 4 decides, before their valid GTINs.
      'PZL-500-CITY': puzzle,
      'PZL-500-FOREST': puzzle,
      'PZL-1000-CITY': puzzle,
      'PZL-1000-FOREST': puzzle,
      'PZL-1000-OCEAN': puzzle,
      'PZL-2000-MAP': puzzle,
      // No height.
      'BIT-HSS-19': row('unclassified', 'review', 72, 48, ['missing-size-data']),
      // "Custom … Personalized" in the title.
      'MUG-NAME-11OZ': row('non-standard-high-variety', 'pop', 72, 72, []),
      // 5 days of handling in a 72 h window.
      'KNF-SET-5': row('standard-light-small', 'warehouse', 72, 120, [
        'handling-exceeds-window',
        'warehouse-candidate',
      ]),
    });
    expect(skus.find((s) => s.sku === 'PB-10K-WH')?.weightKg).toBe(0.25);
    expect(skus.filter((s) => s.reasons.some((r) => r.code === 'high-variety'))).toHaveLength(6);
  });
});

for (const fixture of FIXTURES) {
  const digits = fixture.digits ?? 2;
  const audited = async () => {
    const { result, skus } = await auditFile(fixture.file, fixture.sheet);
    const extra = new Set(fixture.extra ?? []);
    return { result, skus: skus.filter((sku) => !extra.has(sku.sku ?? '')) };
  };

  describe(`dialects: ${fixture.file}${fixture.sheet === undefined ? '' : ` --sheet ${fixture.sheet}`}`, () => {
    it('detects the encoding, delimiter and header row, and names the headers that fed each field', async () => {
      const { result } = await audited();
      expect(result.meta.input.encoding).toBe(fixture.encoding);
      expect(result.meta.input.delimiter).toBe(fixture.delimiter);
      expect(result.meta.input.rows).toBe(fixture.rows ?? 15);
      expect(result.meta.input.headerRow).toBe(fixture.headerRow ?? 1);
      expect(result.meta.input.columns).toEqual(fixture.columns);
      expect(result.meta.input.warnings.map((w) => w.field)).toEqual(fixture.warnings ?? []);
    });

    it(`reads the same values as canonical.csv: ${fixture.same.join(', ')}`, async () => {
      const [{ skus }, canonical] = await Promise.all([audited(), auditFile('canonical.csv')]);
      expect(project(skus, fixture.same)).toEqual(expected(canonical.skus, fixture.same, digits));
    });

    const { spot } = fixture;
    if (spot !== undefined) {
      it(`reads ${Object.keys(spot).join(', ')} as written`, async () => {
        const { skus } = await audited();
        const found = Object.fromEntries(
          Object.keys(spot).map((code) => {
            const sku = skus.find((s) => s.sku === code);
            return [code, { title: sku?.title, category: sku?.category, brand: sku?.brand, line: sku?.line }];
          }),
        );
        expect(found).toMatchObject(spot);
      });
    }

    if (fixture.lacks.length > 0) {
      // Whatever the missing columns change (a window without a listing date, a track without the
      // logistics attribute, the rules without the channel), the export must audit exactly like
      // canonical.csv with those columns removed: every property, rule ids included.
      it(`audits like canonical.csv without ${fixture.lacks.join(', ')}`, async () => {
        const [{ skus }, reference] = await Promise.all([audited(), auditCanonicalWithout(fixture.lacks)]);
        expect(project(skus, PROPERTIES)).toEqual(expected(reference.skus, PROPERTIES, digits));
      });
    }
  });
}

describe('encodings of small files', () => {
  // Byte statistics need more text than a few cells: a small Chinese ERP export must still read as GBK.
  it.each([
    [
      'a Chinese ERP header',
      'c9ccc6b7b1e0c2eb2cb1eacce22cd6d8c1bf28bfcb290a41312cc1acd2c2c8b92c3530300a',
      'gb18030',
    ],
    ['one Chinese title', '736b752c7469746c650a41312cc5aed7b0c1acd2c2c8b90a', 'gb18030'],
    ['German and French words', '736b752c7469746c650a412c4772f6df652066fc7220436166e90a', 'windows-1252'],
    ['two accented pairs', '736b752c7469746c650a412cc672f8204772f6df650a', 'windows-1252'],
    [
      'German headers whose every accent pairs up (Größe)',
      '736b753b4772f6df653b5665727061636b756e67736772f6df653b7765696768745f6b670a413b4d3b4c3b310a',
      'windows-1252',
    ],
    [
      'Portuguese capitals (PROMOÇÃO)',
      '736b752c7469746c650a412c50524f4d4fc7c34f204154454ec7c34f20494e464f524d41c7c34f0a',
      'windows-1252',
    ],
  ])('%s', (_what, hex, encoding) => {
    expect(detectEncoding(Buffer.from(hex, 'hex'), true).encoding).toBe(encoding);
  });

  it('accented capitals of no language, seven bytes: a guess, and said to be one', () => {
    // `ÀÉÎÕÜ ßé` in Windows-1252 is as much Greek in Windows-1253: no reading can be sure.
    const guess = detectEncoding(Buffer.from('736b752c7469746c650a412cc0c9ced5dc20dfe90a', 'hex'), true);
    expect(guess.confidence).toBe('doubtful');
  });

  it('audits a small GBK export with Chinese headers', async () => {
    const { Readable } = await import('node:stream');
    const bytes = Buffer.from(
      'c9ccc6b7b1e0c2eb2cb1eacce22cd6d8c1bf28bfcb290a41312cc1acd2c2c8b92c3530300a',
      'hex',
    );
    const skus: AuditedSku[] = [];
    const result = await audit(Readable.from([bytes]), { asOf: AS_OF, onSku: (sku) => skus.push(sku) });
    expect(result.meta.input.encoding).toBe('gb18030');
    expect(skus.map((s) => [s.sku, s.title, s.weightKg])).toEqual([['A1', '连衣裙', 0.5]]);
  });
});

describe('Shopify files without a SKU column', () => {
  it('do not take the rows that continue a product for duplicates of its first row', async () => {
    const { skus } = await auditText('Handle,Title,Variant Grams\nh1,Dress,200\n,,210\n,,220\nh2,Ring,10\n');
    // Without SKU codes, a variant row cannot be told from an image row: none counts as a SKU.
    expect(skus.map((s) => [s.productId, s.productSkus, s.duplicateOfLine])).toEqual([
      ['h1', 1, null],
      ['h1', 1, null],
      ['h1', 1, null],
      ['h2', 1, null],
    ]);
    expect(skus.flatMap((s) => s.findings.map((f) => f.rule))).not.toContain('duplicate-sku');
  });
});
