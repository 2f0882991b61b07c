import * as path from 'node:path';
import { renderInlineMarkdown, renderMarkdown } from '../../core/content/markdown';
import { milestoneTitle } from '../../core/milestones/catalog';
import { STATE_LABELS } from '../../core/progress/model';
import type { Evidence, ProgressMap } from '../../core/progress/model';
import { followingSkill, suggestNextSkill } from '../../core/progress/nextSkill';
import { progressOf } from '../../core/progress/rules';
import { percent, roadmapCounts, stageCounts } from '../../core/progress/stats';
import type { Roadmap, Skill } from '../../core/roadmap/model';
import type { DashboardView, EvidenceView, MilestoneCheckView, SkillLink, SkillView } from './protocol';

/** What the detection layer knows about one milestone right now (issue: automatic detection). */
export interface MilestoneStatus {
  readonly status: 'present' | 'missing' | 'unknown';
  readonly detail: string;
}

export interface DetectionInfo {
  /** Status of a milestone across the open workspace folders. */
  milestoneStatus(id: string): MilestoneStatus;
  /** A sentence for the panel when detection is off or limited (untrusted workspace, no folder). */
  readonly limitation: string | undefined;
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
  const checks: MilestoneCheckView[] = skill.detect
    ? [
        ...skill.detect.all.map((id) => ({ id, title: milestoneTitle(id), group: 'all' as const, ...detection.milestoneStatus(id) })),
        ...skill.detect.any.map((id) => ({ id, title: milestoneTitle(id), group: 'any' as const, ...detection.milestoneStatus(id) })),
      ]
    : [];
  const detectionNote = !skill.detect
    ? 'This skill has no automatic check: mark it yourself when you are confident.'
    : (detection.limitation ?? 'Marked done automatically when your workspace shows the milestones below. A state you set by hand is never overruled.');
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
    projectIdeas: (stage?.projectIdeas ?? []).map((idea) => ({ title: idea.title, descriptionHtml: renderInlineMarkdown(idea.description) })),
    estimatedHours: skill.estimatedHours,
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
  };
}

export function buildDashboardView(roadmap: Roadmap, progress: ProgressMap): DashboardView {
  const overall = roadmapCounts(roadmap, progress);
  const next = suggestNextSkill(roadmap, progress);
  return {
    kind: 'dashboard',
    done: overall.done,
    total: overall.total,
    percent: percent(overall),
    stages: roadmap.stages.map((stage) => {
      const counts = stageCounts(stage, progress);
      return { id: stage.id, title: stage.title, order: stage.order, done: counts.done, total: counts.total, percent: percent(counts), firstSkillId: stage.skills[0]?.id };
    }),
    ...(next ? { next: { ...link(roadmap, progress, next), stageTitle: roadmap.stageById.get(next.stageId)?.title ?? '' } } : {}),
  };
}
