// Build step: loads roadmap/stages/*.yaml with the run-time loader (schema validation included, from the
// freshly built dist/contentTools.js), and writes the roadmap model without its texts to dist/roadmap.jsonl,
// the texts to dist/roadmap-texts.jsonl and the HTML of its Markdown to dist/roadmap-html.jsonl
// (src/core/compiled/compiledRoadmap.ts has the layout). Broken
// content fails the build with one `file:line:column: message` line per problem.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const require = createRequire(import.meta.url);
const tools = require(path.join(ROOT, 'dist', 'contentTools.js'));

const started = performance.now();
const result = await tools.compileRoadmapDirectory(path.join(ROOT, 'roadmap'), tools.createMarkdownEngine(), ROOT);
if (!result.ok) {
  console.error(`roadmap: ${result.problems.length} problem(s) in roadmap/stages; fix them to build:`);
  for (const problem of result.problems) {
    console.error(`${path.relative(ROOT, problem.file)}:${problem.line}:${problem.column}: ${problem.message}`);
  }
  process.exit(1);
}
const texts = tools.textsFileText(result.compiled);
const files = [
  ['dist/roadmap.jsonl', tools.roadmapFileText(result.compiled, texts)],
  ['dist/roadmap-html.jsonl', tools.markdownFileText(result.compiled)],
  ['dist/roadmap-texts.jsonl', texts],
];
for (const [file, text] of files) {
  await writeFile(path.join(ROOT, file), text);
}
const skills = result.compiled.stages.reduce((sum, stage) => sum + stage.skills.length, 0);
const sizes = files.map(([file, text]) => `${file} ${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB`).join(', ');
console.log(`roadmap: ${result.compiled.stages.length} stages, ${skills} skills compiled in ${(performance.now() - started).toFixed(0)} ms: ${sizes}`);
