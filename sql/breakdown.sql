-- The cubes of <ocds-breakdown>: for each dimension, measure and currency, the amount and the distinct processes
-- (measure `processes`: currency '' and no amount). Facts are breakdown's: time rows use the date of what is
-- measured (an award's date for `awarded`), with 'undated' for facts without a usable day. Creates
-- `breakdown_cells` (one row per dimension, key, measure and currency), read by breakdown-processes.sql; gives one
-- row per dimension, key and currency with a pair of columns per money measure.
CREATE TABLE breakdown_cells AS
SELECT 'method' AS dimension, method AS key, measure, currency,
  CAST(SUM(CAST(amount AS DECIMAL(38, 6))) AS VARCHAR) AS amount, COUNT(DISTINCT ocid) AS processes
FROM measures GROUP BY method, measure, currency
UNION ALL
SELECT 'category', category, measure, currency,
  CAST(SUM(CAST(amount AS DECIMAL(38, 6))) AS VARCHAR), COUNT(DISTINCT ocid)
FROM measures GROUP BY category, measure, currency
UNION ALL
SELECT 'stage', stage, measure, currency,
  CAST(SUM(CAST(amount AS DECIMAL(38, 6))) AS VARCHAR), COUNT(DISTINCT ocid)
FROM measures GROUP BY stage, measure, currency
UNION ALL
SELECT 'buyer', buyer, measure, currency,
  CAST(SUM(CAST(amount AS DECIMAL(38, 6))) AS VARCHAR), COUNT(DISTINCT ocid)
FROM measures GROUP BY buyer, measure, currency
UNION ALL
SELECT 'year', period, measure, currency,
  CAST(SUM(CAST(amount AS DECIMAL(38, 6))) AS VARCHAR), COUNT(DISTINCT ocid)
FROM (SELECT COALESCE(SUBSTRING(day, 1, 4), 'undated') AS period, measure, currency, amount, ocid FROM measures) AS dated
GROUP BY period, measure, currency
UNION ALL
SELECT 'quarter', period, measure, currency,
  CAST(SUM(CAST(amount AS DECIMAL(38, 6))) AS VARCHAR), COUNT(DISTINCT ocid)
FROM (
  SELECT COALESCE(SUBSTRING(day, 1, 4) || '-Q' || CAST(CAST(FLOOR((CAST(SUBSTRING(day, 6, 2) AS INTEGER) + 2) / 3.0) AS INTEGER) AS VARCHAR), 'undated') AS period,
    measure, currency, amount, ocid
  FROM measures) AS dated
GROUP BY period, measure, currency
UNION ALL
SELECT 'month', period, measure, currency,
  CAST(SUM(CAST(amount AS DECIMAL(38, 6))) AS VARCHAR), COUNT(DISTINCT ocid)
FROM (SELECT COALESCE(SUBSTRING(day, 1, 7), 'undated') AS period, measure, currency, amount, ocid FROM measures) AS dated
GROUP BY period, measure, currency;
SELECT dimension, key, currency,
  MAX(CASE WHEN measure = 'planned' THEN amount END) AS planned, COALESCE(MAX(CASE WHEN measure = 'planned' THEN processes END), 0) AS planned_processes,
  MAX(CASE WHEN measure = 'tendered' THEN amount END) AS tendered, COALESCE(MAX(CASE WHEN measure = 'tendered' THEN processes END), 0) AS tendered_processes,
  MAX(CASE WHEN measure = 'awarded' THEN amount END) AS awarded, COALESCE(MAX(CASE WHEN measure = 'awarded' THEN processes END), 0) AS awarded_processes,
  MAX(CASE WHEN measure = 'contracted' THEN amount END) AS contracted, COALESCE(MAX(CASE WHEN measure = 'contracted' THEN processes END), 0) AS contracted_processes,
  MAX(CASE WHEN measure = 'paid' THEN amount END) AS paid, COALESCE(MAX(CASE WHEN measure = 'paid' THEN processes END), 0) AS paid_processes
FROM breakdown_cells
WHERE measure <> 'processes'
GROUP BY dimension, key, currency;
