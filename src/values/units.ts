import type { NumberCell } from '../core/types.js';

export type WeightUnit = 'kg' | 'g' | 'lb' | 'oz';
export type LengthUnit = 'cm' | 'mm' | 'm' | 'in' | 'ft';
export type HandlingUnit = 'days' | 'hours';

const KG_PER: Record<WeightUnit, number> = { kg: 1, g: 0.001, lb: 0.45359237, oz: 0.028349523125 };
const CM_PER: Record<LengthUnit, number> = { cm: 1, mm: 0.1, m: 100, in: 2.54, ft: 30.48 };

const WEIGHT_WORDS = new Map<string, WeightUnit>([
  ['kg', 'kg'],
  ['kgs', 'kg'],
  ['kilogram', 'kg'],
  ['kilograms', 'kg'],
  ['千克', 'kg'],
  ['公斤', 'kg'],
  ['g', 'g'],
  ['gr', 'g'],
  ['gram', 'g'],
  ['grams', 'g'],
  ['克', 'g'],
  ['lb', 'lb'],
  ['lbs', 'lb'],
  ['pound', 'lb'],
  ['pounds', 'lb'],
  ['oz', 'oz'],
  ['ounce', 'oz'],
  ['ounces', 'oz'],
]);
const LENGTH_WORDS = new Map<string, LengthUnit>([
  ['cm', 'cm'],
  ['厘米', 'cm'],
  ['centimeter', 'cm'],
  ['centimeters', 'cm'],
  ['mm', 'mm'],
  ['毫米', 'mm'],
  ['millimeter', 'mm'],
  ['millimeters', 'mm'],
  ['m', 'm'],
  ['米', 'm'],
  ['meter', 'm'],
  ['meters', 'm'],
  ['metre', 'm'],
  ['metres', 'm'],
  ['centimetre', 'cm'],
  ['centimetres', 'cm'],
  ['millimetre', 'mm'],
  ['millimetres', 'mm'],
  ['ft', 'ft'],
  ['foot', 'ft'],
  ['feet', 'ft'],
  ['in', 'in'],
  ['inch', 'in'],
  ['inches', 'in'],
  ['"', 'in'],
]);

export function weightUnitOf(word: string): WeightUnit | undefined {
  return WEIGHT_WORDS.get(word.trim().toLowerCase());
}

export function lengthUnitOf(word: string): LengthUnit | undefined {
  return LENGTH_WORDS.get(word.trim().toLowerCase());
}

const THOUSANDS_DOT = /^[+-]?\d{1,3}(?:\.\d{3})+$/;
const PLAIN = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const EURO_THOUSANDS = /^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/;

export interface NumberStyle {
  /** The file uses a comma as its decimal mark (a `;`-delimited export from a European locale). */
  decimalComma: boolean;
}

/**
 * A number as sellers type it: `1.5`, `1,5`, `1,234.5`, `1.234,5`. A lone comma followed by exactly three
 * digits (`1,500`) is ambiguous; it is read as a decimal comma only when the file uses one.
 * Returns NaN when the text is not a number.
 */
export function parseDecimal(text: string, style: NumberStyle): number {
  const value = text.trim();
  if (isSimpleDecimal(value, style)) return Number(value);
  // In a file with decimal commas, a dot before groups of three digits separates thousands: 1.200 = 1200.
  if (style.decimalComma && THOUSANDS_DOT.test(value)) return Number(value.replace(/\./g, ''));
  if (PLAIN.test(value)) return Number(value);
  if (THOUSANDS.test(value) && !(style.decimalComma && /^[+-]?\d{1,3},\d{3}$/.test(value))) {
    return Number(value.replace(/,/g, ''));
  }
  if (DECIMAL_COMMA.test(value)) return Number(value.replace(',', '.'));
  if (EURO_THOUSANDS.test(value)) return Number(value.replace(/\./g, '').replace(',', '.'));
  return Number.NaN;
}

/**
 * Digits with at most one dot (`12`, `0.35`, `5.`, `.5`): what most cells hold, told apart without a
 * regular expression. With decimal commas a dot may separate thousands, so there it must be absent.
 */
function isSimpleDecimal(value: string, style: NumberStyle): boolean {
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !style.decimalComma) dots++;
    else return false;
  }
  return digits > 0 && dots <= 1;
}

const WITH_UNIT = /^(.*?\d\.?)\s*([a-z"\u4e00-\u9fff]+)\.?$/i;

/**
 * A measured cell → a number in the target unit. The unit is the one written in the cell (`1.2 kg`,
 * `4 in`), else the one from the header. Empty → null; unreadable or an unknown unit → NaN.
 */
function parseMeasure<U extends string>(
  text: string,
  headerUnit: U,
  unitOf: (word: string) => U | undefined,
  factor: Record<U, number>,
  style: NumberStyle,
): NumberCell {
  const value = text.trim();
  if (value === '') return null;
  // Most cells are a bare number in the header's unit.
  if (
    isSimpleDecimal(value, style) ||
    (PLAIN.test(value) && !(style.decimalComma && THOUSANDS_DOT.test(value)))
  ) {
    return Number(value) * factor[headerUnit];
  }
  let unit: U | undefined = headerUnit;
  let numberText = value;
  const match = WITH_UNIT.exec(value);
  if (match?.[1] !== undefined && match[2] !== undefined) {
    unit = unitOf(match[2]);
    numberText = match[1];
  }
  if (unit === undefined) return Number.NaN;
  return parseDecimal(numberText, style) * factor[unit];
}

export function parseWeightKg(text: string, unit: WeightUnit, style: NumberStyle): NumberCell {
  return parseMeasure(text, unit, weightUnitOf, KG_PER, style);
}

export function parseLengthCm(text: string, unit: LengthUnit, style: NumberStyle): NumberCell {
  return parseMeasure(text, unit, lengthUnitOf, CM_PER, style);
}

const SIDE = /^(?:[lwh长宽高]\s*[:=：]?\s*)?([\d.,]+)\s*([a-z"\u4e00-\u9fff]*)\.?$/;

/**
 * The sides written in one cell, as written: `20*15*10`, `20x15x10 cm`, `20×15×10`, `20 x 15 x 10 in`,
 * `20cm*15cm*10cm`, `L20*W15*H10`, full-width `２０＊１５＊１０`; two sides (`20*15`) or three. Each
 * side's number and the unit written after it (a side without one takes the last side's). Null when the
 * cell is not written that way.
 */
export function splitSides(text: string): { sides: string[]; units: string[] } | null {
  const parts = text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .split(/\s*[*x×]\s*/);
  if (parts.length < 2 || parts.length > 3) return null;
  const sides: string[] = [];
  const units: string[] = [];
  for (const part of parts) {
    const match = SIDE.exec(part);
    if (match?.[1] === undefined) return null;
    sides.push(match[1]);
    units.push(match[2] ?? '');
  }
  const last = units[units.length - 1] ?? '';
  return { sides, units: units.map((u) => u || last) };
}

/**
 * The sides of a package written in one cell (see `splitSides`), in cm, in the order written: the size
 * class takes the longest, so no order is assumed. Two sides leave the third missing. Empty → null;
 * anything else, or an unknown unit → NaN for the three.
 */
export function parseSidesCm(
  text: string,
  unit: LengthUnit,
  style: NumberStyle,
): readonly [NumberCell, NumberCell, NumberCell] {
  if (text.trim() === '') return [null, null, null];
  const split = splitSides(text);
  const nan = [Number.NaN, Number.NaN, Number.NaN] as const;
  if (split === null) return nan;
  const cm: NumberCell[] = [];
  for (const [k, side] of split.sides.entries()) {
    const sideUnit = split.units[k] ? lengthUnitOf(split.units[k] ?? '') : unit;
    if (sideUnit === undefined) return nan;
    cm.push(parseDecimal(side, style) * CM_PER[sideUnit]);
  }
  return [cm[0] ?? null, cm[1] ?? null, cm[2] ?? null];
}

const CURRENCY = /^(?:[A-Z]{3}\s*|US\$|[$€£¥￥]\s*)?(.*?)(?:\s*[A-Z]{3}|\s*元)?$/;

/** A price as exports write it: `3.99`, `$3.99`, `3.99 USD`, `¥25`, `25元`. */
export function parsePrice(text: string, style: NumberStyle): NumberCell {
  const value = text.trim();
  if (value === '') return null;
  return parseDecimal(CURRENCY.exec(value)?.[1] ?? value, style);
}

export function parsePlainNumber(text: string, style: NumberStyle): NumberCell {
  const value = text.trim();
  return value === '' ? null : parseDecimal(value, style);
}

const HOURS_WORDS = new Set(['h', 'hr', 'hrs', 'hour', 'hours', '小时']);
const DAYS_WORDS = new Set(['d', 'day', 'days', '天', '日', '工作日']);

export function handlingUnitOf(word: string): HandlingUnit | undefined {
  const w = word.trim().toLowerCase();
  return HOURS_WORDS.has(w) ? 'hours' : DAYS_WORDS.has(w) ? 'days' : undefined;
}

/** Handling time → hours. `3`, `3 days`, `72h`, `3天`. */
export function parseHandlingHours(text: string, unit: HandlingUnit, style: NumberStyle): NumberCell {
  return parseMeasure<HandlingUnit>(text, unit, handlingUnitOf, { days: 24, hours: 1 }, style);
}
