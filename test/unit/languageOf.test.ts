import * as assert from 'node:assert/strict';
import { languageOf } from '../../src/core/milestones/sourceLanguages';

describe('languageOf', () => {
  it('names the language of an extension in any letter case', () => {
    assert.equal(languageOf('src/app.ts'), 'js');
    assert.equal(languageOf('src/App.TSX'), 'js');
    assert.equal(languageOf('Main.JAVA'), 'java');
    assert.equal(languageOf('config.ru'), 'ruby');
    assert.equal(languageOf('lib/x.Rs'), 'rust');
    assert.equal(languageOf('.js'), 'js');
  });

  it('gives none for other files, declarations and minified scripts', () => {
    for (const path of ['README.md', 'Dockerfile', 'a.', 'a.b/c', 'x.json', 'x.javas', 'x.tsé', 'é.txt', 'types.d.ts', 'vendor/x.min.js', 'x.min.cjs', 'x.min.mjs']) {
      assert.equal(languageOf(path), undefined, path);
    }
    // The checks for generated files are exact, as they were: an upper-case ".MIN.JS" is still a script.
    assert.equal(languageOf('x.MIN.JS'), 'js');
    assert.equal(languageOf('é/x.py'), 'python');
  });
});

describe('languageOf, exactly as the lower-cased extension lookup it replaced', () => {
  const EXTENSIONS: Record<string, string> = { '.js': 'js', '.mjs': 'js', '.cjs': 'js', '.jsx': 'js', '.ts': 'js', '.mts': 'js', '.cts': 'js', '.tsx': 'js', '.py': 'python', '.go': 'go', '.java': 'java', '.kt': 'kotlin', '.cs': 'csharp', '.php': 'php', '.rb': 'ruby', '.ru': 'ruby', '.rs': 'rust' };
  const reference = (path: string): string | undefined => {
    const dot = path.lastIndexOf('.');
    if (dot < 0 || path.endsWith('.d.ts') || /\.min\.[cm]?js$/.test(path)) {
      return undefined;
    }
    return EXTENSIONS[path.slice(dot).toLowerCase()];
  };

  it('agrees on every extension in every letter case, generated names and look-alikes', () => {
    const names = ['x', 'types.d', 'bundle.min', 'a.b/c', 'é', 'x.D', 'y.MIN'];
    const extensions = [...Object.keys(EXTENSIONS), '.json', '.javas', '.j', '.', '.tsé', '.D.TS', '.d.TS', '.MIN.JS', '.min.js', '.min.cjs', '.min.mjs', '.min.ts', '.d.js'];
    for (const name of names) {
      for (const extension of extensions) {
        for (const written of [extension, extension.toUpperCase(), extension.charAt(0) + extension.charAt(1).toUpperCase() + extension.slice(2)]) {
          const path = `src/${name}${written}`;
          assert.equal(languageOf(path), reference(path), path);
        }
      }
    }
  });
});
