-- The `processes` measure of <ocds-breakdown>: per dimension and key, every process in it (with or without money),
-- from the `breakdown_cells` breakdown.sql made.
SELECT dimension, key, processes FROM breakdown_cells WHERE measure = 'processes';
