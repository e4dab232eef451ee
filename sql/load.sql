-- The facts the reader staged for each batch of processes (one JSON object per line; src/summary/facts.ts says
-- what each column holds), as typed tables. Amounts are staged as decimal text and read as DECIMAL(38, 6), the six
-- places the browser's sums keep, so no cube has binary noise (read once here: casting text to a 38-digit decimal
-- is the engine's slowest step, and every cube sums the same amounts). {{dir}} is the staging folder.
CREATE TABLE stages AS SELECT * FROM read_json('{{dir}}/stages.jsonl', format = 'newline_delimited', columns = {
  ocid: 'VARCHAR', year: 'VARCHAR', method: 'VARCHAR', buyer: 'VARCHAR', category: 'VARCHAR', stage: 'VARCHAR',
  currency: 'VARCHAR', amount: 'DECIMAL(38, 6)', pending: 'INTEGER'});
CREATE TABLE measures AS SELECT * FROM read_json('{{dir}}/measures.jsonl', format = 'newline_delimited', columns = {
  ocid: 'VARCHAR', measure: 'VARCHAR', currency: 'VARCHAR', amount: 'DECIMAL(38, 6)', day: 'VARCHAR', method: 'VARCHAR',
  category: 'VARCHAR', stage: 'VARCHAR', buyer: 'VARCHAR', wording: 'VARCHAR'});
CREATE TABLE shares AS SELECT * FROM read_json('{{dir}}/shares.jsonl', format = 'newline_delimited', columns = {
  ocid: 'VARCHAR', award: 'VARCHAR', buyer: 'VARCHAR', supplier: 'VARCHAR', currency: 'VARCHAR', amount: 'DECIMAL(38, 6)',
  shared: 'BOOLEAN', unvalued: 'BOOLEAN'});
CREATE TABLE largest_facts AS SELECT * FROM read_json('{{dir}}/largest.jsonl', format = 'newline_delimited', columns = {
  currency: 'VARCHAR', amount: 'DECIMAL(38, 6)', ocid: 'VARCHAR', title: 'VARCHAR', buyer: 'VARCHAR', method: 'VARCHAR',
  start: 'VARCHAR', tenderEnd: 'VARCHAR', awarded: 'VARCHAR', contractStart: 'VARCHAR', contractEnd: 'VARCHAR'});
CREATE TABLE names AS SELECT * FROM read_json('{{dir}}/names.jsonl', format = 'newline_delimited', columns = {
  key: 'VARCHAR', name: 'VARCHAR', count: 'BIGINT'});
CREATE TABLE red_flags AS SELECT * FROM read_json('{{dir}}/red-flags.jsonl', format = 'newline_delimited', columns = {
  buyer: 'VARCHAR', indicator: 'VARCHAR', evaluable: 'BIGINT', flagged: 'BIGINT'});
