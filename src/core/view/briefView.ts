import * as path from 'node:path';
import type { FinishedBriefRecord } from '../briefs/briefRecords';
import { parseBriefCheck } from '../briefs/briefChecks';
import { checkBrief } from '../briefs/checkBrief';
import type { BriefCheckOptions, BriefCheckResult, BriefStatus, CriterionResult } from '../briefs/checkBrief';
import { judgeBrief } from '../briefs/judgeBrief';
import type { StageBrief } from '../briefs/roadmapBriefs';
import { renderInlineMarkdown, renderMarkdown } from '../content/markdown';
import type { CreditPolicy } from '../detection/credit';
import type { ProjectFacts } from '../detection/projectRules';
import { milestoneTitle } from '../milestones/catalog';
import type { Evidence, ProgressMap } from '../progress/model';
import { progressOf } from '../progress/rules';
import type { Roadmap } from '../roadmap/model';
import { plural } from '../text/plural';
import type { BriefCheckView, BriefCriterionView, BriefEvidenceView, BriefRowStatus, BriefView } from './briefViewTypes';
import { evidenceView } from './viewModels';

export interface BriefViewInput {
  readonly roadmap: Roadmap;
  readonly entry: StageBrief;
  readonly progress: ProgressMap;
  readonly policy: CreditPolicy;
  /** Facts per checked folder (the detection core's ledger); a folder not checked yet has none. */
  readonly projects: readonly ProjectFacts[];
  /** The workspace folders open on disk. */
  readonly openFolders: readonly string[];
  /** The learner started this brief. */
  readonly active: boolean;
  /** The folder the learner chose for it (active briefs only). */
  readonly chosenFolder?: string;
  /** Why detection is off or limited (Restricted Mode, checks disabled), when it is. */
  readonly limitation?: string;
  readonly finished: readonly FinishedBriefRecord[];
}

export interface BuiltBriefView {
  readonly view: BriefView;
  /** The evidence the view's `EvidenceView.index` values refer to, for opening one. */
  readonly evidence: readonly Evidence[];
}

const CHECK_LABELS: Readonly<Record<BriefRowStatus, string>> = {
  found: 'Found',
  missing: 'Missing',
  notYours: "Someone else's work",
  notChecked: 'Not checked',
  checkYourself: 'Check yourself',
};

/** The brief's page: its goal, and its checklist in the chosen folder (or the open folder that comes closest). */
export function buildBriefView(input: BriefViewInput): BuiltBriefView {
  const { brief, stage } = input.entry;
  const options: BriefCheckOptions = { policy: input.policy, progress: input.progress };
  const open = new Set(input.openFolders);
  const openProjects = input.projects.filter((project) => open.has(project.folder));
  const verdict = judgeBrief(brief, openProjects, options);
  const chosen = input.chosenFolder;
  // A chosen folder that is open but not checked yet has no facts: its checks read "missing" until the check runs.
  const status: BriefStatus =
    chosen === undefined
      ? verdict.best
      : checkBrief(brief, input.projects.find((project) => project.folder === chosen) ?? (open.has(chosen) ? { folder: chosen, repository: false, milestones: new Map() } : undefined), options);
  const folderPath = chosen ?? status.folder;
  const folder = folderPath === undefined ? undefined : { name: path.basename(folderPath) || folderPath, chosen: chosen !== undefined, open: open.has(folderPath) };
  const checked = folderPath !== undefined && input.projects.some((project) => project.folder === folderPath);
  const complete = chosen !== undefined && open.has(chosen) && status.complete;
  const finished = input.finished.find((record) => record.briefId === brief.id && (chosen === undefined || record.folder === chosen));
  const completedOn = finished === undefined ? undefined : isoDate(finished.completedAt);

  const evidence: Evidence[] = [];
  const criteria = status.criteria.map((criterion) => criterionView(criterion, input.roadmap, evidence));
  const notes = [
    ...(input.limitation === undefined ? [] : [input.limitation]),
    ...(verdict.onlyAcrossFolders && !complete ? ['Your folders show every check only between them: a brief is completed inside one folder, so build it in one.'] : []),
    ...(criteria.some((criterion) => criterion.status === 'checkYourself') ? ['Criteria marked "Check yourself" name nothing a check can see: you judge them.'] : []),
  ];
  return {
    view: {
      kind: 'brief',
      id: brief.id,
      title: brief.title,
      stage: { id: stage.id, title: stage.title, order: stage.order },
      goalHtml: renderMarkdown(brief.goal),
      descriptionHtml: renderInlineMarkdown(brief.description),
      skills: brief.skills.flatMap((id) => {
        const skill = input.roadmap.skillById.get(id);
        return skill === undefined ? [] : [{ id: skill.id, title: skill.title, state: progressOf(input.progress, skill.id).state }];
      }),
      active: input.active,
      ...(folder === undefined ? {} : { folder }),
      summary: summary(status, folder, checked, complete),
      notes,
      criteria,
      checksFound: status.checksFound,
      checksTotal: status.checksTotal,
      complete,
      ...(completedOn === undefined ? {} : { completedOn }),
    },
    evidence,
  };
}

function summary(status: BriefStatus, folder: BriefView['folder'], checked: boolean, complete: boolean): string {
  const found = `${status.checksFound} of ${plural(status.checksTotal, 'check')} found`;
  if (folder === undefined) {
    return `Not started. Open your project's folder, then use Start project to have this brief checked as you work (${found}).`;
  }
  if (!folder.chosen) {
    return `Not started. ${folder.name} comes closest: ${found}. Use Start project to choose the folder you build it in.`;
  }
  if (!folder.open) {
    return `${folder.name} is not open in this window: open it (File > Add Folder to Workspace), or choose another folder with Change folder.`;
  }
  if (!checked) {
    return `Checking ${folder.name}… The checklist fills in when the first check of the folder is done.`;
  }
  if (complete) {
    return `Brief complete: every check is found in ${folder.name} by your own work. It is in your portfolio (Export Portfolio).`;
  }
  return `Checked in ${folder.name}: ${found}. The list updates as you work.`;
}

function criterionView(criterion: CriterionResult, roadmap: Roadmap, evidence: Evidence[]): BriefCriterionView {
  const checks = criterion.checks.map((check) => checkView(check, roadmap, evidence));
  const status = rowStatus(criterion);
  return { textHtml: renderInlineMarkdown(criterion.text), status, statusLabel: CHECK_LABELS[status], checks };
}

/** Missing first: it is what the learner has to build; then someone else's work, then what could not be checked. */
function rowStatus(criterion: CriterionResult): BriefRowStatus {
  if (criterion.status !== 'missing') {
    return criterion.status;
  }
  const statuses = new Set(criterion.checks.map((check) => check.status));
  return statuses.has('missing') ? 'missing' : statuses.has('notYours') ? 'notYours' : 'notChecked';
}

function checkView(check: BriefCheckResult, roadmap: Roadmap, evidence: Evidence[]): BriefCheckView {
  const views = check.evidence.map((item) => {
    evidence.push(item);
    const view: BriefEvidenceView = evidenceView(item, evidence.length - 1);
    return item.commit === undefined || item.path === undefined ? view : { ...view, commit: item.commit.slice(0, 7) };
  });
  return {
    check: check.check,
    title: checkTitle(check.check, roadmap),
    status: check.status,
    statusLabel: CHECK_LABELS[check.status],
    ...(check.reason === undefined ? {} : { reason: check.reason }),
    evidence: views,
  };
}

function checkTitle(check: string, roadmap: Roadmap): string {
  const parsed = parseBriefCheck(check);
  if (parsed.kind === 'quiz') {
    return `Self-check passed: ${roadmap.skillById.get(parsed.skillId)?.title ?? parsed.skillId}`;
  }
  return milestoneTitle(parsed.id);
}

function isoDate(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 10);
}
