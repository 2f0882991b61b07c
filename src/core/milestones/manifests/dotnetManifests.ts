import { lexSource, lineOfIndex } from '../../scan/sourceLexer';
import type { ParsedDependency } from './types';

/**
 * .csproj/.fsproj: `<PackageReference Include="…">`, plus the project SDK (`Microsoft.NET.Sdk.Web`
 * means ASP.NET Core) and `<FrameworkReference>` entries, reported as dependencies of their own section.
 */
export function parseDotnetProject(text: string): ParsedDependency[] {
  const code = lexSource(text, 'xml').code;
  const found: ParsedDependency[] = [];
  for (const match of code.matchAll(/<PackageReference\b[^>]*?\bInclude\s*=\s*"([^"]+)"/g)) {
    found.push({ name: match[1] ?? '', section: 'PackageReference', line: lineOfIndex(text, match.index) });
  }
  for (const match of code.matchAll(/<FrameworkReference\b[^>]*?\bInclude\s*=\s*"([^"]+)"/g)) {
    found.push({ name: match[1] ?? '', section: 'FrameworkReference', line: lineOfIndex(text, match.index) });
  }
  for (const match of code.matchAll(/<Project\b[^>]*?\bSdk\s*=\s*"([^"]+)"/g)) {
    found.push({ name: match[1] ?? '', section: 'Sdk', line: lineOfIndex(text, match.index) });
  }
  return found.filter((dependency) => dependency.name !== '');
}
