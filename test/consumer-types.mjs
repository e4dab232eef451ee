// `npm test` Node stage, after `npm run build`: the packed package's framework typings (ocds-widgets/react, /vue,
// /svelte) typecheck in small consumer projects, test/consumers/{react,vue,svelte}, with the checker each framework
// uses: tsc (JSX), vue-tsc (strictTemplates), svelte-check. Each has a good file, which must pass, and a bad file whose
// deliberate mistakes must each be reported, on the line after its "type error below" comment and naming what the
// comment says (so an error for another reason does not count), with no error anywhere else. The consumers use
// skipLibCheck as the Vite and Next.js templates do: a typing that failed to resolve would turn into `any` and its bad
// file's errors would go missing, so the bad files also prove the typings resolve.
// No network: the tarball from `npm pack` is unpacked as test/consumers/node_modules/ocds-widgets, as `npm install`
// would place it, and everything else (react's types, vue, svelte, lit…) resolves from the repo's node_modules.
// vue-tsc and svelte-check load TypeScript's JavaScript API, which TypeScript 7 (the repo's tsc) does not have: they run
// on TypeScript 6 from test/consumers/ts6 (a file: devDependency, so `npm install` installs it there).
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONSUMERS = join(ROOT, 'test/consumers');
const TS6 = join(CONSUMERS, 'ts6');
const requireTs6 = createRequire(join(TS6, 'package.json'));

// Pack exactly what npm publishes, and unpack it where the consumers resolve 'ocds-widgets'.
const packDir = mkdtempSync(join(tmpdir(), 'ocds-widgets-pack-'));
const [{ filename }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, encoding: 'utf8' }));
const installed = join(CONSUMERS, 'node_modules/ocds-widgets');
rmSync(installed, { recursive: true, force: true });
mkdirSync(installed, { recursive: true });
execFileSync('tar', ['-xzf', join(packDir, filename), '-C', installed, '--strip-components=1']);
rmSync(packDir, { recursive: true, force: true });

const svelteCheckPackage = requireTs6.resolve('svelte-check/package.json');
const svelteCheck = join(svelteCheckPackage, '..', JSON.parse(readFileSync(svelteCheckPackage, 'utf8')).bin);
const checkers = {
  react: { command: [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.', '--pretty', 'false'], parse: parseTsc },
  vue: { command: [join(CONSUMERS, 'vue-tsc.cjs'), '-p', '.', '--pretty', 'false'], parse: parseTsc },
  svelte: { command: [svelteCheck, '--workspace', '.', '--tsconfig', './tsconfig.json', '--output', 'machine', '--fail-on-warnings'], parse: parseSvelteCheck },
};

/** `src/bad.tsx(6,23): error TS2322: …` -> { file, line, message } (continuation lines belong to the one before). */
function parseTsc(output) {
  return [...output.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+: .*(?:\n[ \t]+.*)*)/gm)].map(([, file, line, message]) => ({ file, line: Number(line), message }));
}

/** svelte-check's machine output: `1796… ERROR "src/Bad.svelte" 9:17 "message"` (warnings count as problems too). */
function parseSvelteCheck(output) {
  return [...output.matchAll(/^\d+ (?:ERROR|WARNING) "(.+?)" (\d+):\d+ "(.*)"$/gm)].map(([, file, line, message]) => ({ file, line: Number(line), message }));
}

/** The bad file's mistakes: the line after each `type error below, naming "X"` comment, and X. */
function expectedErrors(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((text, index) => {
      const naming = /type error below, naming "([^"]+)"/.exec(text)?.[1];
      return naming ? [{ line: index + 2, naming }] : [];
    });
}

function run(name) {
  const { command, parse } = checkers[name];
  const cwd = join(CONSUMERS, name);
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, command, { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ name, cwd, code: error ? (error.code ?? 1) : 0, output: `${stdout}${stderr}`, parse, seconds: (Date.now() - started) / 1000 });
    });
  });
}

let passed = 0;
let failed = 0;
function check(label, test) {
  try {
    test();
    passed += 1;
  } catch (error) {
    failed += 1;
    console.error(`not ok - ${label}\n${error.message}\n`);
  }
}

const results = await Promise.all(Object.keys(checkers).map(run));
for (const { name, cwd, code, output, parse, seconds } of results) {
  const files = readdirSync(join(cwd, 'src'));
  const good = files.find((file) => /^good\./i.test(file));
  const bad = files.find((file) => /^bad\./i.test(file));
  const errors = parse(output).map((error) => ({ ...error, file: relative(cwd, join(cwd, error.file)) }));
  const expected = expectedErrors(join(cwd, 'src', bad));
  console.log(`${name}: ${errors.length} errors reported in ${seconds.toFixed(1)} s`);
  check(`${name}: the checker ran and found problems (exit code not 0)`, () => {
    assert.ok(expected.length >= 5, `${bad} has its deliberate mistakes`);
    assert.notEqual(code, 0, `the checker exited 0 on ${bad}:\n${output}`);
    assert.ok(errors.length > 0, `no diagnostics parsed from:\n${output}`);
  });
  check(`${name}: src/${good} typechecks`, () => {
    assert.deepEqual(errors.filter((error) => error.file !== join('src', bad)), [], `errors outside ${bad}`);
  });
  for (const mistake of expected) {
    check(`${name}: src/${bad}:${mistake.line} is reported, naming ${mistake.naming}`, () => {
      const found = errors.filter((error) => error.file === join('src', bad) && error.line === mistake.line);
      assert.ok(found.some((error) => error.message.includes(mistake.naming)), `expected an error naming "${mistake.naming}" on line ${mistake.line}, got ${JSON.stringify(found)}`);
    });
  }
  check(`${name}: src/${bad} has errors on its marked lines only`, () => {
    const lines = new Set(expected.map((mistake) => mistake.line));
    assert.deepEqual(errors.filter((error) => error.file === join('src', bad) && !lines.has(error.line)), []);
  });
}
rmSync(installed, { recursive: true, force: true });
console.log(`consumer-types: ${passed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
