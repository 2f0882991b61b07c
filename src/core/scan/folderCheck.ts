import { promises as fs } from 'node:fs';
import { errorCode } from '../errorCode';

/**
 * Why a folder cannot be scanned ("no such folder: …", "not a folder: …", "cannot read folder: …"), or
 * undefined when it can. One check for the engine (which throws it) and the CLI (which prints it).
 */
export async function folderProblem(folder: string): Promise<string | undefined> {
  let stat;
  try {
    stat = await fs.stat(folder);
  } catch (error: unknown) {
    const code = errorCode(error);
    return code === 'ENOENT' ? `no such folder: ${folder}` : `cannot read ${folder} (${code ?? 'unknown error'})`;
  }
  if (!stat.isDirectory()) {
    return `not a folder: ${folder}`;
  }
  try {
    await fs.access(folder, fs.constants.R_OK | fs.constants.X_OK);
    await fs.readdir(folder);
  } catch {
    return `cannot read folder: ${folder} (permission denied)`;
  }
  return undefined;
}
