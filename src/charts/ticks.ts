// Value-axis ticks chosen in the spec, so their labels can be formatted with Intl (locale-aware compact money,
// "1,5 M$"), which Vega's own d3 formats ("~s": "1.5M") cannot do.

/** Evenly spaced "nice" ticks covering [min, max] and zero; whole-number steps for `integer` (counts). */
export function niceTicks(min: number, max: number, count = 5, integer = false): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  if (low === high) return [0, 1];
  const rough = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const nice = [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const step = integer ? Math.max(1, nice === 2.5 * power ? 5 * power : nice) : nice;
  const ticks: number[] = [];
  for (let i = Math.floor(low / step); i <= Math.ceil(high / step); i++) ticks.push(i * step);
  return ticks;
}

/** A Vega `labelExpr` that shows each tick's label as formatted here (a lookup: the expression has no Intl). */
export function tickLabelExpr(ticks: number[], format: (value: number) => string): string {
  return `[${ticks.map((tick) => JSON.stringify(format(tick))).join(',')}][indexof([${ticks.join(',')}], datum.value)]`;
}
