-- Red flags per buyer and indicator: processes evaluable, processes flagged.
SELECT buyer, indicator, SUM(evaluable) AS evaluable, SUM(flagged) AS flagged FROM red_flags GROUP BY buyer, indicator;
