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
