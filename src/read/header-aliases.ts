import type { HandlingUnit, LengthUnit, WeightUnit } from '../normalize/units.js';
import type { Field } from '../types.js';

export type ColumnUnit = WeightUnit | LengthUnit | HandlingUnit;

export interface HeaderAlias {
  field: Field;
  /** Header texts, compared after `normalizeHeader`. */
  headers: readonly string[];
  /** The unit a bare number in this column is in (a unit in the header itself wins). */
  unit?: ColumnUnit;
  /** Columns that hold each row's unit (Amazon's `…_unit_of_measure`); `{header}` is the value column's name. */
  unitColumns?: readonly string[];
}

/**
 * Which header feeds which field, for every export dialect the tool knows. Data, in one place: the
 * canonical names of SPEC §2 first, so they win over any alias when a file has both; within a field,
 * earlier entries win. Headers are compared after `normalizeHeader` (case, spaces and full-width forms do
 * not matter), so they are written here in lower case. Add a dialect by adding its names.
 */
export const HEADER_ALIASES: readonly HeaderAlias[] = [
  // Canonical names (SPEC §2).
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

  // AliExpress open platform.
  { field: 'sku', headers: ['sku_code'] },
  { field: 'title', headers: ['subject'] },
  { field: 'category', headers: ['category_id'] },
  { field: 'gtin', headers: ['ean_code', 'barcode'] },
  { field: 'weight', headers: ['gross_weight'], unit: 'kg' },
  { field: 'length', headers: ['package_length'], unit: 'cm' },
  { field: 'width', headers: ['package_width'], unit: 'cm' },
  { field: 'height', headers: ['package_height'], unit: 'cm' },
  { field: 'handling', headers: ['delivery_time'], unit: 'days' },
  { field: 'listedAt', headers: ['gmt_create'] },
  { field: 'price', headers: ['sku_price'] },
  { field: 'stock', headers: ['ipm_sku_stock', 'sku_stock'] },
  { field: 'currency', headers: ['currency_code'] },

  // Chinese ERP labels.
  { field: 'productId', headers: ['商品id', '产品id', '商品编号'] },
  { field: 'sku', headers: ['商品编码', 'sku编码', 'sku码', '货号'] },
  { field: 'title', headers: ['标题', '商品标题', '产品标题', '商品名称'] },
  { field: 'category', headers: ['类目', '商品类目', '产品类目', '类目路径'] },
  { field: 'brand', headers: ['品牌'] },
  { field: 'gtin', headers: ['条形码', '条码', 'ean码'] },
  { field: 'mpn', headers: ['型号', '制造商型号'] },
  { field: 'weight', headers: ['重量(kg)', '重量(g)', '包装后重量', '包装重量', '毛重', '重量'], unit: 'kg' },
  { field: 'length', headers: ['长(cm)', '包装长度', '包装长', '长'], unit: 'cm' },
  { field: 'width', headers: ['宽(cm)', '包装宽度', '包装宽', '宽'], unit: 'cm' },
  { field: 'height', headers: ['高(cm)', '包装高度', '包装高', '高'], unit: 'cm' },
  { field: 'handling', headers: ['备货期', '发货期', '备货期(天)', '发货期(天)'], unit: 'days' },
  { field: 'listedAt', headers: ['上架时间', '产品发布时间', '创建时间', '发布时间'] },
  { field: 'channel', headers: ['经营模式', '运营模式', '发货模式'] },
  { field: 'price', headers: ['价格', '售价', '零售价'] },
  { field: 'currency', headers: ['币种', '货币'] },
  { field: 'stock', headers: ['库存', '可售库存'] },
  { field: 'logisticsAttribute', headers: ['物流属性', '货物属性'] },

  // Shopify product CSV.
  { field: 'productId', headers: ['handle'] },
  { field: 'sku', headers: ['variant sku'] },
  { field: 'brand', headers: ['vendor'] },
  { field: 'category', headers: ['product category', 'type'] },
  { field: 'gtin', headers: ['variant barcode'] },
  { field: 'weight', headers: ['variant grams'], unit: 'g' },
  { field: 'price', headers: ['variant price'] },
  { field: 'stock', headers: ['variant inventory qty'] },

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
  { field: 'sku', headers: ['id'] },
  {
    field: 'category',
    headers: ['google_product_category', 'google product category', 'product_type', 'product type'],
  },
  { field: 'weight', headers: ['shipping_weight', 'shipping weight'], unit: 'kg' },
  { field: 'length', headers: ['shipping_length', 'shipping length'], unit: 'cm' },
  { field: 'width', headers: ['shipping_width', 'shipping width'], unit: 'cm' },
  { field: 'height', headers: ['shipping_height', 'shipping height'], unit: 'cm' },
  { field: 'handling', headers: ['max_handling_time', 'max handling time'], unit: 'days' },
];

/** Case, surrounding and repeated spaces, and full-width forms (`（kg）`) do not matter in a header. */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}
