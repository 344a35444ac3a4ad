import type { HandlingUnit, LengthUnit, WeightUnit } from '../values/units.js';
import type { Field } from '../core/types.js';

export type ColumnUnit = WeightUnit | LengthUnit | HandlingUnit;

export interface HeaderAlias {
  field: Field;
  /** Header texts, compared after `normalizeHeader`. */
  headers: readonly string[];
  /** The unit a bare number in this column is in (a unit in the header itself wins). */
  unit?: ColumnUnit;
  /** Columns that hold each row's unit (Amazon's `…_unit_of_measure`); `{header}` is the value column's name. */
  unitColumns?: readonly string[];
  /**
   * One cell holds all three sides (`20*15*10`): this field is the side at this place in it. The three
   * side entries of a one-cell column share it.
   */
  side?: 0 | 1 | 2;
  /**
   * Tried only after every other entry, so that a plainer column wins: an `id` is the SKU only when no
   * SKU column exists, a product `Type` the category only when no categories column exists.
   */
  fallback?: true;
  /** A fallback taken only when the file already has a SKU column (the seller portal's `id`). */
  onlyWithSku?: true;
}

/**
 * Which header feeds which field, for every export dialect the tool knows. Data, in one place: the
 * canonical names of docs/contract.md#fields first, so they win over any alias when a file has both; within a field,
 * earlier entries win. Headers are compared after `normalizeHeader` (case, spaces and full-width forms do
 * not matter), so they are written here in lower case. Add a dialect by adding its names.
 */
export const HEADER_ALIASES: readonly HeaderAlias[] = [
  // Canonical names (docs/contract.md#fields).
  { field: 'productId', headers: ['product_id'] },
  { field: 'sku', headers: ['sku'] },
  { field: 'title', headers: ['title'] },
  { field: 'category', headers: ['category'] },
  { field: 'brand', headers: ['brand'] },
  { field: 'gtin', headers: ['gtin'] },
  { field: 'mpn', headers: ['mpn'] },
  { field: 'weight', headers: ['weight_kg'], unit: 'kg' },
  { field: 'weight', headers: ['weight_g'], unit: 'g' },
  { field: 'weight', headers: ['weight', 'package weight', 'gross weight', 'shipping weight'], unit: 'kg' },
  { field: 'length', headers: ['length_cm', 'length', 'package length'], unit: 'cm' },
  { field: 'width', headers: ['width_cm', 'width', 'package width'], unit: 'cm' },
  { field: 'height', headers: ['height_cm', 'height', 'package height'], unit: 'cm' },
  { field: 'handling', headers: ['handling_days'], unit: 'days' },
  { field: 'handling', headers: ['handling_hours'], unit: 'hours' },
  { field: 'listedAt', headers: ['listed_at'] },
  { field: 'channel', headers: ['channel'] },
  { field: 'price', headers: ['price'] },
  { field: 'currency', headers: ['currency'] },
  { field: 'stock', headers: ['stock'] },
  { field: 'logisticsAttribute', headers: ['logistics_attribute'] },

  // Names several platforms share. WooCommerce and Magento 2 (`Categories`, `categories`; PrestaShop's
  // `Categories (x,y,z...)` is read without its bracket), WooCommerce's Portuguese export (`REF`,
  // `Categorias`), PrestaShop (`Reference #`), Magento 2 and WooCommerce (`name`).
  { field: 'sku', headers: ['ref', 'reference #', 'reference', 'référence', 'referencia'] },
  { field: 'category', headers: ['categories', 'categorias', 'categorías', 'catégories'] },
  { field: 'title', headers: ['name', 'nome', 'product name', 'product title'] },

  // AliExpress open platform, and its product feeds (`aliexpress_product_id`, `Product ID`,
  // `shipping_preparation_time`, `inventory`, `ean`).
  { field: 'productId', headers: ['aliexpress_product_id', 'product id', 'productid'] },
  { field: 'sku', headers: ['sku_code', 'sku code', 'seller sku', 'msku'] },
  { field: 'title', headers: ['subject'] },
  { field: 'category', headers: ['category_id', 'category_name', 'category name'] },
  {
    field: 'gtin',
    headers: [
      'ean_code',
      'barcode',
      'ean',
      'ean13',
      'upc',
      'gtin, upc, ean, or isbn',
      'gtin, upc, ean ou isbn',
    ],
  },
  { field: 'weight', headers: ['gross_weight'], unit: 'kg' },
  { field: 'length', headers: ['package_length'], unit: 'cm' },
  { field: 'width', headers: ['package_width'], unit: 'cm' },
  { field: 'height', headers: ['package_height'], unit: 'cm' },
  { field: 'handling', headers: ['delivery_time', 'shipping_preparation_time'], unit: 'days' },
  { field: 'listedAt', headers: ['gmt_create'] },
  { field: 'price', headers: ['sku_price'] },
  { field: 'stock', headers: ['ipm_sku_stock', 'sku_stock', 'inventory'] },
  { field: 'currency', headers: ['currency_code'] },

  // Chinese ERP and seller-portal labels: 马帮 (`*库存sku编号`, `主SKU`, `商品尺寸长(cm)`, `是否带电池（0/1）`),
  // other ERPs' templates (`SPU`, `分类`, `包装尺寸(长cm)`, `包装尺寸(长*宽*高)CM`, `产品包装重量(g)`), carriers'
  // bilingual SKU registrations (`产品SKU/SKU`, `重量/Weight`, `货物属性/ContainBattery`), the AliExpress
  // supplier portal (`id`, `*商品标题`, `*零售价(USD)`; one sheet per category).
  // Bilingual headers (`产品SKU/SKU`, `重量/Weight`) are matched by either half; `包装尺寸(长cm)` is read
  // as `包装长` in cm (see `headerKeys`).
  { field: 'productId', headers: ['商品id', '产品id', '商品编号', '产品编号', 'spu', '主sku', '母体id'] },
  {
    field: 'sku',
    headers: [
      '商品编码',
      '库存sku编号',
      'sku编码',
      'sku码',
      '库存sku',
      '产品sku',
      '商品sku',
      '本地sku',
      '平台sku',
      '商家编码',
      '商品货号',
      '货号',
    ],
  },
  {
    field: 'title',
    headers: [
      '标题',
      '商品标题',
      '产品标题',
      '商品名称',
      '产品名称',
      '产品中文名称',
      '库存sku名称',
      '中文名称',
    ],
  },
  {
    field: 'category',
    headers: ['类目', '商品类目', '产品类目', '类目路径', '分类', '产品分类', '商品分类', '商品目录'],
  },
  { field: 'brand', headers: ['品牌'] },
  { field: 'gtin', headers: ['条形码', '条码', 'ean码'] },
  { field: 'mpn', headers: ['型号', '制造商型号', 'manufacturer part number'] },
  {
    field: 'weight',
    headers: ['重量(kg)', '重量(g)', '产品包装重量', '含包装重量', '包装后重量', '毛重', '重量', '产品重量'],
    unit: 'kg',
  },
  // Mabang's 商品重量 is in grams, with no unit in the header.
  { field: 'weight', headers: ['商品重量'], unit: 'g' },
  // Last: next to 包装材料 and 包装成本 in some ERPs' templates, 包装重量 is the packing material's own weight.
  { field: 'weight', headers: ['包装重量'], unit: 'kg' },
  { field: 'length', headers: ['长(cm)', '包装长度', '包装长', '产品包装长', '长'], unit: 'cm' },
  { field: 'width', headers: ['宽(cm)', '包装宽度', '包装宽', '产品包装宽', '宽'], unit: 'cm' },
  { field: 'height', headers: ['高(cm)', '包装高度', '包装高', '产品包装高', '高'], unit: 'cm' },
  // One cell with the three sides of the package (`20*15*10`), before the product's own sides: the
  // package is what is shipped.
  ...oneCellSides(['包装尺寸', '产品包装尺寸', 'package dimensions', 'package size']),
  // The product's size, only when the file has no package size.
  { field: 'length', headers: ['商品长', '产品长', '商品尺寸长'], unit: 'cm' },
  { field: 'width', headers: ['商品宽', '产品宽', '商品尺寸宽'], unit: 'cm' },
  { field: 'height', headers: ['商品高', '产品高', '商品尺寸高'], unit: 'cm' },
  ...oneCellSides(['商品尺寸', '产品尺寸', '产品体积', '尺寸', 'dimensions', 'product dimensions']),
  { field: 'handling', headers: ['备货期', '发货期', '备货期(天)', '发货期(天)'], unit: 'days' },
  { field: 'listedAt', headers: ['上架时间', '产品发布时间', '创建时间', '发布时间'] },
  { field: 'channel', headers: ['经营模式', '运营模式', '发货模式'] },
  { field: 'price', headers: ['价格', '售价', '零售价'] },
  { field: 'currency', headers: ['币种', '货币'] },
  { field: 'stock', headers: ['库存', '可售库存'] },
  // Yes / no battery columns (`带电`: 否 / 是) are read like a logistics attribute: no is ordinary goods.
  {
    field: 'logisticsAttribute',
    headers: [
      '物流属性',
      '货物属性',
      '特殊属性',
      '带电',
      '是否带电',
      '是否带电池',
      '带电池',
      'containbattery',
      'contain battery',
    ],
  },

  // Shopify product CSV: the legacy template (`Handle`, `Variant SKU`, `Variant Grams`) and the current one
  // (`URL handle`, `SKU`, `Weight value (grams)`, `Inventory quantity`).
  { field: 'productId', headers: ['handle', 'url handle'] },
  { field: 'sku', headers: ['variant sku'] },
  { field: 'brand', headers: ['vendor'] },
  { field: 'category', headers: ['product category'] },
  { field: 'gtin', headers: ['variant barcode'] },
  { field: 'weight', headers: ['variant grams'], unit: 'g' },
  { field: 'weight', headers: ['weight value'], unit: 'g' },
  { field: 'price', headers: ['variant price'] },
  { field: 'stock', headers: ['variant inventory qty', 'inventory quantity'] },

  // WooCommerce (`Parent`: a variation's parent product; `Peso`, `Comprimento`, `Largura`, `Altura`,
  // `Estoque` in the Portuguese export), Magento 2 (`qty`, `created_at`), PrestaShop (`Depth`,
  // `Manufacturer`, `Price tax excluded`).
  { field: 'productId', headers: ['parent', 'ascendente', 'pai'] },
  { field: 'brand', headers: ['brands', 'marcas', 'manufacturer'] },
  { field: 'weight', headers: ['peso'], unit: 'kg' },
  { field: 'length', headers: ['comprimento', 'depth'], unit: 'cm' },
  { field: 'width', headers: ['largura'], unit: 'cm' },
  { field: 'height', headers: ['altura'], unit: 'cm' },
  { field: 'listedAt', headers: ['created_at', 'product creation date', 'date_add'] },
  {
    field: 'price',
    headers: ['regular price', 'preço normal', 'preço', 'price tax excluded', 'price tax included'],
  },
  { field: 'stock', headers: ['qty', 'estoque'] },

  // Amazon flat files: a value column, with its unit in a column of its own.
  { field: 'productId', headers: ['parent_sku'] },
  { field: 'sku', headers: ['item_sku'] },
  { field: 'title', headers: ['item_name'] },
  { field: 'category', headers: ['item_type_keyword', 'item_type', 'feed_product_type'] },
  { field: 'brand', headers: ['brand_name'] },
  { field: 'gtin', headers: ['external_product_id'] },
  { field: 'mpn', headers: ['part_number', 'manufacturer_part_number'] },
  {
    field: 'weight',
    headers: ['website_shipping_weight', 'item_package_weight', 'package_weight'],
    unitColumns: ['{header}_unit_of_measure', 'item_package_weight_unit_of_measure'],
  },
  {
    field: 'length',
    headers: ['item_package_length', 'package_length'],
    unitColumns: [
      '{header}_unit_of_measure',
      'item_package_dimensions_unit_of_measure',
      'package_dimensions_unit_of_measure',
    ],
  },
  {
    field: 'width',
    headers: ['item_package_width', 'package_width'],
    unitColumns: [
      '{header}_unit_of_measure',
      'item_package_dimensions_unit_of_measure',
      'package_dimensions_unit_of_measure',
    ],
  },
  {
    field: 'height',
    headers: ['item_package_height', 'package_height'],
    unitColumns: [
      '{header}_unit_of_measure',
      'item_package_dimensions_unit_of_measure',
      'package_dimensions_unit_of_measure',
    ],
  },
  { field: 'handling', headers: ['fulfillment_latency'], unit: 'days' },
  { field: 'price', headers: ['standard_price'] },
  { field: 'stock', headers: ['quantity'] },

  // Google Merchant Center feeds: units inside the cells ("1.2 kg", "10 cm").
  { field: 'productId', headers: ['item_group_id', 'item group id'] },
  { field: 'category', headers: ['google_product_category', 'google product category'] },
  { field: 'weight', headers: ['shipping_weight', 'shipping weight'], unit: 'kg' },
  { field: 'length', headers: ['shipping_length', 'shipping length'], unit: 'cm' },
  { field: 'width', headers: ['shipping_width', 'shipping width'], unit: 'cm' },
  { field: 'height', headers: ['shipping_height', 'shipping height'], unit: 'cm' },
  { field: 'handling', headers: ['max_handling_time', 'max handling time'], unit: 'days' },

  // Fallbacks, tried after all the above. The seller portal's `id` (repeated on each SKU row) is the
  // product id when the file has a SKU column; without one it is the SKU (Google's feeds). A product type
  // (Shopify's and Google's `Type` / `product_type`) is the category only when no categories column
  // exists: in WooCommerce (`Type`: simple, variable) and Magento 2 (`product_type`: simple,
  // configurable) it is the kind of listing, not a category.
  { field: 'productId', headers: ['id'], fallback: true, onlyWithSku: true },
  { field: 'sku', headers: ['id'], fallback: true },
  { field: 'category', headers: ['product_type', 'product type', 'type', 'tipo'], fallback: true },
];

/** The three side entries of a column that holds all three sides in one cell. */
function oneCellSides(headers: readonly string[]): HeaderAlias[] {
  return (['length', 'width', 'height'] as const).map((field, side) => ({
    field,
    headers,
    unit: 'cm',
    side: side as 0 | 1 | 2,
  }));
}

/** Case, surrounding and repeated spaces, and full-width forms (`（kg）`, `＊`) do not matter in a header. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

const MAX_HEADER_CHARS = 1000;

/** What a header says beyond its name: the texts to match it by, and a unit or currency it names. */
export interface HeaderReading {
  /** Texts to match against the alias table, the header itself (cleaned) first. */
  keys: string[];
  /** A unit named in brackets: `Peso (kg)`, `Weight value (grams)`, `包装尺寸(长cm)`. */
  unitWord?: string;
  /** A currency named in brackets: `零售价(USD)`. */
  currency?: string;
}

const MARKER = String.raw`(?:\*+|\((?:必填|必填项|必选|required)\))`;
const MARKER_START = new RegExp(`^${MARKER}\\s*`);
const MARKER_END = new RegExp(`\\s*${MARKER}$`);
const BRACKET_END = /^(.*?)\s*[([]([^()[\]]*)[)\]]$/;
const SIDE_IN_BRACKET = /^(长|宽|高)\s*([a-z]+|厘米|毫米|米)?$/;
const SIZE_WORD = /尺寸$/;
const CURRENCIES = new Set(['usd', 'cny', 'rmb', 'eur', 'gbp', 'rub', 'jpy', 'krw', 'brl', 'aud', 'cad']);

/**
 * A header cleaned the way sellers' templates dress it: a required marker at either end (`*商品标题`,
 * `Name *`, `（必填）`) goes; a bilingual `中文/English` header is tried by either half; a bracket at the
 * end names a unit (`Peso (kg)`), a side and its unit (`包装尺寸(长cm)` → `包装长`, cm), a currency
 * (`零售价(USD)`), or something else that is not part of the name (`Categories (x,y,z...)`).
 */
export function readHeader(header: string): HeaderReading {
  // A cell this long is text, not a column's name (a data row looked at as a header, say): not read.
  if (header.length > MAX_HEADER_CHARS) return { keys: [] };
  const full = stripMarkers(normalizeHeader(header));
  const keys = [full];
  let unitWord: string | undefined;
  let currency: string | undefined;
  const halves = splitOutsideBrackets(full, '/');
  const names = halves.length === 2 && halves.every((h) => h !== '') ? [full, ...halves] : [full];
  for (const written of names) {
    let name = stripMarkers(written);
    // A unit after the bracket: `包装尺寸(长*宽*高)CM`.
    const after = UNIT_AFTER_BRACKET.exec(name);
    if (after?.[1] !== undefined && after[2] !== undefined) {
      unitWord ??= after[2];
      name = after[1];
    }
    keys.push(name);
    const bracket = BRACKET_END.exec(name);
    const base = bracket?.[1]?.trim();
    const content = bracket?.[2]?.trim();
    if (base === undefined || content === undefined || base === '') continue;
    const side = SIDE_IN_BRACKET.exec(content);
    if (side?.[1] !== undefined && SIZE_WORD.test(base)) {
      keys.push(`${base.replace(SIZE_WORD, '')}${side[1]}`);
      unitWord ??= side[2];
      continue;
    }
    if (CURRENCIES.has(content) || content === '美元' || content === '人民币') {
      currency ??=
        content === '美元'
          ? 'USD'
          : content === '人民币' || content === 'rmb'
            ? 'CNY'
            : content.toUpperCase();
    } else if (UNIT_WORD.test(content)) {
      unitWord ??= content;
    }
    keys.push(base);
  }
  return {
    keys: [...new Set(keys.filter((k) => k !== ''))],
    ...(unitWord !== undefined ? { unitWord } : {}),
    ...(currency !== undefined ? { currency } : {}),
  };
}

const UNIT_AFTER_BRACKET = /^(.*[)\]])\s*(cm|mm|kg|g|in|inch|lb|lbs)$/;
const UNIT_WORD = /^(?:[a-z]+|[\u4e00-\u9fff]{1,2})$/;

function stripMarkers(text: string): string {
  let out = text;
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(MARKER_START, '').replace(MARKER_END, '').trim();
  }
  return out;
}

function splitOutsideBrackets(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}
