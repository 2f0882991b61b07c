import { lexSource, lineOfIndex } from '../../scan/sourceLexer';
import { inlineTableField, readTomlEntries, tomlStrings } from './toml';
import type { ParsedDependency } from './types';

/**
 * pom.xml `<dependency>` elements as `groupId:artifactId`. Versions pinned in `<dependencyManagement>`
 * and build plugins' own dependencies are not the project's dependencies and are skipped.
 */
export function parsePomXml(text: string): ParsedDependency[] {
  let code = lexSource(text, 'xml').code;
  code = blankElements(code, 'dependencyManagement');
  code = blankElements(code, 'plugins');
  code = blankElements(code, 'pluginManagement');
  const found: ParsedDependency[] = [];
  for (const match of code.matchAll(/<dependency>([\s\S]*?)<\/dependency>/g)) {
    const body = match[1] ?? '';
    const group = /<groupId>\s*([^<\s]+)\s*<\/groupId>/.exec(body)?.[1];
    const artifact = /<artifactId>\s*([^<\s]+)\s*<\/artifactId>/.exec(body);
    if (group !== undefined && artifact?.[1] !== undefined) {
      const at = match.index + '<dependency>'.length + artifact.index;
      found.push({ name: `${group}:${artifact[1]}`, section: 'dependencies', line: lineOfIndex(text, at) });
    }
  }
  return found;
}

/** Replaces every `<name>…</name>` element with spaces, keeping positions and newlines. */
function blankElements(code: string, name: string): string {
  return code.replace(new RegExp(`<${name}>[\\s\\S]*?</${name}>`, 'g'), (element) => element.replace(/[^\n]/g, ' '));
}

const GRADLE_CONFIGURATIONS =
  'implementation|api|compileOnly|runtimeOnly|testImplementation|testRuntimeOnly|testCompileOnly|developmentOnly|' +
  'annotationProcessor|kapt|ksp|compile|testCompile|runtime|integrationTestImplementation';

const GRADLE_STRING = new RegExp(
  `\\b(${GRADLE_CONFIGURATIONS})\\s*\\(?\\s*(?:platform\\s*\\(\\s*|enforcedPlatform\\s*\\(\\s*)?["']([^"':\\s$]+):([^"':\\s$]+)`,
  'g',
);
const GRADLE_MAP = new RegExp(`\\b(${GRADLE_CONFIGURATIONS})\\s*\\(?\\s*group\\s*[:=]\\s*["']([^"']+)["']\\s*,\\s*name\\s*[:=]\\s*["']([^"']+)["']`, 'g');

/** build.gradle / build.gradle.kts dependency declarations with string coordinates (`g:a:v`) or maps. */
export function parseGradleBuild(text: string): ParsedDependency[] {
  const code = lexSource(text, 'c').code;
  const found: ParsedDependency[] = [];
  for (const pattern of [GRADLE_STRING, GRADLE_MAP]) {
    for (const match of code.matchAll(pattern)) {
      const group = match[2];
      const artifact = match[3];
      if (group !== undefined && artifact !== undefined) {
        found.push({ name: `${group}:${artifact}`, section: match[1] ?? 'dependencies', line: lineOfIndex(text, match.index) });
      }
    }
  }
  return found;
}

/** gradle/libs.versions.toml `[libraries]`: `x = "g:a:v"`, `{ module = "g:a" }` or `{ group = "g", name = "a" }`. */
export function parseGradleVersionCatalog(text: string): ParsedDependency[] {
  const found: ParsedDependency[] = [];
  for (const entry of readTomlEntries(text)) {
    if (entry.table !== 'libraries') {
      continue;
    }
    const value = entry.value.trim();
    let coordinate: string | undefined;
    if (value.startsWith('{')) {
      const module = inlineTableField(value, 'module');
      const group = inlineTableField(value, 'group');
      const name = inlineTableField(value, 'name');
      coordinate = module ?? (group !== undefined && name !== undefined ? `${group}:${name}` : undefined);
    } else {
      coordinate = tomlStrings(value)[0];
    }
    const parts = coordinate?.split(':');
    if (parts?.[0] !== undefined && parts[1] !== undefined) {
      found.push({ name: `${parts[0]}:${parts[1]}`, section: 'version catalog', line: entry.line });
    }
  }
  return found;
}
