/**
 * Ordinary goods (普货). Any other logistics attribute — battery, magnetic, liquid, powder, paste,
 * hazardous, 纯电, 内电, 强磁, 液体… — is special goods, which a platform warehouse does not take as is.
 * An empty cell is taken as ordinary: most exports leave it blank for ordinary goods.
 */
const ORDINARY = new Set([
  '',
  '-',
  'n/a',
  'na',
  'none',
  'no',
  'general',
  'general cargo',
  'ordinary',
  'normal',
  '普货',
  '普通',
  '普通货物',
  '无',
]);

export function isSpecialGoods(text: string): boolean {
  return !ORDINARY.has(text.trim().toLowerCase());
}
