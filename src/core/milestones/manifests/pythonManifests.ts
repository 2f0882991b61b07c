import { lexSource, lineOfIndex } from '../../scan/sourceLexer';
import { readTomlEntries, tomlStrings } from './toml';
import type { ParsedDependency } from './types';

/** The distribution name at the start of a PEP 508 requirement ("uvicorn[standard]>=0.30" → "uvicorn"). */
export function requirementName(requirement: string): string | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(requirement);
  return match?.[1];
}

/**
 * requirements*.txt / *.in: one requirement a line; options (-r, -e, --hash), URLs and comments are skipped.
 * A file compiled by pip-compile or `uv pip compile` is a lock file: only its requirements annotated
 * `# via -r <input>` were asked for; the ones `# via <package>` are dependencies of dependencies.
 */
export function parseRequirementsTxt(text: string): ParsedDependency[] {
  const found: ParsedDependency[] = [];
  const rawLines = text.split('\n');
  const lines = lexSource(text, 'hash').code.split('\n');
  const compiled = /^#.*\b(pip-compile|uv pip compile)\b/m.test(text);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('-') || /^[a-z+]+:\/\//i.test(line)) {
      continue;
    }
    const name = requirementName(line);
    if (name !== undefined && (!compiled || requestedDirectly(rawLines, index))) {
      found.push({ name, section: 'requirements', line: index + 1 });
    }
  }
  return found;
}

/** In a compiled file: the `# via` comment block under the requirement at `index` names an input file (`-r`). */
function requestedDirectly(rawLines: readonly string[], index: number): boolean {
  const annotations: string[] = [];
  // Annotations follow the requirement and its `--hash` continuation lines.
  for (let i = index + 1; i < rawLines.length && /^\s+(#|--hash)/.test(rawLines[i] ?? ''); i++) {
    annotations.push(rawLines[i] ?? '');
  }
  return annotations.some((comment) => /#\s*(?:via\s+)?-r\s/.test(comment));
}

const POETRY_TABLE = /^tool\.poetry\.(?:dependencies|dev-dependencies|group\.[^.]+\.dependencies)$/;
const POETRY_SUBTABLE = /^tool\.poetry\.(?:dependencies|dev-dependencies|group\.[^.]+\.dependencies)\.([^.]+)$/;

/** pyproject.toml: PEP 621 (`[project]`, optional dependencies), PEP 735 groups, Poetry, uv and PDM. */
export function parsePyprojectToml(text: string): ParsedDependency[] {
  const found: ParsedDependency[] = [];
  for (const entry of readTomlEntries(text)) {
    const arraySection =
      (entry.table === 'project' && entry.key === 'dependencies') ? 'project.dependencies'
      : entry.table === 'project.optional-dependencies' ? `project.optional-dependencies.${entry.key}`
      : entry.table === 'dependency-groups' ? `dependency-groups.${entry.key}`
      : (entry.table === 'tool.uv' && entry.key === 'dev-dependencies') ? 'tool.uv.dev-dependencies'
      : entry.table === 'tool.pdm.dev-dependencies' ? `tool.pdm.dev-dependencies.${entry.key}`
      : undefined;
    if (arraySection !== undefined) {
      found.push(...requirementStrings(entry.value, arraySection, entry.line));
      continue;
    }
    if (POETRY_TABLE.test(entry.table) && entry.key !== 'python') {
      found.push({ name: firstKeySegment(entry.key), section: entry.table, line: entry.line });
    }
  }
  // `[tool.poetry.dependencies.fastapi]` tables declare a dependency by their header.
  for (const match of text.matchAll(/^\[\s*([^\]\n]+?)\s*\]/gm)) {
    const header = (match[1] ?? '').replace(/["']/g, '');
    const sub = POETRY_SUBTABLE.exec(header);
    if (sub?.[1] !== undefined) {
      found.push({ name: sub[1], section: header.slice(0, header.lastIndexOf('.')), line: lineOfIndex(text, match.index) });
    }
  }
  return found;
}

/** Pipfile: `[packages]` and `[dev-packages]`. */
export function parsePipfile(text: string): ParsedDependency[] {
  return readTomlEntries(text)
    .filter((entry) => entry.table === 'packages' || entry.table === 'dev-packages')
    .map((entry) => ({ name: firstKeySegment(entry.key), section: entry.table, line: entry.line }));
}

/** setup.py: the string literals of `install_requires=[...]` and `tests_require=[...]`. */
export function parseSetupPy(text: string): ParsedDependency[] {
  const code = lexSource(text, 'python').code;
  const found: ParsedDependency[] = [];
  for (const match of code.matchAll(/\b(install_requires|tests_require)\s*=\s*\[([^\]]*)\]/g)) {
    const body = match[2] ?? '';
    const bodyStart = match.index + match[0].indexOf('[') + 1;
    for (const item of body.matchAll(/(["'])([^"'\n]+)\1/g)) {
      const name = requirementName(item[2] ?? '');
      if (name !== undefined) {
        found.push({ name, section: match[1] ?? 'install_requires', line: lineOfIndex(text, bodyStart + item.index) });
      }
    }
  }
  return found;
}

/** setup.cfg: `install_requires` in `[options]` (one requirement per continuation line). */
export function parseSetupCfg(text: string): ParsedDependency[] {
  const lines = lexSource(text, 'hash').code.split('\n');
  const found: ParsedDependency[] = [];
  let section = '';
  let inRequires = false;
  for (const [index, raw] of lines.entries()) {
    const header = /^\[([^\]]+)\]/.exec(raw);
    if (header?.[1] !== undefined) {
      section = header[1].trim();
      inRequires = false;
      continue;
    }
    const key = /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(raw);
    if (key !== null) {
      inRequires = section === 'options' && (key[1] === 'install_requires' || key[1] === 'tests_require');
      const inline = key[2]?.trim() ?? '';
      if (inRequires && inline !== '') {
        addRequirement(found, inline, index);
      }
      continue;
    }
    if (inRequires && /^\s+\S/.test(raw)) {
      addRequirement(found, raw.trim(), index);
    }
  }
  return found;
}

function addRequirement(found: ParsedDependency[], requirement: string, index: number): void {
  const name = requirementName(requirement);
  if (name !== undefined) {
    found.push({ name, section: 'install_requires', line: index + 1 });
  }
}

function requirementStrings(value: string, section: string, firstLine: number): ParsedDependency[] {
  const lines = value.split('\n');
  const found: ParsedDependency[] = [];
  for (const [offset, line] of lines.entries()) {
    for (const item of tomlStrings(line)) {
      const name = requirementName(item);
      if (name !== undefined) {
        found.push({ name, section, line: firstLine + offset });
      }
    }
  }
  return found;
}

function firstKeySegment(key: string): string {
  return key.split('.')[0] ?? key;
}
