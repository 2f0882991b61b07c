import * as path from 'node:path';
import { renderInlineMarkdown, renderMarkdown } from '../content/markdown';
import { milestoneTitle } from '../milestones/catalog';
import { STATE_LABELS } from '../progress/model';
import type { Evidence, ProgressMap } from '../progress/model';
import { followingSkill } from '../progress/nextSkill';
import { progressOf } from '../progress/rules';
import { isProjectBrief } from '../roadmap/model';
import type { DetectRule, Roadmap, Skill } from '../roadmap/model';
import type { MilestoneSummary } from '../detection/ledger';
import type { SkillVerdict } from '../detection/projectRules';
import { projectName } from '../detection/projectRules';
import type { EvidenceView, MilestoneCheckView, SkillLink, SkillView } from './protocol';
import { QUIZ_PASSED, quizPassProvesSkill } from '../quiz/passRecord';
import { buildQuizView, quizCheck } from './quizViews';
import { testsNotRunReason } from '../milestones/testsNotRun';
import { studyEstimate } from './labels';

const TEST_PASSING = 'test.passing';

/**
 * A milestone check as the editor shows it. Passing tests are never found by a scan: until a run is seen,
 * the check says how to run them in the editor (not the CLI's flag) and offers Run My Tests.
 */
export function editorCheck(id: string, group: 'all' | 'any', status: MilestoneSummary): MilestoneCheckView {
  const check: MilestoneCheckView = { id, title: milestoneTitle(id), group, ...status };
  return id === TEST_PASSING && (status.status === 'unknown' || status.status === 'missing') ? { ...check, detail: testsNotRunReason('editor'), action: 'runTests' } : check;
}

export interface DetectionInfo {
  /** Status of a milestone across the open workspace folders, counting only credited evidence as present. */
  milestoneStatus(id: string): MilestoneSummary;
  /** How a rule fares per project (a rule is met inside one project, by the learner's own work). */
  judge(skill: Skill & { readonly detect: DetectRule }): SkillVerdict;
  /** A sentence for the panel when detection is off or limited (untrusted workspace, no folder). */
  readonly limitation: string | undefined;
}

/** Why a skill with a rule is (not) done, in one or two sentences. */
export function detectionNoteFor(skill: Skill & { readonly detect: DetectRule }, detection: DetectionInfo): string {
  if (detection.limitation !== undefined) {
    return detection.limitation;
  }
  const verdict = detection.judge(skill);
  if (verdict.complete && verdict.project !== undefined) {
    return `Proved by your own work in ${projectName(verdict.project)}. A state you set by hand is never overruled.`;
  }
  if (verdict.onlyAcrossProjects) {
    return 'Your projects show these milestones only between them, not all in one: a skill is proved inside one project, so build them together in one.';
  }
  if (verdict.seenNotCredited.length > 0) {
    const where = verdict.seenNotCredited.map(projectName).join(', ');
    return `Seen in ${where}, but written by someone else: only your own commits and changes prove a skill (setting "backendRoadmap.detection.credit"). Make the change yourself, or tell Backend Roadmap your other emails (setting "backendRoadmap.identity.emails").`;
  }
  return 'Marked done automatically when one of your projects shows the milestones below in your own work. A state you set by hand is never overruled.';
}

function link(roadmap: Roadmap, progress: ProgressMap, skill: Skill): SkillLink {
  return { id: skill.id, title: skill.title, state: progressOf(progress, skill.id).state };
}

export function evidenceView(evidence: Evidence, index: number): EvidenceView {
  const location = evidence.path ? `${evidence.path}${evidence.line ? `:${evidence.line}` : ''}` : evidence.commit ? `commit ${evidence.commit.slice(0, 7)}` : evidence.command ? `${evidence.command} → exit ${evidence.exitCode ?? '?'}` : undefined;
  return {
    index,
    milestoneTitle: milestoneTitle(evidence.milestone),
    summary: evidence.summary,
    ...(evidence.folder ? { folderName: path.basename(evidence.folder) } : {}),
    ...(location ? { location } : {}),
    at: evidence.at,
    openable: evidence.folder !== undefined && (evidence.path !== undefined || evidence.commit !== undefined),
  };
}

export function buildSkillView(roadmap: Roadmap, progress: ProgressMap, skill: Skill, detection: DetectionInfo): SkillView {
  const record = progressOf(progress, skill.id);
  const stage = roadmap.stageById.get(skill.stageId);
  const next = followingSkill(roadmap, skill);
  const when = record.at ? new Date(record.at).toLocaleString() : '';
  const stateDetail = record.state === 'notStarted' ? '' : record.setBy === 'detector' ? `Proved automatically · ${when}` : `Set by you · ${when}`;
  // quiz.passed belongs to the skill, not to a project: its check reads the skill's own record.
  const check = (id: string, group: 'all' | 'any'): MilestoneCheckView =>
    id === QUIZ_PASSED ? quizCheck(record, group) : editorCheck(id, group, detection.milestoneStatus(id));
  const checks: MilestoneCheckView[] = skill.detect ? [...skill.detect.all.map((id) => check(id, 'all')), ...skill.detect.any.map((id) => check(id, 'any'))] : [];
  const quiz = buildQuizView(skill);
  const detectionNote = !skill.detect
    ? 'This skill has no automatic check: mark it yourself when you are confident.'
    : quizPassProvesSkill(skill)
      ? 'Marked done when you pass the self-check in "Check yourself" above. A state you set by hand is never overruled.'
      : detectionNoteFor({ ...skill, detect: skill.detect }, detection);
  return {
    kind: 'skill',
    id: skill.id,
    title: skill.title,
    stage: { id: skill.stageId, title: stage?.title ?? skill.stageId, order: stage?.order ?? 0 },
    summaryHtml: renderMarkdown(skill.summary),
    whyHtml: renderMarkdown(skill.whyItMatters),
    subtopics: skill.subtopics,
    resources: skill.resources,
    practiceHtml: skill.practice.map(renderInlineMarkdown),
    projectIdeas: (stage?.projectIdeas ?? []).map((idea) => ({ title: idea.title, descriptionHtml: renderInlineMarkdown(idea.description), ...(isProjectBrief(idea) ? { briefId: idea.id } : {}) })),
    estimatedHours: skill.estimatedHours,
    estimate: studyEstimate(skill.estimatedHours),
    state: record.state,
    stateLabel: STATE_LABELS[record.state],
    stateDetail,
    ...(record.note ? { note: record.note } : {}),
    prerequisites: skill.prerequisites.flatMap((id) => {
      const prerequisite = roadmap.skillById.get(id);
      return prerequisite ? [link(roadmap, progress, prerequisite)] : [];
    }),
    ...(next ? { next: link(roadmap, progress, next) } : {}),
    evidence: record.evidence.map(evidenceView),
    checks,
    detectionNote,
    ...(quiz ? { quiz } : {}),
  };
}
