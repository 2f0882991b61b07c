import { constants } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, open, readdir, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { formatBytes, ROADMAP_LIMITS } from './limits';
import type { RoadmapProblem } from './problems';
import { errorCode } from '../errorCode';
import { errorMessage } from '../errorMessage';

/** A stage file's text and the name to report problems under. */
export interface RoadmapSource {
  readonly file: string;
  readonly text: string;
}

export interface StageFiles {
  /** The files that could be read, in name order. */
  readonly sources: readonly RoadmapSource[];
  /** Why the folder or some of its files could not be read. */
  readonly problems: readonly RoadmapProblem[];
}

/**
 * Reads every `*.yaml`/`*.yml` in `stagesDir`, sorted by name, within ROADMAP_LIMITS. Only regular files
 * (or links to them) are read: a folder, a dangling link, a named pipe or a socket with a stage's name is
 * a problem, and a pipe never blocks (it is opened non-blocking and checked again once open).
 */
export async function readStageFiles(stagesDir: string): Promise<StageFiles> {
  let names: string[];
  try {
    names = (await readdir(stagesDir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    return { sources: [], problems: [at(stagesDir, `cannot read the roadmap folder: ${errorMessage(error)}`)] };
  }
  if (names.length === 0) {
    return { sources: [], problems: [at(stagesDir, 'the roadmap folder has no .yaml stage files')] };
  }
  if (names.length > ROADMAP_LIMITS.files) {
    return {
      sources: [],
      problems: [
        at(
          stagesDir,
          `the roadmap folder has ${names.length} .yaml files; a roadmap may have at most ${ROADMAP_LIMITS.files}: ` +
            'merge small stages, or move files that are not stages out of the folder',
        ),
      ],
    };
  }

  const files = names.map((name) => path.join(stagesDir, name));
  const reads = await Promise.all(files.map((file) => readStageFile(file)));
  const sources: RoadmapSource[] = [];
  const problems: RoadmapProblem[] = [];
  let total = 0;
  for (const [index, read] of reads.entries()) {
    if (typeof read !== 'string') {
      problems.push(read);
      continue;
    }
    const file = files[index] ?? '';
    total += Buffer.byteLength(read, 'utf8');
    if (total > ROADMAP_LIMITS.roadmapBytes) {
      problems.push(roadmapTooLarge(file));
      break;
    }
    sources.push({ file, text: read });
  }
  return { sources, problems };
}

/** The problem for the file at which the stage files together pass the roadmap size limit. */
export function roadmapTooLarge(file: string): RoadmapProblem {
  return at(
    file,
    `with this file the stage files add up to more than ${formatBytes(ROADMAP_LIMITS.roadmapBytes)}, the most a roadmap may hold, ` +
      'so it and the files after it were not read: shorten the stages or remove files that are not stages',
  );
}

/** The problem for a stage file over the size limit. */
export function fileTooLarge(file: string, bytes: number | undefined): RoadmapProblem {
  const size = bytes === undefined ? `more than ${formatBytes(ROADMAP_LIMITS.fileBytes)}` : formatBytes(bytes);
  return at(
    file,
    `the file is ${size}; a stage file may be at most ${formatBytes(ROADMAP_LIMITS.fileBytes)}: split the stage into several files`,
  );
}

/** The file's text, or the problem that kept it from being read. */
export async function readStageFile(file: string): Promise<string | RoadmapProblem> {
  let info: Stats;
  try {
    info = await stat(file);
  } catch (error) {
    return at(file, await whyUnreadable(file, error));
  }
  if (!info.isFile()) {
    return notRegular(file, info);
  }
  if (info.size > ROADMAP_LIMITS.fileBytes) {
    return fileTooLarge(file, info.size);
  }
  // Non-blocking, so that a file replaced by a named pipe after the check above still cannot block.
  const flags = process.platform === 'win32' ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK;
  let handle;
  try {
    handle = await open(file, flags);
  } catch (error) {
    return at(file, `cannot open this stage file: ${errorMessage(error)}; check its permissions`);
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) {
      return notRegular(file, opened);
    }
    // One byte more than allowed tells a file that grew past the limit since it was checked.
    const buffer = Buffer.alloc(Math.min(opened.size, ROADMAP_LIMITS.fileBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) {
        break;
      }
      length += bytesRead;
    }
    if (length > ROADMAP_LIMITS.fileBytes) {
      return fileTooLarge(file, undefined);
    }
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    return at(file, `cannot read this stage file (${errorMessage(error)}): check that you may read it`);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function notRegular(file: string, info: Stats): RoadmapProblem {
  return at(file, `this is ${kindOf(info)}; only regular files are read as stages: rename it so it does not end in .yaml, or remove it`);
}

function kindOf(info: Stats): string {
  if (info.isDirectory()) {
    return 'a folder';
  }
  if (info.isFIFO()) {
    return 'a named pipe (FIFO)';
  }
  if (info.isSocket()) {
    return 'a socket';
  }
  if (info.isCharacterDevice() || info.isBlockDevice()) {
    return 'a device';
  }
  return 'not a regular file';
}

async function whyUnreadable(file: string, error: unknown): Promise<string> {
  const dangling = await lstat(file).then(
    (link) => link.isSymbolicLink(),
    () => false,
  );
  if (dangling && errorCode(error) === 'ENOENT') {
    return 'this is a symbolic link to something that does not exist: point it at a stage file or remove it';
  }
  if (errorCode(error) === 'ELOOP') {
    return 'this is a symbolic link that leads back to itself: point it at a stage file or remove it';
  }
  return `cannot read this stage file (${errorMessage(error)}): check that it exists and that you may read it`;
}


function at(file: string, message: string): RoadmapProblem {
  return { file, line: 1, column: 1, message };
}
