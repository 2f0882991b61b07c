import * as os from 'node:os';
import * as vscode from 'vscode';
import { describeImportLosses, exportBackups, exportProgress, parseProgressExport } from '../core/progress/exchange';
import { STATE_LABELS } from '../core/progress/model';
import type { SkillState } from '../core/progress/model';
import type { Skill } from '../core/roadmap/model';
import { agree, plural } from '../core/text/plural';
import { CommandId, WALKTHROUGH_ID } from '../core/view/commandIds';
import { choosePath } from './choosePath';
import { startReview, suggestNext } from './plan/planCommands';
import type { PlanCommandDeps } from './plan/planCommands';
import { setConfig } from './config';
import { showEvidence } from './detection/evidenceViewer';
import { recheckWorkspace } from './detection/recheckCommand';
import { runMyTests } from './detection/runMyTests';
import { exportPortfolioCommand } from './portfolio/exportPortfolioCommand';
import { scanMyProjectsCommand } from './scanProjects/scanMyProjectsCommand';
import type { Services } from './services';
import { pickSkill } from './skillPicker';
import { switchRoadmap } from './switchRoadmap';
import { SkillNode } from './tree/nodes';
import { errorMessage } from '../core/errorMessage';

/** A command's target skill: a tree node (context menu), an id (links, tests), or nothing (palette). */
type SkillArgument = SkillNode | string | undefined;

/**
 * Runs any command in CommandId (the loader registered them all at activation: src/vscode/extension.ts);
 * a failure is logged and shown to the learner instead of thrown.
 */
export function commandRunner(services: Services): (id: CommandId, args: readonly unknown[]) => Promise<unknown> {
  const handlers: Record<CommandId, (...args: never[]) => unknown> = {
    [CommandId.OpenDashboard]: async () => {
      await services.roadmaps.require();
      services.panel.showDashboard();
    },
    [CommandId.GoToSkill]: async () => {
      const skill = await pickSkill(await services.roadmaps.require(), services.progress, vscode.l10n.t('Go to a skill: type a title, stage or subtopic'));
      if (skill) {
        showSkill(services, skill);
      }
    },
    [CommandId.ShowSkill]: async (skillId: string) => {
      const skill = (await services.roadmaps.require()).skillById.get(skillId);
      if (!skill) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Backend Roadmap has no skill "{0}".', skillId));
        return;
      }
      services.panel.showSkill(skill.id);
    },
    [CommandId.MarkDone]: (arg: SkillArgument) => markCurrent(services, arg, 'done'),
    [CommandId.MarkInProgress]: (arg: SkillArgument) => markCurrent(services, arg, 'inProgress'),
    [CommandId.MarkSkipped]: (arg: SkillArgument) => markCurrent(services, arg, 'skipped'),
    [CommandId.ResetSkill]: (arg: SkillArgument) => markCurrent(services, arg, 'notStarted'),
    [CommandId.EditNote]: async (arg: SkillArgument, text?: string) => {
      const skill = await resolveSkill(services, arg, vscode.l10n.t('Add a note to which skill?'));
      if (!skill) {
        return;
      }
      const note = text ?? await vscode.window.showInputBox({ title: vscode.l10n.t('Note for "{0}"', skill.title), value: services.progress.get(skill.id).note ?? '', prompt: vscode.l10n.t('A reminder for yourself: what you built, what is left. Empty removes the note.') });
      if (note !== undefined) {
        await services.progress.setNote(skill.id, note);
      }
    },
    [CommandId.SuggestNext]: () => suggestNext(planCommandDeps(services)),
    [CommandId.ExportProgress]: async (target?: vscode.Uri | { backup: true }) => exportCommand(services, target),
    [CommandId.ImportProgress]: async (source?: vscode.Uri) => importCommand(services, source),
    [CommandId.ResetAllProgress]: async (options?: { confirmed: true }) => {
      if (options?.confirmed !== true) {
        const resetAll = vscode.l10n.t('Reset All');
        const exportFirst = vscode.l10n.t('Export First');
        const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Reset all Backend Roadmap progress? Every state, note and piece of evidence is removed. Export first if you may want it back.'), { modal: true }, resetAll, exportFirst);
        if (answer === exportFirst) {
          await vscode.commands.executeCommand(CommandId.ExportProgress);
          return;
        }
        if (answer !== resetAll) {
          return;
        }
      }
      await services.progress.replaceAll({});
      // "Every piece of evidence": the remembered test runs and practised commands too.
      await services.detection.forgetEvents();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Backend Roadmap: all progress reset'), 4000);
    },
    [CommandId.HideFinished]: () => setConfig('tree.hideFinished', true),
    [CommandId.ShowFinished]: () => setConfig('tree.hideFinished', false),
    [CommandId.ShowPathOnly]: () => setConfig('tree.pathOnly', true),
    [CommandId.ShowWholeRoadmap]: () => setConfig('tree.pathOnly', false),
    [CommandId.StartReview]: () => startReview(planCommandDeps(services)),
    [CommandId.RecheckWorkspace]: () => recheckWorkspace(services.detection, services.notifier),
    [CommandId.RunMyTests]: () => runMyTests({ logger: services.logger, detection: services.detection, notifier: services.notifier, roadmaps: services.roadmaps, progress: services.progress }),
    [CommandId.ShowEvidence]: (skillId?: string, index?: number) => showEvidence(services, skillId, index),
    [CommandId.ChoosePath]: () => choosePath(services),
    [CommandId.StartProject]: (briefId?: unknown, folder?: vscode.Uri | string) => services.briefs.start(typeof briefId === 'string' ? briefId : undefined, folder),
    [CommandId.ExportPortfolio]: (target?: vscode.Uri) => exportPortfolioCommand(services, target instanceof vscode.Uri ? target : undefined),
    [CommandId.ScanMyProjects]: (root?: vscode.Uri, options?: { confirmed?: boolean }) => scanMyProjectsCommand({ roadmaps: services.roadmaps, progress: services.progress, logger: services.logger, detection: () => services.detection }, root instanceof vscode.Uri ? root : undefined, options),
    [CommandId.OpenWalkthrough]: () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${services.context.extension.id}#${WALKTHROUGH_ID}`, false),
    [CommandId.SwitchRoadmap]: () => switchRoadmap(services.roadmaps),
  };

  return async (id, args) => {
    try {
      return await (handlers[id] as (...args: readonly unknown[]) => unknown)(...args);
    } catch (error) {
      services.logger.error(`Command ${id} failed`, error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Backend Roadmap: {0}', errorMessage(error)));
      return undefined;
    }
  };
}

function planCommandDeps(services: Services): PlanCommandDeps {
  return { roadmaps: services.roadmaps, progress: services.progress, plan: services.plan, showSkill: (skill) => showSkill(services, skill) };
}

/** Shows the skill in the panel; the panel's onDidShowSkill reveals it in the tree. */
function showSkill(services: Services, skill: Skill): void {
  services.panel.showSkill(skill.id);
}

async function resolveSkill(services: Services, arg: SkillArgument, placeHolder: string): Promise<Skill | undefined> {
  const roadmap = await services.roadmaps.require();
  const id = arg instanceof SkillNode ? arg.skill.id : typeof arg === 'string' ? arg : (services.panel.currentSkillId ?? services.selectedSkillId());
  if (id !== undefined) {
    const skill = roadmap.skillById.get(id);
    if (!skill) {
      throw new Error(vscode.l10n.t('there is no skill "{0}" in the roadmap', id));
    }
    return skill;
  }
  return pickSkill(roadmap, services.progress, placeHolder);
}

async function markCurrent(services: Services, arg: SkillArgument, state: SkillState): Promise<void> {
  const skill = await resolveSkill(services, arg, vscode.l10n.t('Mark which skill as {0}?', STATE_LABELS[state].toLowerCase()));
  if (!skill) {
    return;
  }
  await services.progress.setState(skill.id, state);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0}: {1}', skill.title, STATE_LABELS[state].toLowerCase()), 3000);
}

async function exportCommand(services: Services, target: vscode.Uri | { backup: true } | undefined): Promise<vscode.Uri | undefined> {
  const backup = target !== undefined && !(target instanceof vscode.Uri);
  const stamp = new Date().toISOString().slice(0, 10);
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          title: backup ? vscode.l10n.t('Save the unreadable progress backup') : vscode.l10n.t('Export Backend Roadmap progress'),
          defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir()), backup ? `backend-roadmap-backup-${stamp}.json` : `backend-roadmap-progress-${stamp}.json`),
          filters: { JSON: ['json'] },
        });
  if (!uri) {
    return undefined;
  }
  const text = backup ? exportBackups(services.progress.backups(), new Date()) : exportProgress(services.progress.all, new Date());
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(backup ? vscode.l10n.t('Backend Roadmap: backup saved to {0}', uri.fsPath) : vscode.l10n.t('Backend Roadmap: progress saved to {0}', uri.fsPath));
  return uri;
}

async function importCommand(services: Services, source: vscode.Uri | undefined): Promise<{ added: number; updated: number; unchanged: number } | undefined> {
  const uri = source ?? (await vscode.window.showOpenDialog({ title: vscode.l10n.t('Import Backend Roadmap progress'), canSelectMany: false, filters: { JSON: ['json'] } }))?.[0];
  if (!uri) {
    return undefined;
  }
  const roadmap = await services.roadmaps.require();
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    throw new Error(vscode.l10n.t('could not read {0}: {1}', uri.fsPath, errorMessage(error)), { cause: error });
  }
  const parsed = parseProgressExport(text);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Backend Roadmap did not import {0}: {1}. Your progress is unchanged.', uri.fsPath, parsed.reason));
    return undefined;
  }
  if (Object.keys(parsed.progress).length === 0 && parsed.skipped.length > 0) {
    // Nothing readable: say so instead of reporting an import of nothing.
    void vscode.window.showErrorMessage(vscode.l10n.t('Backend Roadmap did not import {0}: no record in it could be read. {1} Your progress is unchanged.', uri.fsPath, describeImportLosses(parsed.skipped, [])));
    return undefined;
  }
  const merged = await services.progress.importProgress(parsed.progress, (id) => roadmap.skillById.has(id));
  const unknown = merged.unknownSkills.length > 0 ? vscode.l10n.t(' {0} {1} not in this roadmap and {2} kept aside.', plural(merged.unknownSkills.length, 'skill'), agree(merged.unknownSkills.length, 'is', 'are'), agree(merged.unknownSkills.length, 'was', 'were')) : '';
  const losses = describeImportLosses(parsed.skipped, merged.notAdded);
  const summary = vscode.l10n.t('Backend Roadmap imported progress: {0} added, {1} updated, {2} unchanged.{3}', merged.added, merged.updated, merged.unchanged, unknown);
  void (losses === '' ? vscode.window.showInformationMessage(summary) : vscode.window.showWarningMessage(`${summary} ${losses}`));
  return { added: merged.added, updated: merged.updated, unchanged: merged.unchanged };
}
