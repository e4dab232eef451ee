-- Releases that were not published compiled, grouped by ocid (in the order read) for the kit's merge.
SELECT ocid, document FROM pending_releases ORDER BY ocid, position;
