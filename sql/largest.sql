-- The {{limit}} largest processes per currency, by their largest stage total, with their dates.
SELECT currency, amount, ocid, title, buyer, method, start, tenderEnd, awarded, contractStart, contractEnd FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY CAST(amount AS DECIMAL(38, 6)) DESC, ocid) AS place
  FROM largest_facts) AS ranked
WHERE place <= {{limit}};
