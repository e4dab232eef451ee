-- Compiled releases the engine reads itself (src/summary/engine.ts says which; one JSON object per line in
-- {{file}}: `n` the line's number in the run, `bk`/`pk` the buyer's and procuring entity's identity keys, `sk` each
-- award's suppliers' keys, `nm` the names the organisations are given, `hd`/`ht` the
-- release history's date and whether it had tender content, `t` whether there is a tender, `r` the release).
-- Only the fields the figures read are columns; the rest of each release is skipped by the reader.
CREATE TABLE engine_lines AS SELECT * FROM read_json('{{file}}', format = 'newline_delimited', columns = {
  n: 'BIGINT', record: 'BOOLEAN', bk: 'VARCHAR', pk: 'VARCHAR', sk: 'VARCHAR[][]', nm: 'STRUCT(k VARCHAR, n VARCHAR)[]',
  hd: 'VARCHAR', ht: 'BOOLEAN', t: 'BOOLEAN',
  r: 'STRUCT(ocid VARCHAR, title VARCHAR,
    planning STRUCT(budget STRUCT(amount STRUCT(amount DOUBLE, currency VARCHAR))),
    tender STRUCT(title VARCHAR, status VARCHAR, procurementMethod VARCHAR, procurementMethodDetails VARCHAR,
      mainProcurementCategory VARCHAR, datePublished VARCHAR, "value" STRUCT(amount DOUBLE, currency VARCHAR),
      tenderPeriod STRUCT(startDate VARCHAR, endDate VARCHAR)),
    awards STRUCT(title VARCHAR, status VARCHAR, date VARCHAR, "value" STRUCT(amount DOUBLE, currency VARCHAR))[],
    contracts STRUCT(title VARCHAR, status VARCHAR, dateSigned VARCHAR, "value" STRUCT(amount DOUBLE, currency VARCHAR),
      period STRUCT(startDate VARCHAR, endDate VARCHAR),
      implementation STRUCT(transactions STRUCT(date VARCHAR, "value" STRUCT(amount DOUBLE, currency VARCHAR))[]))[])'});
-- An ocid published compiled more than once (here, or among what the model reads): those releases go back to the
-- kit's model, merged (or the last record used) as the browser does.
CREATE TABLE engine_repeated AS
SELECT r.ocid AS ocid FROM engine_lines GROUP BY r.ocid HAVING COUNT(*) > 1
UNION
SELECT l.r.ocid FROM engine_lines AS l JOIN pending_releases AS p ON p.ocid = l.r.ocid WHERE p.compiled;
SELECT l.n FROM engine_lines AS l JOIN engine_repeated AS d ON d.ocid = l.r.ocid ORDER BY l.n;
