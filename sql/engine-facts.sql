-- The facts of the releases the engine read (engine-load.sql), into the tables load.sql made from the model's
-- facts: the same columns, by the same rules (src/summary/facts.ts, src/analysis/spending.ts, breakdown.ts,
-- network.ts, process-start.ts), so every cube reads both alike. Statuses compare trimmed and lower-cased; the
-- money rules leave out cancelled, unsuccessful or withdrawn tenders, cancelled or unsuccessful awards and
-- cancelled contracts; a missing currency is XXX, a payment's missing currency its contract's.
CREATE TABLE engine_awards AS
SELECT n, ROW_NUMBER() OVER () AS award, a.title, COALESCE(LOWER(TRIM(a.status)), '') AS status, NULLIF(a.date, '') AS date,
  a."value".amount AS amount, a."value".currency AS currency, suppliers
FROM (SELECT l.n, UNNEST(l.r.awards) AS a, UNNEST(l.sk) AS suppliers FROM engine_lines AS l LEFT JOIN engine_repeated AS d ON d.ocid = l.r.ocid WHERE d.ocid IS NULL) AS awards;
CREATE TABLE engine_contracts AS
SELECT n, ROW_NUMBER() OVER () AS contract, COALESCE(LOWER(TRIM(c.status)), '') AS status, NULLIF(c.dateSigned, '') AS signed,
  NULLIF(c.period.startDate, '') AS period_start, NULLIF(c.period.endDate, '') AS period_end,
  c."value".amount AS amount, c."value".currency AS currency,
  COALESCE(LEN(c.implementation.transactions), 0) AS transactions, c.implementation.transactions AS transaction_list
FROM (SELECT l.n, UNNEST(l.r.contracts) AS c FROM engine_lines AS l LEFT JOIN engine_repeated AS d ON d.ocid = l.r.ocid WHERE d.ocid IS NULL) AS contracts;
CREATE TABLE engine_processes AS
SELECT l.n, l.r.ocid AS ocid,
  COALESCE(l.bk, l.pk) AS buyer_key,
  COALESCE(NULLIF(LOWER(TRIM(l.r.tender.procurementMethod)), ''), '') AS method,
  COALESCE(NULLIF(LOWER(TRIM(l.r.tender.mainProcurementCategory)), ''), '') AS category,
  COALESCE(l.r.tender.procurementMethodDetails, '') AS wording,
  COALESCE(NULLIF(l.r.tender.title, ''), NULLIF(l.r.title, ''), NULLIF(l.r.awards[1].title, ''), NULLIF(l.r.contracts[1].title, ''), '') AS title,
  l.t AS has_tender,
  l.t AND COALESCE(LOWER(TRIM(l.r.tender.status)), '') NOT IN ('cancelled', 'unsuccessful', 'withdrawn') AS tender_live,
  COALESCE(day_of(l.r.tender.tenderPeriod.startDate), day_of(l.r.tender.datePublished), day_of(a.first_date), day_of(c.first_date), day_of(NULLIF(l.hd, ''))) AS start,
  COALESCE(NULLIF(l.r.tender.tenderPeriod.startDate, ''), CASE WHEN l.ht THEN l.hd END) AS tender_date,
  COALESCE(day_of(l.r.tender.tenderPeriod.endDate), '') AS tender_end,
  COALESCE(a.first_day, '') AS awarded, COALESCE(c.first_start, '') AS contract_start, COALESCE(c.last_end, '') AS contract_end,
  CASE
    WHEN COALESCE(c.live_with_transactions, 0) > 0 THEN 'implementation'
    WHEN COALESCE(c.live, 0) > 0 THEN 'contract'
    WHEN l.t AND COALESCE(LOWER(TRIM(l.r.tender.status)), '') IN ('cancelled', 'unsuccessful', 'withdrawn') THEN 'cancelled'
    WHEN COALESCE(a.live, 0) > 0 THEN 'award'
    WHEN COALESCE(a.awards, 0) > 0 THEN 'cancelled'
    WHEN l.t THEN 'tender'
    ELSE 'planning' END AS stage
FROM engine_lines AS l
LEFT JOIN engine_repeated AS d ON d.ocid = l.r.ocid
LEFT JOIN (
  SELECT n, COUNT(*) AS awards, SUM(CASE WHEN status NOT IN ('cancelled', 'unsuccessful') THEN 1 ELSE 0 END) AS live,
    MIN(date) AS first_date, MIN(day_of(date)) AS first_day
  FROM engine_awards GROUP BY n) AS a ON a.n = l.n
LEFT JOIN (
  SELECT n, SUM(CASE WHEN status <> 'cancelled' THEN 1 ELSE 0 END) AS live,
    SUM(CASE WHEN status <> 'cancelled' AND transactions > 0 THEN 1 ELSE 0 END) AS live_with_transactions,
    MIN(LEAST(COALESCE(signed, period_start), COALESCE(period_start, signed))) AS first_date,
    MIN(day_of(COALESCE(period_start, signed))) AS first_start, MAX(day_of(period_end)) AS last_end
  FROM engine_contracts GROUP BY n) AS c ON c.n = l.n
WHERE d.ocid IS NULL;
-- Every amount of each stage (processAmounts, and breakdown's facts with the date of what is measured).
CREATE TABLE engine_money AS
SELECT p.n, 'planned' AS stage, l.r.planning.budget.amount.amount AS amount,
  COALESCE(NULLIF(l.r.planning.budget.amount.currency, ''), 'XXX') AS currency, 0 AS pending, p.start AS day
FROM engine_processes AS p JOIN engine_lines AS l ON l.n = p.n
WHERE l.r.planning.budget.amount.amount IS NOT NULL
UNION ALL
SELECT p.n, 'tendered', l.r.tender."value".amount, COALESCE(NULLIF(l.r.tender."value".currency, ''), 'XXX'), 0, day_of(p.tender_date)
FROM engine_processes AS p JOIN engine_lines AS l ON l.n = p.n
WHERE p.tender_live AND l.r.tender."value".amount IS NOT NULL
UNION ALL
SELECT n, 'awarded', amount, COALESCE(NULLIF(currency, ''), 'XXX'), CASE WHEN status = 'pending' THEN 1 ELSE 0 END, day_of(date)
FROM engine_awards WHERE status NOT IN ('cancelled', 'unsuccessful') AND amount IS NOT NULL
UNION ALL
SELECT n, 'contracted', amount, COALESCE(NULLIF(currency, ''), 'XXX'), CASE WHEN status = 'pending' THEN 1 ELSE 0 END, day_of(COALESCE(signed, period_start))
FROM engine_contracts WHERE status <> 'cancelled' AND amount IS NOT NULL
UNION ALL
SELECT n, 'paid', t."value".amount,
  COALESCE(NULLIF(t."value".currency, ''), CASE WHEN amount IS NOT NULL AND NULLIF(currency, '') <> 'XXX' THEN currency END, 'XXX'),
  0, day_of(NULLIF(t.date, ''))
FROM (SELECT n, amount, currency, UNNEST(transaction_list) AS t FROM engine_contracts WHERE status <> 'cancelled') AS paid
WHERE t."value".amount IS NOT NULL;
INSERT INTO stages
SELECT p.ocid, COALESCE(SUBSTRING(p.start, 1, 4), 'undated'), p.method, p.buyer_key_or_none, p.category, m.stage, m.currency, decimal_text(m.amount), m.pending
FROM (SELECT *, COALESCE(buyer_key, '') AS buyer_key_or_none FROM engine_processes) AS p JOIN engine_money AS m ON m.n = p.n;
INSERT INTO measures
SELECT p.ocid, 'processes', '', NULL, p.start, p.method, p.category, p.stage, COALESCE(p.buyer_key, ''), p.wording FROM engine_processes AS p
UNION ALL
SELECT p.ocid, m.stage, m.currency, decimal_text(m.amount), m.day, p.method, p.category, p.stage, COALESCE(p.buyer_key, ''), p.wording
FROM engine_processes AS p JOIN engine_money AS m ON m.n = p.n;
-- The network: each live award's value split equally among its suppliers (each organisation once: `sk`).
INSERT INTO shares
SELECT p.ocid, 'e' || CAST(a.award AS VARCHAR), p.buyer_key, a.supplier,
  CASE WHEN a.amount IS NULL THEN '' ELSE COALESCE(NULLIF(a.currency, ''), 'XXX') END,
  CASE WHEN a.amount IS NULL THEN '0' ELSE decimal_text(a.amount / a.supplier_count) END,
  a.supplier_count > 1, a.amount IS NULL
FROM (SELECT n, award, amount, currency, LEN(suppliers) AS supplier_count, UNNEST(suppliers) AS supplier
      FROM engine_awards WHERE status NOT IN ('cancelled', 'unsuccessful')) AS a
JOIN engine_processes AS p ON p.n = a.n
WHERE p.buyer_key IS NOT NULL;
-- Each process's size per currency: the largest of its planned, tendered, awarded and contracted totals.
INSERT INTO largest_facts
SELECT s.currency, decimal_text(CAST(MAX(s.total) AS DOUBLE)), p.ocid, p.title, COALESCE(p.buyer_key, ''), p.method,
  COALESCE(p.start, ''), p.tender_end, p.awarded, p.contract_start, p.contract_end
FROM (SELECT n, stage, currency, SUM(CAST(decimal_text(amount) AS DECIMAL(38, 6))) AS total FROM engine_money WHERE stage <> 'paid' GROUP BY n, stage, currency) AS s
JOIN engine_processes AS p ON p.n = s.n
GROUP BY s.n, s.currency, p.ocid, p.title, p.buyer_key, p.method, p.start, p.tender_end, p.awarded, p.contract_start, p.contract_end;
INSERT INTO names
SELECT party.k, party.n, 1 FROM (
  SELECT UNNEST(l.nm) AS party FROM engine_lines AS l LEFT JOIN engine_repeated AS d ON d.ocid = l.r.ocid WHERE d.ocid IS NULL) AS parties;
-- What the reader adds to the meta: processes, their start days, awards left out of the network.
SELECT
  (SELECT COUNT(*) FROM engine_processes) AS processes,
  (SELECT MIN(start) FROM engine_processes) AS first,
  (SELECT MAX(start) FROM engine_processes) AS last,
  (SELECT COUNT(*) FROM engine_awards AS a JOIN engine_processes AS p ON p.n = a.n WHERE a.status NOT IN ('cancelled', 'unsuccessful') AND p.buyer_key IS NULL) AS no_buyer,
  (SELECT COUNT(*) FROM engine_awards AS a JOIN engine_processes AS p ON p.n = a.n WHERE a.status NOT IN ('cancelled', 'unsuccessful') AND p.buyer_key IS NOT NULL AND COALESCE(LEN(a.suppliers), 0) = 0) AS no_supplier;
