// Entry of dist/scanReuse.js: what the CLI's `scan` needs to tell whether anything changed since the last scan
// of a repository (src/cli/reusedScan.ts), without loading the engine (dist/detection.js) when nothing did.
export { folderFingerprint } from '../scan/folderFingerprint';
export { createGitRunner } from '../scan/gitRunner';
