-- Per buyer and currency, its awards to suppliers not kept: one "others" group, with how many suppliers it holds.
SELECT s.buyer, s.currency,
  CAST(SUM(CAST(s.amount AS DECIMAL(38, 6))) AS VARCHAR) AS amount,
  COUNT(DISTINCT s.award) AS awards,
  COUNT(DISTINCT CASE WHEN s.shared THEN s.award END) AS shared_awards,
  COUNT(DISTINCT CASE WHEN s.unvalued THEN s.award END) AS unvalued,
  COUNT(DISTINCT s.supplier) AS suppliers
FROM shares AS s
LEFT JOIN kept AS k ON k.currency = s.currency AND k.supplier = s.supplier
WHERE k.supplier IS NULL
GROUP BY s.buyer, s.currency;
