import type * as vscode from 'vscode';
import type { MilestoneSummary } from '../core/detection/ledger';
import type { Evidence, SkillProgress } from '../core/progress/model';
import type { CommandId } from '../core/view/commandIds';
import { commandRunner } from './commands';
import { Services } from './services';

/** What the extension returns from activate(): used by our integration tests and open to other extensions. */
export interface BackendRoadmapApi {
  /** The learner's record for a skill. */
  progressOf(skillId: string): SkillProgress;
  /** Resolves when every progress change so far is in storage. */
  flush(): Promise<void>;
  /** The status bar text, as a learner sees it. */
  statusBarText(): string;
  /** The status bar tooltip (progress, the plan, reviews due) as plain text, one paragraph a line. */
  statusBarTooltip(): string;
  /** What automatic detection knows about a milestone in the open workspace. */
  milestoneStatus(id: string): MilestoneSummary;
  /** Resolves when queued and running workspace checks are finished. */
  detectionIdle(): Promise<void>;
  /** Evidence of what the learner did (test runs, terminal practice), exactly as it is stored. */
  recordedEvents(): readonly Evidence[];
  /** The roadmaps Switch Roadmap offers now (custom folders read first), and the id of the one in use. */
  roadmapChoices(): Promise<{ readonly selected: string | undefined; readonly choices: readonly { readonly id: string; readonly title: string; readonly stale: boolean }[] }>;
}

/**
 * The extension once it runs: what the loader's stand-ins (./extension.ts), registered at activation,
 * hand their calls to.
 */
export interface Workbench {
  readonly api: BackendRoadmapApi;
  /** Runs a command; failures are logged and shown to the learner, not thrown. */
  runCommand(id: CommandId, args: readonly unknown[]): Promise<unknown>;
  /** Restores a details panel VS Code kept from the last session. */
  restorePanel(panel: vscode.WebviewPanel, state: unknown): void;
}

/**
 * Called by the loader (./extension.ts) just after activation, or sooner by the first command, panel or
 * API call: makes the views and the status bar and schedules detection.
 */
export function start(context: vscode.ExtensionContext, activatedAt: number): Workbench {
  const startedAt = Date.now();
  const services = new Services(context, activatedAt);
  context.subscriptions.push(services);
  // With the roadmap's "ready N ms after activation" (logged while the services are made), this says
  // whether a late start or a slow read made it late.
  services.logger.info(`Started ${startedAt - activatedAt} ms after activation`);
  services.createViews();
  services.detection.start();
  return {
    api: {
      progressOf: (skillId) => services.progress.get(skillId),
      flush: () => services.progress.flush(),
      statusBarText: () => services.statusBarText(),
      statusBarTooltip: () => services.statusBarTooltip(),
      milestoneStatus: (id) => services.detection.milestoneStatus(id),
      detectionIdle: () => services.detection.idle(),
      recordedEvents: () => services.detection.eventEvidence(),
      roadmapChoices: async () => {
        const { choices, selected } = await services.roadmaps.choices();
        return { selected: selected?.id, choices: choices.map(({ id, title, stale }) => ({ id, title, stale })) };
      },
    },
    runCommand: commandRunner(services),
    restorePanel: (panel, state) => {
      const skillId = typeof state === 'object' && state !== null && 'skillId' in state && typeof state.skillId === 'string' ? state.skillId : undefined;
      services.panel.restore(panel, skillId ? { skillId } : {});
    },
  };
}
