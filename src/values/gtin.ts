const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** Strips what spreadsheets and ERPs wrap around a barcode: spaces, dashes, a leading apostrophe. */
function cleanGtin(text: string): string {
  if (allDigits(text)) return text;
  const ascii = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKC');
  return ascii.replace(/^'/, '').replace(/[\s-]/g, '');
}

function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return text.length > 0;
}

/** True for a GTIN-8, UPC-A (12), EAN-13 or GTIN-14 whose mod-10 check digit is right. */
export function isValidGtin(text: string): boolean {
  const digits = cleanGtin(text);
  // All zeros passes the check digit, but is the placeholder of a product without a code.
  if (!allDigits(digits) || !GTIN_LENGTHS.has(digits.length) || /^0+$/.test(digits)) return false;
  let sum = 0;
  // Weights alternate 3, 1, 3… from the digit just left of the check digit.
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (digits.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10 === digits.charCodeAt(digits.length - 1) - 48;
}
