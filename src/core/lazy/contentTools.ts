// Entry of dist/contentTools.js: what reading roadmap YAML takes (parser, schema validator, Markdown
// renderer). Shipped content is compiled at build time, so this loads only for a roadmap given at run time.
export { loadRoadmapFromDirectory } from '../roadmap/loader';
export { createMarkdownEngine } from '../content/markdownEngine';
export { compileRoadmap, compileRoadmapDirectory } from '../compiled/compileRoadmap';
export { markdownFileText, roadmapFileText, textsFileText } from '../compiled/compiledRoadmap';
export { hasRoadmapHeader, loadCustomRoadmap } from '../roadmap/customRoadmap';
