-- Spending by stage (README, "Money rules"; the rows processAmounts gives): per process start year, procurement
-- method, buyer and category, in each currency, the amount of each stage, the processes behind it and how many
-- pending awards or contracts it counts. A process has one year, method, buyer and category, so the processes of
-- any set of rows add up. Only the {{limit}} buyers with the most processes (then by key) keep rows of their own;
-- every other buyer's processes are in the rows of buyer 'others:', so every total without a buyer stays whole.
-- Buyer-level figures of every buyer are in the breakdown cube.
CREATE TABLE spending_buyers AS
SELECT buyer FROM (
  SELECT buyer, ROW_NUMBER() OVER (ORDER BY COUNT(DISTINCT ocid) DESC, buyer) AS place
  FROM measures WHERE measure = 'processes' GROUP BY buyer) AS ranked
WHERE place <= {{limit}};
SELECT year, method, buyer, category, currency,
  CAST(SUM(CASE WHEN stage = 'planned' THEN CAST(amount AS DECIMAL(38, 6)) END) AS VARCHAR) AS planned,
  COUNT(DISTINCT CASE WHEN stage = 'planned' THEN ocid END) AS planned_processes,
  SUM(CASE WHEN stage = 'planned' THEN pending ELSE 0 END) AS planned_pending,
  CAST(SUM(CASE WHEN stage = 'tendered' THEN CAST(amount AS DECIMAL(38, 6)) END) AS VARCHAR) AS tendered,
  COUNT(DISTINCT CASE WHEN stage = 'tendered' THEN ocid END) AS tendered_processes,
  SUM(CASE WHEN stage = 'tendered' THEN pending ELSE 0 END) AS tendered_pending,
  CAST(SUM(CASE WHEN stage = 'awarded' THEN CAST(amount AS DECIMAL(38, 6)) END) AS VARCHAR) AS awarded,
  COUNT(DISTINCT CASE WHEN stage = 'awarded' THEN ocid END) AS awarded_processes,
  SUM(CASE WHEN stage = 'awarded' THEN pending ELSE 0 END) AS awarded_pending,
  CAST(SUM(CASE WHEN stage = 'contracted' THEN CAST(amount AS DECIMAL(38, 6)) END) AS VARCHAR) AS contracted,
  COUNT(DISTINCT CASE WHEN stage = 'contracted' THEN ocid END) AS contracted_processes,
  SUM(CASE WHEN stage = 'contracted' THEN pending ELSE 0 END) AS contracted_pending,
  CAST(SUM(CASE WHEN stage = 'paid' THEN CAST(amount AS DECIMAL(38, 6)) END) AS VARCHAR) AS paid,
  COUNT(DISTINCT CASE WHEN stage = 'paid' THEN ocid END) AS paid_processes,
  SUM(CASE WHEN stage = 'paid' THEN pending ELSE 0 END) AS paid_pending
FROM (
  SELECT s.year, s.method, CASE WHEN k.buyer IS NULL THEN 'others:' ELSE s.buyer END AS buyer, s.category,
    s.stage, s.currency, s.amount, s.ocid, s.pending
  FROM stages AS s LEFT JOIN spending_buyers AS k ON k.buyer = s.buyer) AS kept
GROUP BY year, method, buyer, category, currency;
