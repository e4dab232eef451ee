// Prints bench/results.json as the Markdown table and machine line the README's "Benchmark" section shows,
// so the README quotes a run exactly:   node bench/markdown.mjs [path/to/results.json]
import { readFile } from 'node:fs/promises';

const path = process.argv[2] ?? new URL('./results.json', import.meta.url);
const results = JSON.parse(await readFile(path, 'utf8'));
const { machine } = results;
const cell = (value) => String(value ?? '').replaceAll('|', '\\|');

console.log(
  `Run of ${results.date.slice(0, 16).replace('T', ' ')} UTC on ${/^[0-9a-f]{40}$/.test(results.commit) ? `commit \`${results.commit.slice(0, 7)}\`` : `the ${results.commit}`}, ${results.durationSeconds} s: ` +
    `${machine.os}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, Node ${machine.node}, Chromium ${machine.chromium}; ` +
    `load average ${machine.loadAverageBefore[0]} before, ${machine.loadAverageAfter[0]} after (the machine was shared).\n`,
);
console.log('| Figure | Median | Floor (same run) | Ratio | Target | Met |');
console.log('|---|---|---|---|---|---|');
for (const row of results.table) {
  console.log(`| ${[row.figure, row.value, row.floor, row.ratio, row.target, row.met].map(cell).join(' | ')} |`);
}
