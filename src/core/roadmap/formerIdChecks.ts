/**
 * The rules for `formerIds`, for skills and for stages alike: progress under a former id moves to exactly
 * one current item, so a former id may name neither a current item (its progress would be read twice) nor
 * be claimed by two items (it could go to either).
 */

export interface FormerIdOwner {
  readonly id: string;
  readonly formerIds?: readonly string[];
  /** Where the item is declared, for messages. */
  readonly file: string;
}

export interface FormerIdProblem<T extends FormerIdOwner> {
  readonly owner: T;
  /** The index in `owner.formerIds` of the offending id. */
  readonly index: number;
  readonly message: string;
}

/** Every clash among the former ids of `owners` (all skills, or all stages, of one roadmap). */
export function formerIdProblems<T extends FormerIdOwner>(kind: 'skill' | 'stage', owners: readonly T[]): FormerIdProblem<T>[] {
  const current = new Map(owners.map((owner) => [owner.id, owner]));
  const claimed = new Map<string, T>();
  const problems: FormerIdProblem<T>[] = [];
  for (const owner of owners) {
    (owner.formerIds ?? []).forEach((former, index) => {
      const add = (message: string): void => {
        problems.push({ owner, index, message });
      };
      const holder = current.get(former);
      const claimant = claimed.get(former);
      if (former === owner.id) {
        add(`${kind} "${owner.id}" lists its own id as a former id: remove it from formerIds`);
      } else if (holder !== undefined) {
        add(
          `former id "${former}" of ${kind} "${owner.id}" is still the id of a ${kind} (in ${holder.file}): ` +
            `a former id must no longer be in use; remove it from formerIds, or rename that ${kind}`,
        );
      } else if (claimant !== undefined) {
        add(
          `former id "${former}" is claimed by ${kind}s "${claimant.id}" (in ${claimant.file}) and "${owner.id}": ` +
            `progress under it can move to only one ${kind}; keep it in one formerIds list`,
        );
      } else {
        claimed.set(former, owner);
      }
    });
  }
  return problems;
}
