import type { LexedSource } from '../scan/sourceLexer';

/**
 * The text (and lexed source) of files the detectors read, kept with the file list it was read for: a
 * re-check after a saved file reuses everything but what changed (`forget`), instead of reading the
 * few hundred files the source detectors look at again. Bounded by characters; past the budget, files
 * are read without being kept.
 */
export class TextCache {
  readonly texts = new Map<string, Promise<string | undefined>>();
  readonly lexed = new Map<string, Promise<LexedSource | undefined>>();
  private readonly sizes = new Map<string, number>();
  /** Answers worked out from one file's text alone (a detector's match in it), per asking key. */
  private readonly perFile = new Map<string, Map<object, Promise<unknown>>>();
  /** The same answers once settled, so a re-check can use them without a promise per file. */
  private readonly settledPerFile = new Map<string, Map<object, { readonly value: unknown }>>();
  /** Answers worked out from the file list alone (a detector's candidate files), per key and sub-key. */
  private readonly perList = new Map<object, Map<unknown, Promise<unknown>>>();
  private chars = 0;

  constructor(private readonly budgetChars: number) {}

  get full(): boolean {
    return this.chars >= this.budgetChars;
  }

  /** Keeps a read's result (unless the budget is spent) and counts its size once it is known. */
  keepText(relativePath: string, pending: Promise<string | undefined>): void {
    if (this.full) {
      return;
    }
    this.texts.set(relativePath, pending);
    void pending.then((text) => {
      // Forgotten (changed) meanwhile: not counted.
      if (this.texts.get(relativePath) === pending) {
        const size = text?.length ?? 0;
        this.sizes.set(relativePath, size);
        this.chars += size;
      }
    });
  }

  keepLexed(relativePath: string, pending: Promise<LexedSource | undefined>): void {
    if (!this.full) {
      this.lexed.set(relativePath, pending);
    }
  }

  /**
   * The answer `compute` gives for one file, remembered until the file changes: the value itself once it
   * has settled (a re-check asks hundreds of unchanged files per detector, and a promise each cost more
   * than the answer), else the pending answer. `key` must be a stable object standing for everything else
   * the answer depends on (e.g. a detector's list of signals).
   */
  answerForFile<T>(relativePath: string, key: object, compute: () => Promise<T>): { readonly value: T } | Promise<T> {
    const settled = this.settledPerFile.get(relativePath)?.get(key) as { readonly value: T } | undefined;
    if (settled !== undefined) {
      return settled;
    }
    let answers = this.perFile.get(relativePath);
    if (answers === undefined) {
      answers = new Map();
      this.perFile.set(relativePath, answers);
    }
    let pending = answers.get(key) as Promise<T> | undefined;
    if (pending === undefined) {
      const computing = compute();
      pending = computing;
      answers.set(key, computing);
      void computing.then((value) => {
        // Forgotten (changed) meanwhile: not kept.
        if (this.perFile.get(relativePath)?.get(key) === computing) {
          let settledAnswers = this.settledPerFile.get(relativePath);
          if (settledAnswers === undefined) {
            settledAnswers = new Map();
            this.settledPerFile.set(relativePath, settledAnswers);
          }
          settledAnswers.set(key, { value });
        }
      }, () => undefined);
    }
    return pending;
  }

  /** The answer `compute` gives from the file list alone, remembered as long as this cache (the list) lives. */
  rememberForList<T>(key: object, subKey: unknown, compute: () => Promise<T>): Promise<T> {
    let answers = this.perList.get(key);
    if (answers === undefined) {
      answers = new Map();
      this.perList.set(key, answers);
    }
    let pending = answers.get(subKey) as Promise<T> | undefined;
    if (pending === undefined) {
      pending = compute();
      answers.set(subKey, pending);
    }
    return pending;
  }

  /**
   * Drops the answers worked out from the file list (`rememberForList`), keeping texts and per-file
   * answers: for a list that gained files (untracked ones listed after the tracked ones were checked).
   */
  forgetListAnswers(): void {
    this.perList.clear();
  }

  /** Drops what was kept for paths that changed on disk. */
  forget(paths: Iterable<string>): void {
    for (const relativePath of paths) {
      this.perFile.delete(relativePath);
      this.settledPerFile.delete(relativePath);
      this.texts.delete(relativePath);
      this.lexed.delete(relativePath);
      this.chars -= this.sizes.get(relativePath) ?? 0;
      this.sizes.delete(relativePath);
    }
  }
}
