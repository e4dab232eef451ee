-- Currencies of the network, by the processes with an award valued in each ('' = awards without a value,
-- which rank no currency).
SELECT currency, COUNT(DISTINCT CASE WHEN NOT unvalued THEN ocid END) AS processes
FROM shares
GROUP BY currency;
