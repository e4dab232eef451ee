-- Buyer -> kept supplier edges per currency: amount, distinct awards, those shared with other suppliers and
-- those published without a value.
SELECT s.buyer, s.supplier, s.currency,
  CAST(SUM(CAST(s.amount AS DECIMAL(38, 6))) AS VARCHAR) AS amount,
  COUNT(DISTINCT s.award) AS awards,
  COUNT(DISTINCT CASE WHEN s.shared THEN s.award END) AS shared_awards,
  COUNT(DISTINCT CASE WHEN s.unvalued THEN s.award END) AS unvalued
FROM shares AS s
JOIN kept AS k ON k.currency = s.currency AND k.supplier = s.supplier
GROUP BY s.buyer, s.supplier, s.currency;
