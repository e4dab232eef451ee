-- What the kit's model reads, grouped by ocid (in the order read): releases to merge, and the compiled releases
-- and records the engine does not read (src/summary/engine.ts), with those the engine was given more than once.
-- Releases of an ocid also published compiled (by a record's compiledRelease or a compiled release, read by the
-- model or by the engine) are left out: the publisher's compiled release wins, as in the browser.
SELECT r.ocid, r.document
FROM pending_releases AS r
LEFT JOIN (SELECT ocid FROM pending_releases WHERE compiled UNION SELECT r.ocid FROM engine_lines) AS p ON p.ocid = r.ocid
WHERE r.compiled OR p.ocid IS NULL
ORDER BY r.ocid, r.position;
