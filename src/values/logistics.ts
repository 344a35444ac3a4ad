/**
 * Ordinary goods (普货), and the "no" of a yes / no battery column (`带电`, `是否带电`, `ContainBattery`:
 * 否, 0, false, no). Any other logistics attribute — battery, magnetic, liquid, powder, paste,
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
  'n',
  'false',
  '0',
  '否',
  '不带电',
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
