-- The publisher's own wordings (`procurementMethodDetails`) behind each method row, with their processes.
SELECT method, measure, currency, wording, COUNT(DISTINCT ocid) AS processes
FROM measures
WHERE wording <> ''
GROUP BY method, measure, currency, wording;
