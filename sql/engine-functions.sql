-- Helpers of the engine's reading (engine-load.sql, engine-facts.sql): an amount's exact decimal text, as
-- src/summary/facts.ts's decimalText writes it from the same binary number, so the engine's DECIMAL sums are the
-- browser's. The one piece written as DuckDB macros; another engine would define them as SQL functions.
-- JavaScript's Math.round: halves go up (floor, then up when the rest is at least one half).
CREATE MACRO js_round(v) AS CASE WHEN v - FLOOR(v) >= 0.5 THEN FLOOR(v) + 1 ELSE FLOOR(v) END;
-- The amount in millionths: the fewest places (0 to 5) that hold it exactly, else rounded to six.
CREATE MACRO micro_units(x) AS CASE
  WHEN js_round(x) = x THEN CAST(js_round(x) AS HUGEINT) * 1000000
  WHEN js_round(x * 10.0) / 10.0 = x THEN CAST(js_round(x * 10.0) AS HUGEINT) * 100000
  WHEN js_round(x * 100.0) / 100.0 = x THEN CAST(js_round(x * 100.0) AS HUGEINT) * 10000
  WHEN js_round(x * 1000.0) / 1000.0 = x THEN CAST(js_round(x * 1000.0) AS HUGEINT) * 1000
  WHEN js_round(x * 10000.0) / 10000.0 = x THEN CAST(js_round(x * 10000.0) AS HUGEINT) * 100
  WHEN js_round(x * 100000.0) / 100000.0 = x THEN CAST(js_round(x * 100000.0) AS HUGEINT) * 10
  ELSE CAST(js_round(x * 1000000.0) AS HUGEINT) END;
-- Millionths as decimal text: the digits with at least seven places, a point before the last six.
CREATE MACRO padded_digits(v) AS LPAD(v, CAST(GREATEST(LENGTH(v), 7) AS INTEGER), '0');
CREATE MACRO point_six(s) AS SUBSTRING(s, 1, LENGTH(s) - 6) || '.' || SUBSTRING(s, LENGTH(s) - 5, 6);
CREATE MACRO micro_text(u) AS CASE WHEN u < 0 THEN '-' ELSE '' END || point_six(padded_digits(CAST(ABS(u) AS VARCHAR)));
CREATE MACRO decimal_text(x) AS CASE WHEN x IS NULL THEN NULL ELSE micro_text(micro_units(x)) END;
-- A calendar day (YYYY-MM-DD) a date starts with, else NULL.
CREATE MACRO day_of(d) AS CASE WHEN SUBSTRING(d, 1, 10) SIMILAR TO '[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN SUBSTRING(d, 1, 10) END;
