/**
 * Colour on a terminal only. `--color` / `--no-color` win; then NO_COLOR (any non-empty value) turns it
 * off, even when FORCE_COLOR is set; then FORCE_COLOR (not "0") turns it on. chalk alone ignores NO_COLOR.
 */
export function shouldUseColor(
  flag: boolean | undefined,
  env: Record<string, string | undefined>,
  isTTY: boolean,
): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}

/** The longest catalog text a terminal table shows in a cell; the rest is cut, with `…`. */
const TERMINAL_CELL = 60;

/**
 * Catalog text for a terminal table: control characters (an ESC would start a terminal escape sequence)
 * shown as `�`, and cut to 60 characters. The table library measures a cell's width in time that grows
 * with the square of its length: a 40,000-character SKU took 70 s.
 */
export function terminalText(text: string): string {
  // eslint-disable-next-line no-control-regex -- replacing them is the point
  const clean = text.replace(/[\0-\x08\x0b-\x1f\x7f-\x9f]/g, '\ufffd');
  return clean.length > TERMINAL_CELL ? `${clean.slice(0, TERMINAL_CELL - 1)}…` : clean;
}
