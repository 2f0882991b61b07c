// The roadmap we ship, loaded by the real loader: no problems, enough content, and the invariants the UI
// relies on (https links, catalog milestone ids, unique titles, prerequisites that point backwards).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { MILESTONE_IDS } from '../../src/core/milestones/catalog';
import { loadRoadmapFromDirectory } from '../../src/core/roadmap/loader';
import type { Roadmap } from '../../src/core/roadmap/model';
import { formatProblem } from '../../src/core/roadmap/problems';

// Compiled to out/test/unit/: three levels up is the repository root.
const REPO_ROOT = path.resolve(__dirname, '../../..');
const ROADMAP_DIR = path.join(REPO_ROOT, 'roadmap');

function list(items: readonly string[]): string {
  return items.map((item) => `\n  ${item}`).join('');
}

describe('shipped roadmap', () => {
  let roadmap: Roadmap;

  before(async () => {
    const result = await loadRoadmapFromDirectory(ROADMAP_DIR);
    assert.equal(result.problems.length, 0, `${result.problems.length} problem(s) in ${ROADMAP_DIR}:${list(result.problems.map(formatProblem))}`);
    assert.ok(result.roadmap, 'the loader returned no roadmap and no problems');
    roadmap = result.roadmap;
  });

  it('loads with no problems', () => {
    assert.ok(roadmap.skills.length > 0);
  });

  it('has at least 18 stages and 100 skills', () => {
    assert.ok(roadmap.stages.length >= 18, `only ${roadmap.stages.length} stages`);
    assert.ok(roadmap.skills.length >= 100, `only ${roadmap.skills.length} skills`);
  });

  it('gives every stage project ideas', () => {
    const without = roadmap.stages.filter((stage) => stage.projectIdeas.length === 0).map((stage) => stage.id);
    assert.deepEqual(without, [], `stages without project ideas:${list(without)}`);
  });

  it('gives every skill at least one resource', () => {
    const without = roadmap.skills.filter((skill) => skill.resources.length === 0).map((skill) => skill.id);
    assert.deepEqual(without, [], `skills without resources:${list(without)}`);
  });

  it('uses only https resource URLs that parse', () => {
    const bad = roadmap.skills.flatMap((skill) =>
      skill.resources
        .filter((resource) => {
          try {
            return new URL(resource.url).protocol !== 'https:';
          } catch {
            return true;
          }
        })
        .map((resource) => `${skill.id}: ${resource.url}`),
    );
    assert.deepEqual(bad, [], `resource URLs that are not valid https links:${list(bad)}`);
  });

  it('never lists the same resource URL twice for one skill', () => {
    const repeated = roadmap.skills.flatMap((skill) => {
      const urls = skill.resources.map((resource) => resource.url);
      return urls.filter((url, index) => urls.indexOf(url) !== index).map((url) => `${skill.id}: ${url}`);
    });
    assert.deepEqual(repeated, [], `repeated resource URLs:${list(repeated)}`);
  });

  it('names only catalog milestones in detect rules, and no empty rules', () => {
    const unknown = roadmap.skills.flatMap((skill) =>
      [...(skill.detect?.all ?? []), ...(skill.detect?.any ?? [])].filter((id) => !MILESTONE_IDS.has(id)).map((id) => `${skill.id}: ${id}`),
    );
    assert.deepEqual(unknown, [], `unknown milestone ids:${list(unknown)}`);
    const empty = roadmap.skills.filter((skill) => skill.detect?.all.length === 0 && skill.detect.any.length === 0).map((skill) => skill.id);
    assert.deepEqual(empty, []);
  });

  it('makes every skill reachable: each prerequisite exists and can be finished before it', () => {
    const missing = roadmap.skills.flatMap((skill) => skill.prerequisites.filter((id) => !roadmap.skillById.has(id)).map((id) => `${skill.id} needs ${id}`));
    assert.deepEqual(missing, [], `prerequisites that name no skill:${list(missing)}`);
    // Finish every skill whose prerequisites are all finished, until nothing changes: all must get finished.
    const finished = new Set<string>();
    let progressed = true;
    while (progressed) {
      progressed = false;
      for (const skill of roadmap.skills) {
        if (!finished.has(skill.id) && skill.prerequisites.every((id) => finished.has(id))) {
          finished.add(skill.id);
          progressed = true;
        }
      }
    }
    const unreachable = roadmap.skills.filter((skill) => !finished.has(skill.id)).map((skill) => skill.id);
    assert.deepEqual(unreachable, [], `skills that can never be started:${list(unreachable)}`);
  });

  // Reading order and "next skill" links must never lead to a skill whose prerequisites come later.
  it('lists every prerequisite before the skill that needs it, in roadmap order', () => {
    const position = new Map(roadmap.skills.map((skill, index) => [skill.id, index]));
    const later = roadmap.skills.flatMap((skill) =>
      skill.prerequisites.filter((id) => (position.get(id) ?? -1) > (position.get(skill.id) ?? -1)).map((id) => `${skill.id} needs ${id}, which comes later`),
    );
    assert.deepEqual(later, [], `prerequisites listed after the skill that needs them:${list(later)}`);
  });

  it('has a skill with no prerequisites to start from', () => {
    assert.ok(roadmap.skills[0]);
    assert.deepEqual(roadmap.skills[0].prerequisites, []);
  });

  it('gives no two skills the same title', () => {
    const seen = new Map<string, string>();
    const clashes: string[] = [];
    for (const skill of roadmap.skills) {
      const key = skill.title.trim().toLowerCase();
      const other = seen.get(key);
      if (other !== undefined) {
        clashes.push(`"${skill.title}": ${other} and ${skill.id}`);
      }
      seen.set(key, skill.id);
    }
    assert.deepEqual(clashes, [], `skills sharing a title:${list(clashes)}`);
  });

  it('gives no two stages the same title', () => {
    const titles = roadmap.stages.map((stage) => stage.title.trim().toLowerCase());
    assert.equal(new Set(titles).size, titles.length);
  });

  it('never gives a self-check answer away by its length', () => {
    // A learner who always picks the longest choice must not pass: per stage, the right choice is the
    // uniquely longest in at most 40% of single-answer questions, and never by more than half again.
    const problems: string[] = [];
    for (const stage of roadmap.stages) {
      const single = stage.skills.flatMap((skill) => skill.quiz.filter((q) => q.answer.length === 1).map((q) => ({ skill, q })));
      let longest = 0;
      for (const { skill, q } of single) {
        const lengths = q.choices.map((choice) => choice.length);
        const right = lengths[q.answer[0] ?? 0] ?? 0;
        const others = lengths.filter((_, i) => i !== q.answer[0]);
        const second = Math.max(...others);
        if (right > second) {
          longest++;
          if (right > 1.5 * second) {
            problems.push(`${skill.id}: "${q.question.slice(0, 60)}…" right choice is ${right} characters, the next longest ${second}`);
          }
        }
      }
      if (single.length > 0 && longest / single.length > 0.4) {
        problems.push(`${stage.id}: the right choice is the longest in ${longest} of ${single.length} questions`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('records the source file of every stage', () => {
    const outside = roadmap.stages.filter((stage) => path.dirname(stage.source) !== path.join(ROADMAP_DIR, 'stages')).map((stage) => stage.source);
    assert.deepEqual(outside, []);
  });
});
