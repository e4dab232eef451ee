-- Every name used for each organisation the cubes name, with how many references used it.
SELECT key, name, SUM(count) AS uses FROM names GROUP BY key, name;
