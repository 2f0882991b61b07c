// Temporary content check for authors (replaced by the real loader's test): schema + ids + prerequisites.
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const Ajv = require('ajv'); const YAML = require('yaml');
const root = process.argv[2] ?? 'roadmap';
const schema = JSON.parse(readFileSync(`${root}/roadmap.schema.json`, 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const skills = new Map(); const prereqs = []; let bad = 0; let stages = 0;
for (const f of readdirSync(`${root}/stages`).filter((n) => n.endsWith('.yaml')).sort()) {
  const doc = YAML.parse(readFileSync(`${root}/stages/${f}`, 'utf8')); stages++;
  if (!validate(doc)) { bad++; console.log(f, JSON.stringify(validate.errors, null, 1)); continue; }
  for (const s of doc.skills) { if (skills.has(s.id)) { bad++; console.log(`${f}: duplicate skill id ${s.id} (also in ${skills.get(s.id)})`); } skills.set(s.id, f); for (const p of s.prerequisites) prereqs.push([f, s.id, p]); }
}
for (const [f, s, p] of prereqs) if (!skills.has(p)) { bad++; console.log(`${f}: ${s} has unknown prerequisite ${p}`); }
console.log(`${stages} stages, ${skills.size} skills, ${bad} problems`); process.exit(bad ? 1 : 0);
