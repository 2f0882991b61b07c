// Size budget: builds every bundle of scripts/bundles.mjs as the release does (minified), in memory, and
// fails when one weighs more than its budget, or what activation loads (the bundles marked `activation`)
// more than ACTIVATION_BUDGET. Prints each bundle's size against its budget and, from the
// esbuild metafile, the inputs that weigh most in it (node_modules packages grouped by package).
//
//   node scripts/check-bundle-size.mjs [--top N]
import * as esbuild from 'esbuild';
import { ACTIVATION_BUDGET, ACTIVATION_BUNDLES, BUNDLES, buildOptions } from './bundles.mjs';

const topIndex = process.argv.indexOf('--top');
const TOP = topIndex >= 0 ? Number(process.argv[topIndex + 1]) : 8;

/** A node_modules input counts toward its package; a source file toward itself. */
function inputGroup(file) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  return match ? `npm:${match[1]}` : file;
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

let over = 0;
let activationBytes = 0;
for (const bundle of BUNDLES) {
  const result = await esbuild.build({ ...buildOptions(bundle, true), sourcemap: false, write: false, logLevel: 'error' });
  const output = Object.values(result.metafile.outputs).find((out) => out.entryPoint !== undefined);
  const size = output.bytes;
  const ok = size <= bundle.budget;
  if (!ok) over++;
  if (bundle.activation) activationBytes += size;
  console.log(`${ok ? 'ok  ' : 'FAIL'}  ${bundle.options.outfile.padEnd(24)} ${kb(size).padStart(10)} of ${kb(bundle.budget)} budget (${Math.round((size / bundle.budget) * 100)}%)`);
  const groups = new Map();
  for (const [file, input] of Object.entries(output.inputs)) {
    groups.set(inputGroup(file), (groups.get(inputGroup(file)) ?? 0) + input.bytesInOutput);
  }
  for (const [group, bytes] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`        ${kb(bytes).padStart(10)}  ${group}`);
  }
}
// The extension itself (dist/extensionMain.js) loads right after activation, within its own budget above.
const activationNames = ACTIVATION_BUNDLES.map((bundle) => bundle.options.outfile).join(' + ');
const activationOk = activationBytes <= ACTIVATION_BUDGET;
if (!activationOk) over++;
console.log(`${activationOk ? 'ok  ' : 'FAIL'}  what activation loads (${activationNames}) ${kb(activationBytes)} of ${kb(ACTIVATION_BUDGET)} budget (${Math.round((activationBytes / ACTIVATION_BUDGET) * 100)}%)`);
if (over > 0) {
  console.error(`\n${over} bundle(s) over budget: move what they do not need at once behind a lazily loaded bundle (see scripts/bundles.mjs), or raise the budget with a reason.`);
  process.exit(1);
}
