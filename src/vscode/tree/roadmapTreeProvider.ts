import * as vscode from 'vscode';
import { skillCounts } from '../../core/progress/stats';
import type { Roadmap, Stage } from '../../core/roadmap/model';
import { skillsInScope, visibleSkills } from '../../core/view/treeFilter';
import type { TreeFilter } from '../../core/view/treeFilter';
import { onDidChangeConfig } from '../config';
import { Disposable } from '../lifecycle';
import type { ProgressService } from '../progressService';
import type { RoadmapService } from '../roadmapService';
import { ProblemNode, SkillNode, StageNode } from './nodes';
import type { RoadmapNode } from './nodes';

/**
 * Stages at the top, their skills below, as the filter says (hide finished, my path only; see
 * src/core/view/treeFilter.ts); refreshes on progress and setting changes.
 */
export class RoadmapTreeProvider extends Disposable implements vscode.TreeDataProvider<RoadmapNode> {
  private readonly changed = this._register(new vscode.EventEmitter<RoadmapNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressService,
    private readonly filter: () => TreeFilter,
  ) {
    super();
    this._register(progress.onDidChange(() => this.changed.fire(undefined)));
    this._register(roadmaps.onDidChange(() => this.changed.fire(undefined)));
    this._register(
      onDidChangeConfig((affects) => {
        if (affects('tree.hideFinished') || affects('tree.pathOnly') || affects('plan.stack') || affects('plan.path')) {
          this.changed.fire(undefined);
        }
      }),
    );
  }

  getTreeItem(node: RoadmapNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  /** A skill's tooltip quotes its summary, one of the texts read on first use: built on hover, not with the tree. */
  resolveTreeItem(item: vscode.TreeItem, node: RoadmapNode): vscode.TreeItem {
    if (node.kind === 'skill') {
      item.tooltip = node.tooltip();
    }
    return item;
  }

  async getChildren(node?: RoadmapNode): Promise<RoadmapNode[]> {
    const result = await this.roadmaps.load();
    const roadmap = result.roadmap;
    if (!roadmap) {
      return node ? [] : [new ProblemNode(result.problems)];
    }
    const filter = this.filter();
    if (!node) {
      return roadmap.stages
        .filter((stage) => visibleSkills(stage.skills, this.progress.all, filter).length > 0 || (!filter.hideFinished && filter.path === undefined))
        .map((stage) => this.stageNode(stage, filter));
    }
    if (node instanceof StageNode) {
      return visibleSkills(node.stage.skills, this.progress.all, filter).map((skill) => new SkillNode(skill, this.progress.get(skill.id)));
    }
    return [];
  }

  getParent(node: RoadmapNode): RoadmapNode | undefined {
    const roadmap = this.roadmaps.current;
    if (node instanceof SkillNode && roadmap) {
      const stage = roadmap.stageById.get(node.skill.stageId);
      return stage ? this.stageNode(stage, this.filter()) : undefined;
    }
    return undefined;
  }

  /** The node for a skill, to reveal it. */
  skillNode(roadmap: Roadmap, skillId: string): SkillNode | undefined {
    const skill = roadmap.skillById.get(skillId);
    return skill ? new SkillNode(skill, this.progress.get(skill.id)) : undefined;
  }

  /** A stage row whose counts follow the path filter. */
  private stageNode(stage: Stage, filter: TreeFilter): StageNode {
    const skills = skillsInScope(stage.skills, filter);
    return new StageNode(stage, skillCounts(skills, this.progress.all), filter.path === undefined ? undefined : skills);
  }
}
