import { yieldWhenDue } from '../scan/yieldToEventLoop';

/**
 * Which commit wrote a line, read from one `git log -p -U0` over the evidence's files instead of one
 * `git blame` per file: each blame is a process (10 to 60 ms here, hundreds of milliseconds on a large
 * repository), and a scan's evidence names several files.
 *
 * The answer is the one blame gives. A line is followed from HEAD back through each commit's hunks to the
 * commit whose added lines hold it. At a merge it goes where blame sends it: whole to the first parent
 * whose file is the same as the merge's; otherwise to the first parent that has the line unchanged, and
 * to the merge itself when none has. The log prints every merge with a diff against each parent (`-m`,
 * each labelled `(from <parent>)`, so `--pretty=raw`) and parents rewritten to the commits it prints
 * (`--parents --full-history`), which makes the history a graph the line can be followed through.
 *
 * Where blame could answer otherwise, the caller asks blame:
 * - a file the history does not reach the start of (the log's commit bound), or a binary change;
 * - a merge where no parent has the same file, and one lacks it (blame would look for a rename in it) or
 *   the log could not tell the parents apart (two rewritten to one commit, or one left out);
 * - a line added by a commit that created the file and has a parent: blame follows a rename there, which
 *   a log limited to the file cannot see (see `createdWithParent`).
 */

/** Commits read at most: the same bound as the history of the files without patches. */
export const LINE_LOG_LIMIT = 2000;

/** Starts each commit's line in the renames log below and the names-only log (authorship.ts): a byte no path or email holds. */
export const COMMIT_MARK = '\x01';

/**
 * The arguments of the one `git log` that answers for every file: patches with no context, merges with a
 * diff against each parent, the parents rewritten to the commits printed, renames off (a rename shows as a
 * creation, which the caller checks) and the diff settings a repository could change pinned to the ones
 * blame uses (git 2.39 blame diffs with Myers whatever `diff.algorithm` says), paths from the top level,
 * with fixed prefixes. A name git quotes (not ASCII, or holding a quote, a backslash or a control
 * character) is read back by `unquotedPath`. `log.diffMerges` can change what `-m` prints: the caller
 * does not trust the answer where it is set (see `historyReadsAsBlame` in authorship.ts).
 */
export function lineHistoryArgs(files: readonly string[]): readonly string[] {
  return [
    'log',
    `--max-count=${LINE_LOG_LIMIT}`,
    '--no-show-signature',
    '--no-notes',
    '--no-decorate',
    '--no-abbrev-commit',
    '--pretty=raw',
    '--parents',
    '--full-history',
    '-m',
    '--topo-order',
    '-p',
    '-U0',
    '--no-renames',
    '--diff-algorithm=myers',
    '--no-relative',
    '--no-color',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    'HEAD',
    '--',
    ...files.map((file) => `:(literal)${file}`),
  ];
}

/** One hunk of a `-U0` patch: `count` lines from `start` in the parent became `newCount` lines from `newStart`. */
interface Hunk {
  readonly start: number;
  readonly count: number;
  readonly newStart: number;
  readonly newCount: number;
}

interface FilePatch {
  readonly created: boolean;
  readonly binary: boolean;
  readonly hunks: Hunk[];
}

interface PatchedCommit {
  readonly commit: string;
  email: string;
  /** Committer time (seconds): which change of a file is its last, in the order a plain `git log` prints them. */
  committed: number;
  /** Its parents among the commits printed (`--parents` rewrites them), in the commit's order. */
  readonly parents: readonly string[];
  /** How many parents the commit itself has (its `parent` headers). */
  realParents: number;
  /**
   * Per parent (a rewritten one, or '' for a commit whose parent was not printed), the files that differ
   * from it and their patches. A merge's parent with no entry differs in none of the files.
   */
  readonly diffs: Map<string, Map<string, FilePatch>>;
  /** The log printed two diffs against one parent: the parents cannot be told apart. */
  doubtful: boolean;
}

export interface LineHistory {
  /** As git printed them, each once: children before parents. */
  readonly commits: readonly PatchedCommit[];
  readonly byCommit: ReadonlyMap<string, PatchedCommit>;
  /** A header could not be read (a quoted name, an unexpected line): the history is incomplete. */
  readonly unreadable: boolean;
}

/** Where a line came from: the commit and its author, and whether that commit created the file from a parent. */
export interface LineOrigin {
  readonly commit: string;
  readonly email: string;
  /** The commit created the file and has a parent: it may be a rename, which blame would follow. */
  readonly createdWithParent: boolean;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
const COMMIT_LINE = /^commit ([0-9a-f]{40,64})((?: [0-9a-f]{40,64})*)(?: \(from ([0-9a-f]{40,64})\))?$/;
/** Lines read between two looks at the clock. */
const YIELD_CHECK_LINES = 4096;
const [PLUS, MINUS, BACKSLASH] = ['+', '-', '\\'].map((char) => char.charCodeAt(0));
const PERSON = /^(author|committer) .*<([^<>]*)> (\d+) [+-]\d{4}$/;

/**
 * Parses the output of `lineHistoryArgs`. Lower-case emails are the caller's business. A history with many
 * merges prints megabytes (each merge's diff against each parent): the reading yields to the event loop
 * when its time slice is used up, as the extension host must not be held 50 ms.
 */
export async function parseLineHistory(stdout: string): Promise<LineHistory> {
  const commits: PatchedCommit[] = [];
  const byCommit = new Map<string, PatchedCommit>();
  let unreadable = false;
  let current: PatchedCommit | undefined;
  // Where the reader is: a commit's headers (up to the blank line), its message, or its diff against `into`.
  let inHeaders = false;
  let firstSection = false;
  let into: Map<string, FilePatch> | undefined;
  // The file section being read: its paths from the `---`/`+++` lines, then its hunks.
  let oldPath: string | undefined;
  let section: { hunks: Hunk[]; created: boolean; binary: boolean } | undefined;
  const endSection = (): void => {
    section = undefined;
    oldPath = undefined;
  };
  for (let start = 0, lines = 0; start < stdout.length; lines++) {
    if (lines % YIELD_CHECK_LINES === 0) {
      await yieldWhenDue();
    }
    const newline = stdout.indexOf('\n', start);
    const end = newline < 0 ? stdout.length : newline;
    const first = stdout.charCodeAt(start);
    const lineStart = start;
    start = end + 1;
    // A hunk's own lines (`+`, `-`, `\ No newline at end of file`) are most of the text: passed over unread.
    if (section !== undefined && section.hunks.length > 0 && (first === PLUS || first === MINUS || first === BACKSLASH)) {
      continue;
    }
    const line = stdout.slice(lineStart, end);
    if (line.startsWith('commit ')) {
      endSection();
      const header = COMMIT_LINE.exec(line);
      if (header === null) {
        unreadable = true;
        current = undefined;
        continue;
      }
      const [, commit = '', parentList = '', from] = header;
      const parents = parentList.split(' ').filter((parent) => parent !== '');
      current = byCommit.get(commit);
      firstSection = current === undefined;
      if (current === undefined) {
        current = { commit, email: '', committed: 0, parents, realParents: 0, diffs: new Map(), doubtful: false };
        commits.push(current);
        byCommit.set(commit, current);
      }
      // A merge is printed once per parent it differs from; any other commit once.
      const against = from ?? parents[0] ?? '';
      if (current.diffs.has(against)) {
        current.doubtful = true;
      }
      into = new Map();
      current.diffs.set(against, into);
      inHeaders = true;
    } else if (current === undefined) {
      continue;
    } else if (inHeaders) {
      if (line === '') {
        inHeaders = false;
      } else if (firstSection && line.startsWith('parent ')) {
        current.realParents += 1;
      } else if (firstSection) {
        const person = PERSON.exec(line);
        if (person?.[1] === 'author') {
          current.email = person[2] ?? '';
        } else if (person?.[1] === 'committer') {
          current.committed = Number(person[3]);
        }
      }
    } else if (line.startsWith('diff --git ')) {
      endSection();
      section = { hunks: [], created: false, binary: false };
    } else if (line.startsWith('diff --')) {
      // A combined diff (`log.diffMerges`): not the per-parent diffs this reads.
      unreadable = true;
    } else if (section === undefined) {
      continue;
    } else if (line.startsWith('@@ ')) {
      const hunk = HUNK.exec(line);
      if (hunk === null) {
        unreadable = true;
        continue;
      }
      section.hunks.push({ start: Number(hunk[1]), count: hunk[2] === undefined ? 1 : Number(hunk[2]), newStart: Number(hunk[3]), newCount: hunk[4] === undefined ? 1 : Number(hunk[4]) });
    } else if (section.hunks.length > 0) {
      // After a hunk only hunks follow, up to the next file or commit.
      continue;
    } else if (line.startsWith('new file mode ')) {
      section.created = true;
    } else if (line.startsWith('Binary files ')) {
      section.binary = true;
      // A binary change names its paths on this line only ("Binary files a/x and b/x differ").
      const names = /^Binary files (.*|\/dev\/null) and (.*|\/dev\/null) differ$/.exec(line);
      const named = unquotedPath(names?.[2] === '/dev/null' ? names[1] : names?.[2]);
      const path = named !== undefined && /^[ab]\//.test(named) ? named.slice(2) : undefined;
      if (path === undefined) {
        unreadable = true;
      } else {
        into?.set(path, section);
      }
    } else if (line.startsWith('--- ')) {
      oldPath = line.slice(4);
    } else if (line.startsWith('+++ ')) {
      const newPath = line.slice(4);
      const named = unquotedPath(newPath === '/dev/null' ? oldPath : newPath);
      if (named === undefined || !/^[ab]\//.test(named)) {
        unreadable = true;
      } else {
        into?.set(named.slice(2), section);
      }
    }
  }
  return { commits, byCommit, unreadable };
}

const ESCAPES: Readonly<Record<string, number>> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/**
 * A path as git printed it in a patch header: as is, or C-quoted (`"b/caf\303\251.js"`, its bytes UTF-8).
 * Undefined for what is not a path.
 */
export function unquotedPath(printed: string | undefined): string | undefined {
  if (printed?.startsWith('"') !== true) {
    return printed;
  }
  if (printed.length < 2 || !printed.endsWith('"')) {
    return undefined;
  }
  const bytes: number[] = [];
  const body = printed.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const char = body[i] ?? '';
    if (char !== '\\') {
      bytes.push(...Buffer.from(char, 'utf8'));
      continue;
    }
    const octal = /^[0-7]{3}/.exec(body.slice(i + 1));
    const escaped = ESCAPES[body[i + 1] ?? ''];
    if (octal !== null) {
      bytes.push(parseInt(octal[0], 8));
      i += 3;
    } else if (escaped !== undefined) {
      bytes.push(escaped);
      i += 1;
    } else {
      return undefined;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Where line `at` of a file was in the parent a patch is against, or undefined when the patch added it. */
function lineInParent(hunks: readonly Hunk[], at: number): number | undefined {
  let shift = 0;
  for (const hunk of hunks) {
    if (hunk.newCount > 0 && at >= hunk.newStart && at < hunk.newStart + hunk.newCount) {
      return undefined;
    }
    // A hunk that adds nothing removes lines after line `newStart`; one that adds ends at its last line.
    const end = hunk.newCount > 0 ? hunk.newStart + hunk.newCount - 1 : hunk.newStart;
    if (end < at) {
      shift += hunk.newCount - hunk.count;
    }
  }
  return at - shift;
}

/**
 * The commit whose patch added line `line` (1-based) of `file` as it is at HEAD, or undefined when the
 * history cannot say as blame would (see the module's comment).
 */
export function lineOrigin(history: LineHistory, file: string, line: number): LineOrigin | undefined {
  if (history.unreadable) {
    return undefined;
  }
  let at = line;
  let current = history.commits[0];
  // Each step goes to a parent, so the walk ends; the bound only guards against a history that loops.
  for (let steps = 0; current !== undefined && steps <= history.commits.length; steps++) {
    const { commit, email, parents, realParents, diffs } = current;
    if (realParents <= 1) {
      const patch = diffs.get(parents[0] ?? '')?.get(file);
      if (patch?.binary === true) {
        return undefined;
      }
      const before = patch === undefined ? at : lineInParent(patch.hunks, at);
      if (before === undefined) {
        return { commit, email, createdWithParent: patch?.created === true && realParents > 0 };
      }
      if (patch?.created === true) {
        // Created here, yet this line was not among what it added: the history read is not the file's.
        return undefined;
      }
      at = before;
      current = parents[0] === undefined ? undefined : history.byCommit.get(parents[0]);
      continue;
    }
    if (current.doubtful) {
      return undefined;
    }
    const patches = parents.map((parent) => diffs.get(parent)?.get(file));
    if (patches.some((patch) => patch?.binary === true)) {
      return undefined;
    }
    const same = patches.findIndex((patch) => patch === undefined);
    if (same >= 0) {
      // The file is as in that parent: blame gives it every line (before it looks for renames in any parent).
      current = history.byCommit.get(parents[same] ?? '');
      continue;
    }
    if (parents.length !== realParents) {
      // A parent was left out (its side never had the files) or two became one commit: which parent is which is
      // unclear. Either way one with the file the same would be followed above.
      return undefined;
    }
    if (patches.some((patch) => patch?.created === true)) {
      // A parent lacks the file, and none has it the same: blame would look for a rename in that parent.
      return undefined;
    }
    // Changed against every parent: each parent in turn takes the lines it has unchanged; the rest are the merge's.
    const inParents = patches.map((patch) => (patch === undefined ? undefined : lineInParent(patch.hunks, at)));
    const passed = inParents.findIndex((before) => before !== undefined);
    const before = inParents[passed];
    if (before === undefined) {
      return { commit, email, createdWithParent: false };
    }
    at = before;
    current = history.byCommit.get(parents[passed] ?? '');
  }
  // Never added within the commits read: they stop before the file's start (the bound) or miss a commit.
  return undefined;
}

/**
 * `lineOrigin` for each of `queries`, in order. Each may walk the whole history read (2,000 commits, each
 * merge twice or more): between two, the event loop gets a turn once the time slice is used up.
 */
export async function lineOrigins(history: LineHistory, queries: readonly { readonly file: string; readonly line: number }[]): Promise<(LineOrigin | undefined)[]> {
  const origins: (LineOrigin | undefined)[] = [];
  for (const { file, line } of queries) {
    await yieldWhenDue();
    origins.push(lineOrigin(history, file, line));
  }
  return origins;
}

/**
 * Each file's last change: the newest commit (by committer time) that changed it, of those a plain
 * `git log` over the same files prints. That log follows only the first parent a merge is the same as for
 * all the files (its history simplification) and prints no merge, so the same walk is made here.
 */
export function lastChanges(history: LineHistory): Map<string, PatchedCommit> {
  const walked = new Set<string>();
  const pending = history.commits.slice(0, 1).map((entry) => entry.commit);
  for (let commit = pending.pop(); commit !== undefined; commit = pending.pop()) {
    const entry = history.byCommit.get(commit);
    if (walked.has(commit) || entry === undefined) {
      continue;
    }
    walked.add(commit);
    const same = entry.realParents > 1 ? entry.parents.find((parent) => (entry.diffs.get(parent)?.size ?? 0) === 0) : undefined;
    pending.push(...(same === undefined ? entry.parents : [same]));
  }
  const shown = history.commits.map((entry, at) => ({ entry, at })).filter(({ entry }) => entry.realParents <= 1 && walked.has(entry.commit));
  shown.sort((a, b) => b.entry.committed - a.entry.committed || a.at - b.at);
  const last = new Map<string, PatchedCommit>();
  for (const { entry } of shown) {
    for (const file of entry.diffs.get(entry.parents[0] ?? '')?.keys() ?? []) {
      if (!last.has(file)) {
        last.set(file, entry);
      }
    }
  }
  return last;
}

/** The arguments of the one `git log` that says which of `commits` renamed a file (rename detection on, the whole tree). */
export function renamesArgs(commits: readonly string[]): readonly string[] {
  return ['log', '--no-walk=unsorted', `--format=${COMMIT_MARK}%H`, '--name-status', '-z', '--find-renames', '--no-relative', ...commits];
}

/** Per commit, the paths it created by renaming another file, from `renamesArgs`' output. */
export function parseRenames(stdout: string): Map<string, Set<string>> {
  const renamed = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  const fields = stdout.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = (fields[i] ?? '').replace(/^\n+/, '');
    if (field.startsWith(COMMIT_MARK)) {
      current = new Set();
      renamed.set(field.slice(1).trim(), current);
    } else if (/^[RC]\d*$/.test(field)) {
      // A rename or copy names the source, then the destination.
      const destination = fields[i + 2];
      if (current !== undefined && destination !== undefined) {
        current.add(destination);
      }
      i += 2;
    } else if (/^[ADMTUX]$/.test(field)) {
      i += 1;
    }
  }
  return renamed;
}
