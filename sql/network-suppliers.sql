-- The network's suppliers: each award's value split equally among its distinct suppliers (supplierNetwork's
-- contributions), per currency; the {{limit}} largest per currency (by amount, then awards, then key) are kept,
-- as the network element keeps its default limit. Creates `kept`, read by the edge and "others" cubes.
CREATE TABLE kept AS
SELECT currency, supplier, amount, awards FROM (
  SELECT currency, supplier,
    SUM(CAST(amount AS DECIMAL(38, 6))) AS amount,
    COUNT(*) AS awards,
    ROW_NUMBER() OVER (PARTITION BY currency ORDER BY SUM(CAST(amount AS DECIMAL(38, 6))) DESC, COUNT(*) DESC, supplier) AS place
  FROM shares
  GROUP BY currency, supplier) AS ranked
WHERE place <= {{limit}};
SELECT currency, supplier, CAST(amount AS VARCHAR) AS amount, awards FROM kept ORDER BY currency, amount DESC;
