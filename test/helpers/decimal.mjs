// Plain JavaScript, so Node tests (test/summarize.mjs) and browser tests share it; types in decimal.d.mts.
// The exact decimal sum of amounts as published, for expected values in tests: each number is read from its
// shortest decimal text (String(x)) and added as a BigInt scaled to the most places seen — another method than
// src/analysis/decimal-sum.ts, so a test does not check that code against itself.
/** @param {number[]} values @returns {number} */
export function exactSum(values) {
  const parts = values.map((value) => {
    const [mantissa, exponent = '0'] = String(value).toLowerCase().split('e');
    const [whole, fraction = ''] = mantissa.replace('-', '').split('.');
    return { negative: mantissa.startsWith('-'), digits: whole + fraction, places: fraction.length - Number(exponent) };
  });
  const places = Math.max(0, ...parts.map((part) => part.places));
  let total = 0n;
  for (const part of parts) {
    const scaled = BigInt(part.digits) * 10n ** BigInt(places - part.places);
    total += part.negative ? -scaled : scaled;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  return Number(`${negative ? '-' : ''}${whole}${places ? `.${digits.slice(digits.length - places)}` : ''}`);
}
