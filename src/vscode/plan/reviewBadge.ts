import * as vscode from 'vscode';
import { reviewsDueText } from '../../core/plan/reviewText';
import { ContextKey } from '../../core/view/commandIds';
import { Disposable } from '../lifecycle';
import type { PlanService } from './planService';

/**
 * The count of self-checks due for review as the Roadmap view's badge (on the activity bar icon too), and
 * the context key that shows Start Review in the view's title bar. Nothing when reviews are off.
 */
export class ReviewBadge extends Disposable {
  constructor(
    private readonly plan: PlanService,
    private readonly view: vscode.TreeView<unknown>,
  ) {
    super();
    // Fires on a new day too, when reviews fall due without any other change.
    this._register(plan.onDidChange(() => this.update()));
    this.update();
  }

  private update(): void {
    const due = this.plan.dueReviews().length;
    const text = reviewsDueText(due);
    this.view.badge = text === undefined ? undefined : { value: due, tooltip: text };
    void vscode.commands.executeCommand('setContext', ContextKey.ReviewDue, due > 0);
  }
}
