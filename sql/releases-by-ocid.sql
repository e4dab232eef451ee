-- Releases that were not published compiled, grouped by ocid (in the order read) for the kit's merge. An ocid
-- also published compiled (a record's compiledRelease, a compiled release) is left out: the publisher's compiled
-- release wins, as in the browser.
SELECT r.ocid, r.document
FROM pending_releases AS r
LEFT JOIN (SELECT DISTINCT ocid FROM published) AS p ON p.ocid = r.ocid
WHERE p.ocid IS NULL
ORDER BY r.ocid, r.position;
