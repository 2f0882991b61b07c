/**
 * Reads the tar archives `git archive --format=tar` writes (ustar, with pax headers for long paths) and
 * writes their regular files into a folder. Only what a scan needs: no symbolic link, device or other
 * special entry is made, no path may leave the folder, and the archive's size was bounded before.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const BLOCK = 512;

export interface TarEntry {
  readonly path: string;
  readonly content: Buffer;
}

/** Regular files of the archive, in order; other entries (folders, links, headers) are skipped. */
export function readTarFiles(archive: Buffer): TarEntry[] {
  const files: TarEntry[] = [];
  let offset = 0;
  let longPath: string | undefined;
  while (offset + BLOCK <= archive.length) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) {
      break;
    }
    const size = octal(header.subarray(124, 136));
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + BLOCK;
    const data = archive.subarray(dataStart, dataStart + size);
    if (data.length < size) {
      throw new Error('the archive ends in the middle of a file');
    }
    offset = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if (type === 'x') {
      longPath = paxPath(data) ?? longPath;
      continue;
    }
    if (type === 'L') {
      longPath = cString(data);
      continue;
    }
    if (type === 'g') {
      continue;
    }
    const name = longPath ?? joinUstarName(cString(header.subarray(345, 500)), cString(header.subarray(0, 100)));
    longPath = undefined;
    if (type === '0' || type === '\0' || type === '7') {
      files.push({ path: name, content: data });
    }
  }
  return files;
}

/** Writes each file under `root`; a path that is absolute or climbs out is refused (the whole extraction fails). */
export async function writeTarFiles(files: readonly TarEntry[], root: string): Promise<void> {
  const base = path.resolve(root);
  for (const file of files) {
    const segments = file.path.split('/').filter((segment) => segment !== '');
    if (file.path.startsWith('/') || segments.some((segment) => segment === '..' || segment === '.' || segment.includes('\\')) || segments.length === 0) {
      throw new Error(`the archive holds a path outside its folder: ${JSON.stringify(file.path)}`);
    }
    const target = path.join(base, ...segments);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, file.content, { mode: 0o644, flag: 'wx' });
  }
}

function joinUstarName(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}/${name}`;
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

function octal(bytes: Buffer): number {
  const text = cString(bytes).trim();
  if (!/^[0-7]*$/.test(text)) {
    throw new Error('the archive has an entry of unreadable size');
  }
  return text === '' ? 0 : parseInt(text, 8);
}

/** The `path` record of a pax extended header (`LEN path=VALUE\n` records). */
function paxPath(data: Buffer): string | undefined {
  let offset = 0;
  let found: string | undefined;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1) {
      break;
    }
    const length = parseInt(data.subarray(offset, space).toString('ascii'), 10);
    if (!Number.isInteger(length) || length <= 0) {
      break;
    }
    const record = data.subarray(space + 1, offset + length).toString('utf8').replace(/\n$/, '');
    const equals = record.indexOf('=');
    if (equals !== -1 && record.slice(0, equals) === 'path') {
      found = record.slice(equals + 1);
    }
    offset += length;
  }
  return found;
}
