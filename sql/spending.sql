-- Spending by stage (README, "Money rules"; the rows processAmounts gives): per process start year, procurement
-- method, buyer and category, the amount of each stage in each currency, the processes behind it and how many
-- pending awards or contracts it counts. A process has one year, method, buyer and category, so the processes of
-- any set of rows add up.
SELECT year, method, buyer, category, stage, currency,
  CAST(SUM(CAST(amount AS DECIMAL(38, 6))) AS VARCHAR) AS amount,
  COUNT(DISTINCT ocid) AS processes,
  SUM(pending) AS pending
FROM stages
GROUP BY year, method, buyer, category, stage, currency
ORDER BY year, method, buyer, category, stage, currency;
