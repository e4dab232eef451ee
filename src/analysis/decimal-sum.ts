// Sums of published decimal amounts without binary noise: 0.1 + 0.2 is 0.3, and 31130190.01 + 0.02 is 31130190.03,
// in rows, tables, CSV and summaries alike. Each amount is read as the decimal it was published as (up to
// MAX_DECIMALS places) and added in integer units of its smallest place, in a Number while that is exact and in a
// BigInt beyond 2^53; the total is the double nearest the exact decimal sum.

/** Places kept per amount. Published amounts have at most a few; a share of an amount split n ways is cut here. */
const MAX_DECIMALS = 6;
const POWERS = Array.from({ length: MAX_DECIMALS + 1 }, (_, i) => 10 ** i);

/** The fewest decimal places (at most MAX_DECIMALS) that hold `x`, and `x` in units of that place. */
function decimalUnits(x: number): { units: number; places: number } {
  for (let places = 0; places < MAX_DECIMALS; places++) {
    const units = Math.round(x * POWERS[places]);
    if (units / POWERS[places] === x) return { units, places };
  }
  return { units: Math.round(x * POWERS[MAX_DECIMALS]), places: MAX_DECIMALS };
}

/** A running decimal sum. `add` ignores non-finite amounts; `value` is the total as a number. */
export class DecimalSum {
  private units = 0;
  private big: bigint | undefined;
  private places = 0;

  add(amount: number): this {
    if (!Number.isFinite(amount)) return this;
    const { units, places } = decimalUnits(amount);
    if (places > this.places) this.rescale(places);
    const factor = POWERS[this.places - places];
    const scaled = units * factor;
    if (this.big === undefined && Number.isSafeInteger(scaled) && Number.isSafeInteger(this.units + scaled)) {
      this.units += scaled;
    } else {
      this.big = (this.big ?? BigInt(this.units)) + BigInt(units) * BigInt(factor);
    }
    return this;
  }

  get value(): number {
    if (this.big === undefined) return this.units / POWERS[this.places];
    const negative = this.big < 0n;
    const digits = (negative ? -this.big : this.big).toString().padStart(this.places + 1, '0');
    const whole = digits.slice(0, digits.length - this.places);
    const fraction = digits.slice(digits.length - this.places);
    return Number(`${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`);
  }

  private rescale(places: number): void {
    const factor = POWERS[places - this.places];
    if (this.big === undefined && Number.isSafeInteger(this.units * factor)) this.units *= factor;
    else this.big = (this.big ?? BigInt(this.units)) * BigInt(factor);
    this.places = places;
  }
}

/** The decimal sum of `amounts` (see DecimalSum). */
export function sumDecimal(amounts: Iterable<number>): number {
  const sum = new DecimalSum();
  for (const amount of amounts) sum.add(amount);
  return sum.value;
}
