#!/usr/bin/env node
// The `ocds-widgets` command: `summarize` (bin/summarize.mjs does the work; README, "Summary documents").
import { writeFileSync } from 'node:fs';
import { USAGE, UserError, bytesText, merge, parseArgs, summarize } from './summarize.mjs';

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const summary = options.merge ? await merge(options) : await summarize(options);
  const text = `${JSON.stringify(summary)}\n`;
  if (options.output) writeFileSync(options.output, text);
  else process.stdout.write(text);
  if (!options.quiet && options.output) {
    process.stderr.write(`${options.output}: summary of ${summary.meta.processes.toLocaleString('en')} processes (${bytesText(Buffer.byteLength(text))})\n`);
  }
}

main().catch((error) => {
  if (error instanceof UserError) {
    process.stderr.write(`ocds-widgets: ${error.message}\n`);
  } else {
    process.stderr.write(`ocds-widgets: unexpected error (please report it): ${error?.stack ?? error}\n`);
  }
  process.exitCode = 1;
});
