import * as path from 'node:path';
import type { MarkdownEngine } from '../content/markdownEngine';
import type { RoadmapProblem } from '../roadmap/problems';
import { loadRoadmapFromDirectory } from '../roadmap/loader';
import type { Roadmap, Stage } from '../roadmap/model';
import type { CompiledRoadmap } from './compiledRoadmap';

/** Markdown the views render (src/core/view): block texts through renderMarkdown, inline ones through renderInlineMarkdown. */
export function markdownTexts(roadmap: Roadmap): { readonly block: ReadonlySet<string>; readonly inline: ReadonlySet<string> } {
  const block = new Set<string>();
  const inline = new Set<string>();
  for (const stage of roadmap.stages) {
    for (const idea of stage.projectIdeas) {
      inline.add(idea.description);
      if (idea.goal !== undefined) {
        block.add(idea.goal);
      }
      idea.criteria?.forEach((criterion) => inline.add(criterion.text));
    }
    for (const skill of stage.skills) {
      block.add(skill.summary);
      block.add(skill.whyItMatters);
      skill.practice.forEach((text) => inline.add(text));
      for (const question of skill.quiz) {
        block.add(question.question);
        block.add(question.explain);
        question.choices.forEach((choice) => inline.add(choice));
      }
    }
  }
  return { block, inline };
}

/**
 * The roadmap as the build writes it: the model plus the HTML of its Markdown. Stage sources become paths
 * relative to `sourceRoot`, so the file names no folder of the machine that built it.
 */
export function compileRoadmap(roadmap: Roadmap, engine: MarkdownEngine, sourceRoot: string): CompiledRoadmap {
  const texts = markdownTexts(roadmap);
  const stages = roadmap.stages.map((stage): Stage => ({ ...stage, source: path.relative(sourceRoot, stage.source).split(path.sep).join('/') }));
  return {
    stages,
    markdown: {
      block: [...texts.block].map((text) => [text, engine.block(text)] as const),
      inline: [...texts.inline].map((text) => [text, engine.inline(text)] as const),
    },
  };
}

export type CompileResult = { readonly ok: true; readonly compiled: CompiledRoadmap } | { readonly ok: false; readonly problems: readonly RoadmapProblem[] };

/** Loads `<dir>/stages/*.yaml` with the run-time loader (schema included) and compiles it, or gives its problems. */
export async function compileRoadmapDirectory(dir: string, engine: MarkdownEngine, sourceRoot: string): Promise<CompileResult> {
  const loaded = await loadRoadmapFromDirectory(dir);
  return loaded.roadmap === undefined ? { ok: false, problems: loaded.problems } : { ok: true, compiled: compileRoadmap(loaded.roadmap, engine, sourceRoot) };
}
