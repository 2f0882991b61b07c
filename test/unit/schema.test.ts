// The stage schema: a valid draft-07 schema that Ajv accepts in strict mode, whose milestone enum is exactly
// the milestone catalog (a detector nobody can name, or a name no detector proves, is a bug either way).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { SchemaObject } from 'ajv';
import { parse } from 'yaml';
import { MILESTONES, MILESTONE_IDS, isMilestoneId, milestoneTitle } from '../../src/core/milestones/catalog';
import { stageYaml } from './helpers/roadmapFixtures';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const SCHEMA_FILE = path.join(REPO_ROOT, 'roadmap', 'roadmap.schema.json');

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readSchema(): SchemaObject {
  const json: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
  assert.ok(isRecord(json), 'the schema must be a JSON object');
  return json;
}

/** The value at `keys` inside the schema, checked to be an object at every step. */
function dig(schema: SchemaObject, keys: readonly string[]): Record<string, unknown> {
  let node: unknown = schema;
  for (const key of keys) {
    assert.ok(isRecord(node), `expected an object before "${key}"`);
    node = node[key];
  }
  assert.ok(isRecord(node), `expected an object at ${keys.join('.')}`);
  return node;
}

function stringList(value: unknown): string[] {
  assert.ok(Array.isArray(value), 'expected a list');
  return value.map((item) => {
    assert.equal(typeof item, 'string');
    return String(item);
  });
}

interface StrictAjv {
  readonly ajv: Ajv;
  readonly warnings: string[];
}

/** Ajv in strict mode, with its warnings collected so that a test can require there are none. */
function strictAjv(): StrictAjv {
  const warnings: string[] = [];
  const record = (...args: unknown[]): void => {
    warnings.push(args.map(String).join(' '));
  };
  const ajv = new Ajv({ strict: true, allErrors: true, logger: { log: record, warn: record, error: record } });
  return { ajv, warnings };
}

describe('roadmap schema', () => {
  describe('milestone ids', () => {
    const enumIds = stringList(dig(readSchema(), ['definitions', 'milestoneId']).enum);
    const catalogIds = MILESTONES.map((milestone) => milestone.id);

    it('names every catalog milestone and nothing else', () => {
      const missing = catalogIds.filter((id) => !enumIds.includes(id));
      const unknown = enumIds.filter((id) => !MILESTONE_IDS.has(id));
      assert.deepEqual({ missing, unknown }, { missing: [], unknown: [] });
      assert.deepEqual(new Set(enumIds), new Set(catalogIds));
    });

    it('lists each id once, in the schema and in the catalog', () => {
      assert.equal(new Set(enumIds).size, enumIds.length);
      assert.equal(new Set(catalogIds).size, catalogIds.length);
      assert.equal(enumIds.length, catalogIds.length);
      assert.equal(MILESTONE_IDS.size, catalogIds.length);
    });

    it('gives every catalog milestone a title a learner can read', () => {
      const untitled = MILESTONES.filter((milestone) => milestone.title.trim().length < 5).map((milestone) => milestone.id);
      assert.deepEqual(untitled, []);
      assert.equal(milestoneTitle('docker.file'), 'A Dockerfile');
      assert.equal(milestoneTitle('no.such'), 'no.such');
      assert.equal(isMilestoneId('git.repo'), true);
      assert.equal(isMilestoneId('git.nope'), false);
    });

    it('uses dotted lowercase ids', () => {
      const badlyShaped = catalogIds.filter((id) => !/^[a-z0-9]+\.[a-z0-9]+(-[a-z0-9]+)*$/.test(id));
      assert.deepEqual(badlyShaped, []);
    });
  });

  describe('as a JSON schema', () => {
    it('declares draft-07', () => {
      assert.equal(readSchema().$schema, 'http://json-schema.org/draft-07/schema#');
    });

    it('is valid against the draft-07 meta-schema', () => {
      const { ajv } = strictAjv();
      const valid = ajv.validateSchema(readSchema());
      assert.deepEqual(ajv.errors ?? null, null, ajv.errorsText(ajv.errors));
      assert.equal(valid, true);
    });

    it('compiles in Ajv strict mode without errors or warnings', () => {
      const { ajv, warnings } = strictAjv();
      assert.doesNotThrow(() => ajv.compile(readSchema()));
      assert.deepEqual(warnings, []);
    });

    it('accepts a valid stage and rejects an unknown property when compiled strictly', () => {
      const { ajv } = strictAjv();
      const validate = ajv.compile(readSchema());
      const stage: unknown = parse(stageYaml({ id: 'basics', order: 1, skills: [{ id: 'a', detect: { all: ['git.repo'] } }] }));
      assert.equal(validate(stage), true, ajv.errorsText(validate.errors));
      const withExtra: unknown = parse(stageYaml({ id: 'basics', order: 1, skills: [{ id: 'a' }], extra: { colour: 'red' } }));
      assert.equal(validate(withExtra), false);
      assert.deepEqual(
        validate.errors?.map((error) => [error.keyword, error.instancePath, error.params]),
        [['additionalProperties', '', { additionalProperty: 'colour' }]],
      );
    });

    it('uses the same kebab-case pattern for stage ids, skill ids and prerequisites', () => {
      const schema = readSchema();
      const kebab = '^[a-z0-9]+(-[a-z0-9]+)*$';
      assert.equal(dig(schema, ['properties', 'id']).pattern, kebab);
      assert.equal(dig(schema, ['definitions', 'skill', 'properties', 'id']).pattern, kebab);
      assert.equal(dig(schema, ['definitions', 'skill', 'properties', 'prerequisites', 'items']).pattern, kebab);
    });

    it('allows only https resource links', () => {
      const pattern = dig(readSchema(), ['definitions', 'resource', 'properties', 'url']).pattern;
      assert.equal(typeof pattern, 'string');
      const url = new RegExp(String(pattern));
      assert.deepEqual(
        ['https://example.com/a', 'http://example.com/a', 'javascript:alert(1)', 'https://exa mple.com', 'ftp://example.com'].map((link) => url.test(link)),
        [true, false, false, false, false],
      );
    });
  });
});
