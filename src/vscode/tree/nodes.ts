import * as vscode from 'vscode';
import { milestoneTitle } from '../../core/milestones/catalog';
import { STATE_LABELS } from '../../core/progress/model';
import type { SkillProgress } from '../../core/progress/model';
import { percent, stageState } from '../../core/progress/stats';
import type { ProgressCounts } from '../../core/progress/stats';
import type { Skill, Stage } from '../../core/roadmap/model';
import type { RoadmapProblem } from '../../core/roadmap/problems';
import { stageHours } from '../../core/roadmap/stageHours';
import { plural } from '../../core/text/plural';
import { CommandId } from '../../core/view/commandIds';
import { inlineCodeParts } from '../../core/view/inlineCode';
import { stageRow, studyEstimate } from '../../core/view/labels';
import { readText } from '../../core/roadmap/readText';
import { stateIcon } from './stateIcons';

export type RoadmapNode = StageNode | SkillNode | ProblemNode;

export class StageNode {
  readonly kind = 'stage';
  constructor(
    readonly stage: Stage,
    readonly counts: ProgressCounts,
    /** Set while the tree shows the learner's path only: the stage's skills on it, which `counts` counts. */
    readonly pathSkills?: readonly Skill[],
  ) {}

  toTreeItem(): vscode.TreeItem {
    const { stage, counts } = this;
    // A long title is shortened so done/total stays in view; the tooltip and accessible label keep it whole.
    const row = stageRow(stage.title, counts.done, counts.total);
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `stage:${stage.id}`;
    item.description = row.description;
    item.iconPath = stateIcon(stageState(counts));
    item.contextValue = 'stage';
    const skipped = counts.skipped > 0 ? vscode.l10n.t(', {0} skipped', counts.skipped) : '';
    const summary =
      this.pathSkills === undefined
        ? vscode.l10n.t('{0} of {1} skills done{2} ({3}%)', counts.done, counts.total, skipped, percent(counts))
        : vscode.l10n.t('{0} of {1} skills on your path done{2} ({3}%)', counts.done, counts.total, skipped, percent(counts));
    item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(stage.title)}**\n\n${summary} · ${studyEstimate(stageHours({ skills: this.pathSkills ?? stage.skills }))}`);
    item.accessibilityInformation = { label: vscode.l10n.t('Stage {0}: {1}, {2}', stage.order, stage.title, summary) };
    return item;
  }
}

export class SkillNode {
  readonly kind = 'skill';
  constructor(
    readonly skill: Skill,
    readonly progress: SkillProgress,
  ) {}

  toTreeItem(): vscode.TreeItem {
    const { skill, progress } = this;
    const item = new vscode.TreeItem(skill.title, vscode.TreeItemCollapsibleState.None);
    item.id = `skill:${skill.id}`;
    item.iconPath = stateIcon(progress.state);
    item.contextValue = `skill.${progress.state}`;
    const auto = progress.state === 'done' && progress.setBy === 'detector';
    item.description = progress.state === 'notStarted' ? '' : auto ? vscode.l10n.t('done · proved') : STATE_LABELS[progress.state].toLowerCase();
    item.command = { command: CommandId.ShowSkill, title: vscode.l10n.t('Show Skill'), arguments: [skill.id] };
    // The tooltip is left for RoadmapTreeProvider.resolveTreeItem: it needs the skill's summary.
    const how = auto ? vscode.l10n.t(', proved automatically') : '';
    item.accessibilityInformation = { label: `${skill.title}, ${STATE_LABELS[progress.state]}${how}` };
    return item;
  }

  tooltip(): vscode.MarkdownString {
    return skillTooltip(this.skill, this.progress);
  }
}

export class ProblemNode {
  readonly kind = 'problem';
  constructor(readonly problems: readonly RoadmapProblem[]) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(vscode.l10n.t('Roadmap content has {0}', plural(this.problems.length, 'problem')), vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.description = vscode.l10n.t('open the Problems panel');
    item.tooltip = this.problems.slice(0, 5).map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n');
    item.command = { command: 'workbench.actions.view.problems', title: vscode.l10n.t('Show Problems') };
    return item;
  }
}

function skillTooltip(skill: Skill, progress: SkillProgress): vscode.MarkdownString {
  const summary = readText(() => firstSentence(skill.summary));
  const about = summary.ok ? summary.value : escapeMarkdown(vscode.l10n.t('The text of this skill cannot be shown: {0}', summary.reason));
  const lines = [`**${escapeMarkdown(skill.title)}** · ${STATE_LABELS[progress.state]}`, '', about, '', capitalise(studyEstimate(skill.estimatedHours))];
  if (progress.at && progress.state !== 'notStarted') {
    const who = progress.setBy === 'detector' ? vscode.l10n.t('proved automatically') : vscode.l10n.t('set by you');
    lines.push('', `${who}, ${new Date(progress.at).toLocaleString()}`);
  }
  const proof = progress.evidence[0];
  if (proof) {
    lines.push('', vscode.l10n.t('Evidence: {0} — {1}', escapeMarkdown(milestoneTitle(proof.milestone)), markdownWithCode(proof.summary)));
  }
  if (progress.note) {
    lines.push('', vscode.l10n.t('Note: {0}', escapeMarkdown(progress.note)));
  }
  // Plain MarkdownString: untrusted content, no command links, no HTML.
  return new vscode.MarkdownString(lines.join('\n'));
}

function firstSentence(markdown: string): string {
  const text = markdown.replace(/\s+/g, ' ').trim();
  const end = text.search(/[.!?](\s|$)/);
  return end > 0 ? text.slice(0, end + 1) : text;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Evidence text with its `backticked` parts as code spans, the rest escaped (as the details page shows it). */
function markdownWithCode(text: string): string {
  return inlineCodeParts(text)
    .map((part) => (part.code ? `\`${part.text}\`` : escapeMarkdown(part.text)))
    .join('');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, '\\$&');
}
