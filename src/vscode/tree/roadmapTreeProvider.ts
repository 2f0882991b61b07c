import * as vscode from 'vscode';
import { isFinished } from '../../core/progress/rules';
import { stageCounts } from '../../core/progress/stats';
import type { Roadmap, Skill } from '../../core/roadmap/model';
import { getConfig, onDidChangeConfig } from '../config';
import { Disposable } from '../lifecycle';
import type { ProgressService } from '../progressService';
import type { RoadmapService } from '../roadmapService';
import { ProblemNode, SkillNode, StageNode } from './nodes';
import type { RoadmapNode } from './nodes';

/** Stages at the top, their skills below; refreshes on progress and setting changes. */
export class RoadmapTreeProvider extends Disposable implements vscode.TreeDataProvider<RoadmapNode> {
  private readonly changed = this._register(new vscode.EventEmitter<RoadmapNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly roadmaps: RoadmapService,
    private readonly progress: ProgressService,
  ) {
    super();
    this._register(progress.onDidChange(() => this.changed.fire(undefined)));
    this._register(
      onDidChangeConfig((affects) => {
        if (affects('tree.hideFinished')) {
          this.changed.fire(undefined);
        }
      }),
    );
  }

  getTreeItem(node: RoadmapNode): vscode.TreeItem {
    return node.toTreeItem();
  }

  async getChildren(node?: RoadmapNode): Promise<RoadmapNode[]> {
    const result = await this.roadmaps.load();
    const roadmap = result.roadmap;
    if (!roadmap) {
      return node ? [] : [new ProblemNode(result.problems)];
    }
    const hideFinished = getConfig('tree.hideFinished');
    if (!node) {
      return roadmap.stages
        .map((stage) => new StageNode(stage, stageCounts(stage, this.progress.all)))
        .filter((stageNode) => !hideFinished || this.visibleSkills(stageNode.stage.skills, true).length > 0);
    }
    if (node instanceof StageNode) {
      return this.visibleSkills(node.stage.skills, hideFinished).map((skill) => new SkillNode(skill, this.progress.get(skill.id)));
    }
    return [];
  }

  getParent(node: RoadmapNode): RoadmapNode | undefined {
    const roadmap = this.roadmaps.current;
    if (node instanceof SkillNode && roadmap) {
      const stage = roadmap.stageById.get(node.skill.stageId);
      return stage ? new StageNode(stage, stageCounts(stage, this.progress.all)) : undefined;
    }
    return undefined;
  }

  /** The node for a skill, to reveal it. */
  skillNode(roadmap: Roadmap, skillId: string): SkillNode | undefined {
    const skill = roadmap.skillById.get(skillId);
    return skill ? new SkillNode(skill, this.progress.get(skill.id)) : undefined;
  }

  private visibleSkills(skills: readonly Skill[], hideFinished: boolean): readonly Skill[] {
    return hideFinished ? skills.filter((skill) => !isFinished(this.progress.get(skill.id).state)) : skills;
  }
}
