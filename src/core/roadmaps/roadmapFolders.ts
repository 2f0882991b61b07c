import * as path from 'node:path';
import { WORKSPACE_ROADMAP_FOLDER } from './roadmapChoices';

/** A folder that may hold a custom roadmap, and where it was named. */
export interface RoadmapFolder {
  readonly folder: string;
  /** `workspace`: the `.backend-roadmap` folder of a workspace folder (read only when it exists); `setting`: backendRoadmap.roadmaps. */
  readonly from: 'workspace' | 'setting';
}

/**
 * The folders to read custom roadmaps from: `.backend-roadmap` in each workspace folder, then each path of
 * the setting, with `~` (the home folder) and `${workspaceFolder}` (each workspace folder in turn) expanded;
 * a relative path is taken from the first workspace folder. Each folder once, in that order.
 */
export function roadmapFolders(workspaceFolders: readonly string[], settingPaths: readonly unknown[], home: string): RoadmapFolder[] {
  const found = new Map<string, RoadmapFolder>();
  const add = (folder: string, from: RoadmapFolder['from']): void => {
    const resolved = path.resolve(folder);
    if (!found.has(resolved)) {
      found.set(resolved, { folder: resolved, from });
    }
  };
  for (const folder of workspaceFolders) {
    add(path.join(folder, WORKSPACE_ROADMAP_FOLDER), 'workspace');
  }
  for (const raw of settingPaths) {
    if (typeof raw !== 'string' || raw.trim() === '') {
      continue;
    }
    const withHome = raw.trim().replace(/^~(?=$|[\\/])/, home);
    const expanded = withHome.includes('${workspaceFolder}') ? workspaceFolders.map((folder) => withHome.split('${workspaceFolder}').join(folder)) : [withHome];
    for (const candidate of expanded) {
      if (path.isAbsolute(candidate)) {
        add(candidate, 'setting');
      } else if (workspaceFolders[0] !== undefined) {
        add(path.join(workspaceFolders[0], candidate), 'setting');
      }
    }
  }
  return [...found.values()];
}
