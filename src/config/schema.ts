import { z } from 'zod';
import { isIsoDate } from '../values/dates.js';
import { ALL_RULE_IDS } from './rule-ids.js';
import { FIELDS } from '../core/types.js';
import { SIZE_PRESET_NAMES } from './presets.js';

const positive = z.number().positive();
const severity = z.enum(['error', 'warning', 'info', 'off']);
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((text) => isIsoDate(text), 'a real calendar date as YYYY-MM-DD');
const keywords = z.array(z.string().trim().min(1));

const DEFAULT_NON_STANDARD_CATEGORIES = [
  'clothing',
  'apparel',
  'dresses',
  'skirts',
  'shirts',
  'blouses',
  'pants',
  'jeans',
  'coats',
  'jackets',
  'sweaters',
  'hoodies',
  'lingerie',
  'swimwear',
  'shoes',
  'sneakers',
  'boots',
  'sandals',
  'jewelry',
  'jewellery',
  'necklaces',
  'earrings',
  'bracelets',
  'wigs',
  'hair extensions',
  'handbags',
  'bags',
  'home decor',
  'wall art',
  'costumes',
  'cosplay',
  'wedding',
  '服装',
  '女装',
  '男装',
  '童装',
  '鞋',
  '珠宝',
  '饰品',
  '首饰',
  '假发',
  '箱包',
  '家居装饰',
  '婚纱',
];

const DEFAULT_STANDARD_CATEGORIES = [
  'phone accessories',
  'cables',
  'chargers',
  'batteries',
  'power banks',
  'consumer electronics',
  'computer accessories',
  'tools',
  'hardware',
  'home improvement',
  'stationery',
  'office supplies',
  'storage',
  'kitchen tools',
  'auto parts',
  '手机配件',
  '数据线',
  '充电器',
  '电池',
  '工具',
  '五金',
  '文具',
  '收纳',
  '汽车配件',
];

const DEFAULT_MADE_TO_ORDER_KEYWORDS = [
  'custom',
  'customized',
  'customised',
  'personalized',
  'personalised',
  'handmade',
  'made to order',
  '定制',
  '订制',
];

/** The config file, `channel-audit.config.json`. Every field is optional; the defaults are those of docs/contract.md#configuration. */
export const ConfigSchema = z
  .strictObject({
    $schema: z.string().optional().describe("Path or URL of this file's JSON Schema, for editors."),
    policy: z
      .enum(['aliexpress-2024-09'])
      .default('aliexpress-2024-09')
      .describe('Policy profile: the rules of the platform announcement the audit applies.'),
    size: z
      .strictObject({
        preset: z
          .enum(SIZE_PRESET_NAMES)
          .default('ae-light-small')
          .describe(
            'Light-small envelope to start from: ae-light-small (ePacket), amazon-us-small-standard, amazon-eu-small-parcel.',
          ),
        maxWeightKg: positive
          .optional()
          .describe('Heaviest package gross weight that is still light-small, in kg (inclusive).'),
        maxLongestSideCm: positive
          .optional()
          .describe('Longest side that is still light-small, in cm (inclusive).'),
        maxSumOfSidesCm: positive
          .optional()
          .describe('Largest length + width + height that is still light-small, in cm (inclusive).'),
        maxSidesCm: z
          .tuple([positive, positive, positive])
          .optional()
          .describe('Sorted sides, longest first, that each side must fit inside, in cm (inclusive).'),
      })
      .prefault({})
      .describe('The light-small size envelope: a preset, and any limit you want to change.'),
    categories: z
      .strictObject({
        nonStandard: keywords
          .default(DEFAULT_NON_STANDARD_CATEGORIES)
          .describe(
            'Category keywords of non-standard goods (whole words of the category path; CJK as substrings).',
          ),
        standard: keywords
          .default(DEFAULT_STANDARD_CATEGORIES)
          .describe('Category keywords of standard goods. Non-standard wins when both match.'),
      })
      .prefault({})
      .describe('Category lists for the variety class. Singular and plural forms both match.'),
    variety: z
      .strictObject({
        madeToOrderKeywords: keywords
          .default(DEFAULT_MADE_TO_ORDER_KEYWORDS)
          .describe('Title words that mark a made-to-order product (non-standard).'),
        madeToOrderHandlingDays: positive
          .default(7)
          .describe('A declared handling time over this many days marks a made-to-order product.'),
        highVarietySkus: z
          .number()
          .int()
          .min(2)
          .default(6)
          .describe('A product with at least this many SKUs in the file is high-variety (non-standard).'),
        noBrandValues: keywords
          .default(['none', 'no brand', 'unbranded', 'n/a', '无品牌'])
          .describe('Brand values that mean "no brand" (case-insensitive).'),
      })
      .prefault({})
      .describe('How the variety class is decided.'),
    window: z
      .strictObject({
        baseHours: positive.default(72).describe('The shipping window, in hours after payment.'),
        extendedHours: positive.default(96).describe('The window of a new product in an eligible category.'),
        newProductDays: z
          .number()
          .int()
          .positive()
          .default(30)
          .describe('Days after listing that a product is new.'),
        effectiveFrom: isoDate.default('2024-09-09').describe('The day the extension took effect.'),
        eligibleCategories: z
          .union([z.literal('*'), keywords])
          .optional()
          .describe(
            'Categories whose new products get the extended window: "*" for all; by default the non-standard list.',
          ),
        endingSoonDays: z
          .number()
          .int()
          .min(1)
          .default(7)
          .describe('new-window-ending warns when the extension ends within this many days (1 or more).'),
      })
      .prefault({})
      .describe('The shipping window (docs/contract.md#shipping-window).'),
    checks: z
      .strictObject({
        minHandlingDays: z.number().min(0).default(1).describe('handling-out-of-range below this many days.'),
        maxHandlingDays: positive.default(7).describe('handling-out-of-range above this many days.'),
        maxDensityKgPerLitre: positive.default(5).describe('implausible-weight above this density.'),
        placeholderSideCm: positive
          .default(15)
          .describe('A package of exactly this cube is a placeholder size.'),
      })
      .prefault({})
      .describe('Thresholds of the data checks.'),
    report: z
      .strictObject({
        examplesPerRule: z
          .number()
          .int()
          .min(1)
          .default(5)
          .describe('How many first lines per rule the summaries show (only counts are kept beyond them).'),
        worstSkus: z.number().int().min(1).default(10).describe('How many SKUs "SKUs to fix first" lists.'),
        docsUrl: z
          .url()
          .optional()
          .describe(
            'Where the rule pages (docs/rules/<id>.md) are published, for the links in SARIF: each rule links to <docsUrl>/<id>.md. By default, the page in the installed package (a file: URL).',
          ),
      })
      .prefault({})
      .describe('What the table, Markdown and GitHub summaries keep of the findings.'),
    rules: z
      .partialRecord(z.enum(ALL_RULE_IDS), severity)
      .default({})
      .describe('Severity of each rule: error, warning, info or off.'),
    columns: z
      .partialRecord(z.enum(FIELDS), z.string().min(1))
      .default({})
      .describe('Which header feeds which field, over the built-in header names (like --map field=Header).'),
  })
  .describe('channel-audit configuration');

export type ConfigInput = z.input<typeof ConfigSchema>;
export type Config = z.output<typeof ConfigSchema>;
