// The glossary: the words every stage of the pipeline shares.

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];
export type SeverityOrOff = Severity | 'off';

export type SizeClass = 'light-small' | 'regular' | 'unknown';
export type VarietyClass = 'standard' | 'non-standard';

export const SEGMENTS = [
  'standard-light-small',
  'standard-regular',
  'non-standard-high-variety',
  'unclassified',
] as const;
export type Segment = (typeof SEGMENTS)[number];

export const TRACKS = ['warehouse', 'pop', 'review'] as const;
export type Track = (typeof TRACKS)[number];

export type Fulfilment = 'full-managed' | 'semi-managed' | 'jit';
/** The mode a SKU runs in today, as the seller's export says. */
export type Channel = 'pop' | 'semi-managed' | 'full-managed' | 'jit';

/** The catalog fields the audit understands; every other column passes through. */
export const FIELDS = [
  'productId',
  'sku',
  'title',
  'category',
  'brand',
  'gtin',
  'mpn',
  'weight',
  'length',
  'width',
  'height',
  'handling',
  'listedAt',
  'channel',
  'price',
  'currency',
  'stock',
  'logisticsAttribute',
] as const;
export type Field = (typeof FIELDS)[number];

/** The fields whose cells are positive numbers, and the SKU's property that holds each (stock aside). */
export const MEASURES = [
  ['weight', 'weightKg'],
  ['length', 'lengthCm'],
  ['width', 'widthCm'],
  ['height', 'heightCm'],
  ['handling', 'handlingHours'],
  ['price', 'price'],
] as const satisfies readonly (readonly [Field, string])[];

/** A numeric cell: a number, `null` when the cell is empty, `NaN` when it is present but unreadable. */
export type NumberCell = number | null;

/** A calendar day, `YYYY-MM-DD`. */
export type IsoDate = string;

/** One data row of the input, as the reader delivers it. */
export interface CatalogRecord {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  /** 1-based data row. */
  record: number;
  /** The cells, padded or cut to the header's width. */
  cells: string[];
  /** Number of cells the row really had, when it differs from the header's width. */
  rawWidth: number | null;
  /** The record as written in the input, when its cells written back as CSV give that text (`RawRow.text`). */
  text: string | null;
  /** A cell holds a control character (`RawRow.control`). */
  control?: true;
}

/** One row turned into typed values. Pure data: no verdicts yet. */
export interface NormalizedSku {
  line: number;
  record: number;
  /** The worksheet the row came from, when several were read (`--sheet all`); null otherwise. */
  sheet: string | null;
  productId: string | null;
  sku: string | null;
  /** The product the SKU belongs to: its product id, or the SKU itself when there is none. */
  productKey: string | null;
  title: string | null;
  category: string | null;
  brand: string | null;
  gtin: string | null;
  /** The GTIN cell holds a valid GTIN (checked once, here, for the classifier and the rules). */
  gtinValid: boolean;
  mpn: string | null;
  weightKg: NumberCell;
  lengthCm: NumberCell;
  widthCm: NumberCell;
  heightCm: NumberCell;
  handlingHours: NumberCell;
  price: NumberCell;
  stock: NumberCell;
  /** The listing day; `null` when empty; `'invalid'` when present but not a date. */
  listedAt: IsoDate | 'invalid' | null;
  listedAtRaw: string | null;
  channel: Channel | null;
  channelRaw: string | null;
  /** True when the logistics attribute names special goods (battery, liquid, magnetic…). */
  specialGoods: boolean;
  /** The raw cells, for rules that look at text as typed and for pass-through output. */
  cells: readonly string[];
  /** Some cell would run as a spreadsheet formula (checked once, for the rule and the annotated CSV). */
  formulaLike: boolean;
  /** Some cell holds a control character: a NUL, VT, FF… (found by the reader, said by a rule). */
  controlCharacter: boolean;
  /** Cells count of a ragged row (see `CatalogRecord.rawWidth`). */
  rawWidth: number | null;
  /** See `CatalogRecord.text`. */
  text: string | null;
}

/** Why a SKU was classified the way it was; turned into words by reporters. */
export type Reason =
  | { code: 'made-to-order-title'; keyword: string }
  | { code: 'made-to-order-handling'; days: number; maxDays: number }
  | { code: 'non-standard-category'; keyword: string }
  | { code: 'standard-category'; keyword: string }
  | { code: 'high-variety'; skus: number; min: number }
  | { code: 'valid-gtin' }
  | { code: 'brand-and-mpn' }
  | { code: 'no-identity' }
  | { code: 'light-small'; weightKg: number; longestCm: number; sumCm: number }
  | { code: 'regular'; weightKg: number; longestCm: number; sumCm: number; over: string[] }
  | { code: 'size-unknown'; missing: string[] }
  | { code: 'special-goods' }
  | { code: 'window-extended'; until: IsoDate };

export interface ShippingWindow {
  hours: number;
  /** Listing day + 30 days; null without a valid listing day. */
  newUntil: IsoDate | null;
  handlingHours: number | null;
}

/** A SKU with its classification and window: everything a rule may look at. */
export interface ClassifiedSku extends NormalizedSku {
  sizeClass: SizeClass;
  varietyClass: VarietyClass;
  segment: Segment;
  track: Track;
  fulfilment: Fulfilment[];
  window: ShippingWindow;
  reasons: Reason[];
  /** SKUs of its product in the whole file. */
  productSkus: number;
  /** Line where the same SKU code first appeared, when this row repeats it. */
  duplicateOfLine: number | null;
}

/** A finding is data: the rule, where, and the facts; reporters turn it into words. */
export interface Finding {
  rule: string;
  severity: Severity;
  /** Canonical field name, or the header of a pass-through column; null for whole-row problems. */
  field: string | null;
  args: Record<string, unknown>;
  /** With `--baseline`: whether the earlier report had it. */
  baseline?: 'new' | 'unchanged';
}

export interface AuditedSku extends ClassifiedSku {
  findings: Finding[];
}

export type SeverityCounts = Record<Severity, number>;

export interface AuditSummary {
  rows: number;
  segments: Record<Segment, number>;
  tracks: Record<Track, number>;
  findings: SeverityCounts;
  rules: Record<string, number>;
  /** With `--baseline`: findings new since the earlier report, unchanged, and fixed. */
  baseline?: BaselineSummary;
}

export interface BaselineSummary {
  path: string;
  new: number;
  unchanged: number;
  fixed: number;
  /** The new findings by severity: what the exit code is computed from. */
  newFindings: SeverityCounts;
}

export interface InputInfo {
  path: string;
  encoding: string;
  /**
   * How sure the encoding is: `certain` (a byte-order mark, valid UTF-8 or ASCII, `--encoding`, a
   * workbook), `likely`, or `doubtful` (too few non-ASCII bytes, or another encoding reads them as well).
   */
  encodingConfidence: 'certain' | 'likely' | 'doubtful';
  /** When doubtful: the sentence said on standard error, with the runner-up and the `--encoding` to try. */
  encodingDoubt?: string;
  delimiter: string;
  rows: number;
  /** The header's line (a workbook's row number): rows above it (a title, notes) are not records. */
  headerRow: number;
  /** Which header fed which field. */
  columns: Partial<Record<Field, string>>;
  /** The headers no field reads (passed through to the annotated CSV). */
  unread: string[];
  /** Mappings that look wrong on the first rows: field, header, why, and a better column if one is seen. */
  warnings: { field: Field; header: string; why: string; better?: string }[];
  /** The worksheet read, for a workbook opened with --sheet. */
  sheet?: string;
  /** With `--sheet all`: each visible sheet read, in workbook order, with its header row and data rows. */
  sheets?: { name: string; headerRow: number | null; rows: number }[];
  /**
   * The other visible sheets that have a header row, when the first visible one was read by default:
   * their rows are not audited (`--sheet all` reads them).
   */
  otherSheets?: string[];
}

/** What `--print-mapping` reports: the input as the audit would read it, before any row is counted. */
export type MappingInfo = Omit<InputInfo, 'rows'>;

export interface AuditMeta {
  tool: 'channel-audit';
  version: string;
  schemaVersion: 1;
  asOf: IsoDate;
  policy: string;
  input: InputInfo;
}
