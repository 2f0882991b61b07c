import * as os from 'node:os';
import * as vscode from 'vscode';
import { describeImportLosses, exportBackups, exportProgress, parseProgressExport } from '../core/progress/exchange';
import { STATE_LABELS } from '../core/progress/model';
import type { SkillState } from '../core/progress/model';
import { suggestNextSkill } from '../core/progress/nextSkill';
import type { Skill } from '../core/roadmap/model';
import { agree, plural } from '../core/text/plural';
import { CommandId, WALKTHROUGH_ID } from '../core/view/commandIds';
import { choosePath } from './choosePath';
import { setConfig } from './config';
import { showEvidence } from './detection/evidenceViewer';
import { recheckWorkspace } from './detection/recheckCommand';
import { runMyTests } from './detection/runMyTests';
import type { Services } from './services';
import { pickSkill } from './skillPicker';
import { SkillNode } from './tree/nodes';

/** A command's target skill: a tree node (context menu), an id (links, tests), or nothing (palette). */
type SkillArgument = SkillNode | string | undefined;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Registers every command in CommandId; each handler reports failures instead of throwing silently. */
export function registerCommands(services: Services): vscode.Disposable[] {
  const handlers: Record<CommandId, (...args: never[]) => unknown> = {
    [CommandId.OpenDashboard]: async () => {
      await services.roadmaps.require();
      services.panel.showDashboard();
    },
    [CommandId.GoToSkill]: async () => {
      const skill = await pickSkill(await services.roadmaps.require(), services.progress, 'Go to a skill: type a title, stage or subtopic');
      if (skill) {
        showSkill(services, skill);
      }
    },
    [CommandId.ShowSkill]: async (skillId: string) => {
      const skill = (await services.roadmaps.require()).skillById.get(skillId);
      if (!skill) {
        void vscode.window.showWarningMessage(`Backend Roadmap has no skill "${skillId}".`);
        return;
      }
      services.panel.showSkill(skill.id);
    },
    [CommandId.MarkDone]: (arg: SkillArgument) => markCurrent(services, arg, 'done'),
    [CommandId.MarkInProgress]: (arg: SkillArgument) => markCurrent(services, arg, 'inProgress'),
    [CommandId.MarkSkipped]: (arg: SkillArgument) => markCurrent(services, arg, 'skipped'),
    [CommandId.ResetSkill]: (arg: SkillArgument) => markCurrent(services, arg, 'notStarted'),
    [CommandId.EditNote]: async (arg: SkillArgument, text?: string) => {
      const skill = await resolveSkill(services, arg, 'Add a note to which skill?');
      if (!skill) {
        return;
      }
      const note = text ?? await vscode.window.showInputBox({ title: `Note for "${skill.title}"`, value: services.progress.get(skill.id).note ?? '', prompt: 'A reminder for yourself: what you built, what is left. Empty removes the note.' });
      if (note !== undefined) {
        await services.progress.setNote(skill.id, note);
      }
    },
    [CommandId.SuggestNext]: async () => {
      const roadmap = await services.roadmaps.require();
      const next = suggestNextSkill(roadmap, services.progress.all);
      if (!next) {
        void vscode.window.showInformationMessage('Every skill is done or skipped. Pick a project from the last stage and build it!');
        return undefined;
      }
      showSkill(services, next);
      return next.id;
    },
    [CommandId.ExportProgress]: async (target?: vscode.Uri | { backup: true }) => exportCommand(services, target),
    [CommandId.ImportProgress]: async (source?: vscode.Uri) => importCommand(services, source),
    [CommandId.ResetAllProgress]: async (options?: { confirmed: true }) => {
      if (options?.confirmed !== true) {
        const answer = await vscode.window.showWarningMessage('Reset all Backend Roadmap progress? Every state, note and piece of evidence is removed. Export first if you may want it back.', { modal: true }, 'Reset All', 'Export First');
        if (answer === 'Export First') {
          await vscode.commands.executeCommand(CommandId.ExportProgress);
          return;
        }
        if (answer !== 'Reset All') {
          return;
        }
      }
      await services.progress.replaceAll({});
      // "Every piece of evidence": the remembered test runs and practised commands too.
      await services.detection.forgetEvents();
      void vscode.window.setStatusBarMessage('Backend Roadmap: all progress reset', 4000);
    },
    [CommandId.HideFinished]: () => setConfig('tree.hideFinished', true),
    [CommandId.ShowFinished]: () => setConfig('tree.hideFinished', false),
    [CommandId.RecheckWorkspace]: () => recheckWorkspace(services.detection, services.notifier),
    [CommandId.RunMyTests]: () => runMyTests({ logger: services.logger, detection: services.detection, notifier: services.notifier, roadmaps: services.roadmaps, progress: services.progress }),
    [CommandId.ShowEvidence]: (skillId?: string, index?: number) => showEvidence(services, skillId, index),
    [CommandId.ChoosePath]: () => choosePath(),
    [CommandId.OpenWalkthrough]: () => vscode.commands.executeCommand('workbench.action.openWalkthrough', `${services.context.extension.id}#${WALKTHROUGH_ID}`, false),
  };

  return Object.entries(handlers).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await handler(...args);
      } catch (error) {
        services.logger.error(`Command ${id} failed`, error);
        void vscode.window.showErrorMessage(`Backend Roadmap: ${errorText(error)}`);
        return undefined;
      }
    }),
  );
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
      throw new Error(`there is no skill "${id}" in the roadmap`);
    }
    return skill;
  }
  return pickSkill(roadmap, services.progress, placeHolder);
}

async function markCurrent(services: Services, arg: SkillArgument, state: SkillState): Promise<void> {
  const skill = await resolveSkill(services, arg, `Mark which skill as ${STATE_LABELS[state].toLowerCase()}?`);
  if (!skill) {
    return;
  }
  await services.progress.setState(skill.id, state);
  void vscode.window.setStatusBarMessage(`$(check) ${skill.title}: ${STATE_LABELS[state].toLowerCase()}`, 3000);
}

async function exportCommand(services: Services, target: vscode.Uri | { backup: true } | undefined): Promise<vscode.Uri | undefined> {
  const backup = target !== undefined && !(target instanceof vscode.Uri);
  const stamp = new Date().toISOString().slice(0, 10);
  const uri =
    target instanceof vscode.Uri
      ? target
      : await vscode.window.showSaveDialog({
          title: backup ? 'Save the unreadable progress backup' : 'Export Backend Roadmap progress',
          defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir()), backup ? `backend-roadmap-backup-${stamp}.json` : `backend-roadmap-progress-${stamp}.json`),
          filters: { JSON: ['json'] },
        });
  if (!uri) {
    return undefined;
  }
  const text = backup ? exportBackups(services.progress.backups(), new Date()) : exportProgress(services.progress.all, new Date());
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  void vscode.window.showInformationMessage(`Backend Roadmap: ${backup ? 'backup' : 'progress'} saved to ${uri.fsPath}`);
  return uri;
}

async function importCommand(services: Services, source: vscode.Uri | undefined): Promise<{ added: number; updated: number; unchanged: number } | undefined> {
  const uri = source ?? (await vscode.window.showOpenDialog({ title: 'Import Backend Roadmap progress', canSelectMany: false, filters: { JSON: ['json'] } }))?.[0];
  if (!uri) {
    return undefined;
  }
  const roadmap = await services.roadmaps.require();
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    throw new Error(`could not read ${uri.fsPath}: ${errorText(error)}`, { cause: error });
  }
  const parsed = parseProgressExport(text);
  if (!parsed.ok) {
    void vscode.window.showErrorMessage(`Backend Roadmap did not import ${uri.fsPath}: ${parsed.reason}. Your progress is unchanged.`);
    return undefined;
  }
  if (Object.keys(parsed.progress).length === 0 && parsed.skipped.length > 0) {
    // Nothing readable: say so instead of reporting an import of nothing.
    void vscode.window.showErrorMessage(`Backend Roadmap did not import ${uri.fsPath}: no record in it could be read. ${describeImportLosses(parsed.skipped, [])} Your progress is unchanged.`);
    return undefined;
  }
  const merged = await services.progress.importProgress(parsed.progress, (id) => roadmap.skillById.has(id));
  const unknown = merged.unknownSkills.length > 0 ? ` ${plural(merged.unknownSkills.length, 'skill')} ${agree(merged.unknownSkills.length, 'is', 'are')} not in this roadmap and ${agree(merged.unknownSkills.length, 'was', 'were')} kept aside.` : '';
  const losses = describeImportLosses(parsed.skipped, merged.notAdded);
  const summary = `Backend Roadmap imported progress: ${merged.added} added, ${merged.updated} updated, ${merged.unchanged} unchanged.${unknown}`;
  void (losses === '' ? vscode.window.showInformationMessage(summary) : vscode.window.showWarningMessage(`${summary} ${losses}`));
  return { added: merged.added, updated: merged.updated, unchanged: merged.unchanged };
}
