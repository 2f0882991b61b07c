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
  private readonly perFile = new Map<string, Map<object, FileAnswer>>();
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
    let answers = this.perFile.get(relativePath);
    if (answers === undefined) {
      answers = new Map();
      this.perFile.set(relativePath, answers);
    }
    let answer = answers.get(key);
    if (answer === undefined) {
      const computing: FileAnswer = { pending: compute() };
      // A file forgotten (changed) meanwhile has dropped this entry: its late value is never handed out.
      void computing.pending.then(
        (value) => {
          computing.settled = { value };
        },
        () => undefined,
      );
      answers.set(key, computing);
      answer = computing;
    }
    // The value and the promise come from `compute` for this key, whose type the caller gives.
    return (answer.settled ?? answer.pending) as { readonly value: T } | Promise<T>;
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
      this.texts.delete(relativePath);
      this.lexed.delete(relativePath);
      this.chars -= this.sizes.get(relativePath) ?? 0;
      this.sizes.delete(relativePath);
    }
  }
}

/** One file's answer for one key: pending at first, and the value itself once it has settled. */
interface FileAnswer {
  readonly pending: Promise<unknown>;
  settled?: { readonly value: unknown };
}
