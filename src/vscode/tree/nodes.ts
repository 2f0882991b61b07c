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
import { stateIcon } from './stateIcons';

export type RoadmapNode = StageNode | SkillNode | ProblemNode;

export class StageNode {
  readonly kind = 'stage';
  constructor(
    readonly stage: Stage,
    readonly counts: ProgressCounts,
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
    const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
    const summary = `${counts.done} of ${counts.total} skills done${skipped} (${percent(counts)}%)`;
    item.tooltip = new vscode.MarkdownString(`**${escapeMarkdown(stage.title)}**\n\n${summary} · ${studyEstimate(stageHours(stage))}`);
    item.accessibilityInformation = { label: `Stage ${stage.order}: ${stage.title}, ${summary}` };
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
    item.description = progress.state === 'notStarted' ? '' : auto ? 'done · proved' : STATE_LABELS[progress.state].toLowerCase();
    item.command = { command: CommandId.ShowSkill, title: 'Show Skill', arguments: [skill.id] };
    item.tooltip = skillTooltip(skill, progress);
    const how = auto ? ', proved automatically' : '';
    item.accessibilityInformation = { label: `${skill.title}, ${STATE_LABELS[progress.state]}${how}` };
    return item;
  }
}

export class ProblemNode {
  readonly kind = 'problem';
  constructor(readonly problems: readonly RoadmapProblem[]) {}

  toTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(`Roadmap content has ${plural(this.problems.length, 'problem')}`, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
    item.description = 'open the Problems panel';
    item.tooltip = this.problems.slice(0, 5).map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n');
    item.command = { command: 'workbench.actions.view.problems', title: 'Show Problems' };
    return item;
  }
}

function skillTooltip(skill: Skill, progress: SkillProgress): vscode.MarkdownString {
  const lines = [`**${escapeMarkdown(skill.title)}** · ${STATE_LABELS[progress.state]}`, '', firstSentence(skill.summary), '', capitalise(studyEstimate(skill.estimatedHours))];
  if (progress.at && progress.state !== 'notStarted') {
    const who = progress.setBy === 'detector' ? 'proved automatically' : 'set by you';
    lines.push('', `${who}, ${new Date(progress.at).toLocaleString()}`);
  }
  const proof = progress.evidence[0];
  if (proof) {
    lines.push('', `Evidence: ${escapeMarkdown(milestoneTitle(proof.milestone))} — ${markdownWithCode(proof.summary)}`);
  }
  if (progress.note) {
    lines.push('', `Note: ${escapeMarkdown(progress.note)}`);
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
