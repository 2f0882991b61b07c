import type { ChangeSink } from '../../../src/core/detection/pausableChanges';

/** One call to a ChangeSink: changed paths, or a folder to list again. */
export type ChangeSinkCall = readonly ['paths', string, readonly string[], number] | readonly ['folder', string, number];

/** A sink that records its calls; `sorted`: each call's paths sorted, for tests where their order is not the point. */
export function recordingChangeSink(options: { readonly sorted?: boolean } = {}): { sink: ChangeSink; calls: ChangeSinkCall[] } {
  const calls: ChangeSinkCall[] = [];
  return {
    calls,
    sink: {
      pathsChanged: (folder, paths, quietMs) => calls.push(['paths', folder, options.sorted === true ? [...paths].sort() : [...paths], quietMs]),
      folderChanged: (folder, quietMs) => calls.push(['folder', folder, quietMs]),
    },
  };
}
