/**
 * The bounds within which the roadmap loader promises to answer quickly with a roadmap or with problems,
 * whatever the files contain. Each is far above what a stage needs (the largest shipped stage file is
 * 55 KB, about 5,100 YAML tokens, 5 levels deep, without anchors) and low enough that the yaml parser,
 * which slows down badly on pathological input (deep nesting, long runs of errors), never sees such input.
 * docs/roadmap-loader.md states them for authors; keep the two in step.
 */
export const ROADMAP_LIMITS = {
  /** Bytes of one stage file. */
  fileBytes: 256 * 1024,
  /** Bytes of all stage files together. */
  roadmapBytes: 4 * 1024 * 1024,
  /** `.yaml`/`.yml` files in the stages folder. */
  files: 200,
  /** YAML tokens (keys, values, punctuation, spaces, line breaks) in one file, counted before any parsing work. */
  tokens: 30_000,
  /** Levels of nested mappings and sequences. */
  depth: 32,
  /** Aliases (`*name`) in one file. */
  aliases: 100,
  /**
   * Uses of one anchor, multiplied through aliases nested in its value (the yaml package's `maxAliasCount`):
   * an alias bomb passes it at once, ordinary reuse never does.
   */
  aliasExpansion: 1_000,
  /** Problems reported for one file, and for the whole roadmap, before the rest are only counted. */
  problemsPerFile: 100,
  problemsInAll: 200,
} as const;

/** `262144` → `256 KiB`, for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) {
    return `${trim(bytes / (1024 * 1024))} MiB`;
  }
  if (bytes >= 1024) {
    return `${trim(bytes / 1024)} KiB`;
  }
  return `${bytes} bytes`;
}

function trim(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
