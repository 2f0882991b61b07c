import * as assert from 'node:assert/strict';
import { compileDependencyRule } from '../../../src/core/milestones/manifests/dependencyRule';
import { parseGoMod } from '../../../src/core/milestones/manifests/goMod';
import { parsePomXml } from '../../../src/core/milestones/manifests/jvmManifests';
import { parsePyprojectToml, parseRequirementsTxt, parseSetupCfg } from '../../../src/core/milestones/manifests/pythonManifests';
import { parseCargoToml } from '../../../src/core/milestones/manifests/cargoManifest';
import { parseGemfile } from '../../../src/core/milestones/manifests/rubyManifests';
import { readTomlEntries } from '../../../src/core/milestones/manifests/toml';
import { manifestKindOf } from '../../../src/core/milestones/manifests/registry';
import { normalizeName } from '../../../src/core/milestones/manifests/types';
import type { DeclaredDependency } from '../../../src/core/milestones/manifests/types';
import { lexSource } from '../../../src/core/scan/sourceLexer';

const names = (list: readonly { name: string }[]): string[] => list.map((item) => item.name);

describe('manifest parsing', () => {
  it('never treats lock files as manifests', () => {
    for (const lock of ['package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'poetry.lock', 'Pipfile.lock', 'Cargo.lock', 'composer.lock', 'Gemfile.lock', 'go.sum', 'uv.lock']) {
      assert.equal(manifestKindOf(lock), undefined, lock);
    }
    assert.equal(manifestKindOf('requirements/base.txt')?.ecosystem, 'pypi');
    assert.equal(manifestKindOf('docs/notes.txt'), undefined);
  });

  it('reads requirements lines, skipping options, URLs and comments', () => {
    const parsed = parseRequirementsTxt('-r base.txt\n--index-url https://x\nDjango>=5 ; python_version > "3.10"\nuvicorn[standard]==0.30  # server\n# celery\nhttps://x/y.whl\n-e .\n');
    assert.deepEqual(names(parsed), ['Django', 'uvicorn']);
    assert.equal(parsed[1]?.line, 4);
  });

  it('reads PEP 621, optional groups, PEP 735 groups and poetry tables', () => {
    const text = [
      '[project]',
      'dependencies = [',
      '  "fastapi>=0.110",',
      "  'sqlalchemy',",
      ']',
      '[project.optional-dependencies]',
      'dev = ["pytest"]',
      '[dependency-groups]',
      'lint = ["ruff"]',
      '[tool.poetry.group.dev.dependencies]',
      'black = "^24"',
      '[tool.poetry.dependencies.celery]',
      'version = "^5"',
    ].join('\n');
    assert.deepEqual(names(parsePyprojectToml(text)).sort(), ['black', 'celery', 'fastapi', 'pytest', 'ruff', 'sqlalchemy']);
  });

  it('reads setup.cfg install_requires', () => {
    assert.deepEqual(names(parseSetupCfg('[options]\ninstall_requires =\n    flask>=3\n    redis\n[flake8]\nmax-line-length = 1\n')), ['flask', 'redis']);
  });

  it('skips go.mod indirect requirements and comments', () => {
    const parsed = parseGoMod('module x\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/c/d v1.0.0 // indirect\n\t// github.com/e/f v1.0.0\n)\nrequire github.com/g/h/v2 v2.0.0\n');
    assert.deepEqual(names(parsed), ['github.com/a/b', 'github.com/g/h/v2']);
    assert.equal(normalizeName('go', 'github.com/g/h/v2'), 'github.com/g/h');
  });

  it('reads pom.xml dependencies but not dependencyManagement or plugins', () => {
    const pom = '<project><dependencyManagement><dependencies><dependency><groupId>a</groupId><artifactId>managed</artifactId></dependency></dependencies></dependencyManagement>' +
      '<dependencies><dependency><groupId>g</groupId><artifactId>used</artifactId></dependency></dependencies>' +
      '<build><plugins><plugin><dependencies><dependency><groupId>p</groupId><artifactId>plugin-dep</artifactId></dependency></dependencies></plugin></plugins></build></project>';
    assert.deepEqual(names(parsePomXml(pom)), ['g:used']);
  });

  it('reads Cargo tables, including target-specific and workspace tables', () => {
    const cargo = '[dependencies]\nserde = { version = "1" }\n[target.\'cfg(unix)\'.dependencies]\nnix = "0.28"\n[workspace.dependencies]\ntokio = "1"\n[dev-dependencies.mockall]\nversion = "0.12"\n[package.metadata.x]\nnotadep = "1"\n';
    assert.deepEqual(names(parseCargoToml(cargo)).sort(), ['mockall', 'nix', 'serde', 'tokio']);
  });

  it('ignores commented-out gems', () => {
    assert.deepEqual(names(parseGemfile("gem 'rails'\n# gem 'sidekiq'\n  gem \"pg\", '~> 1'\n")), ['rails', 'pg']);
  });

  it('matches exact names and declared families only', () => {
    const matches = compileDependencyRule({ npm: ['express', '@nestjs/*'], pypi: ['python-dotenv'] });
    const dep = (ecosystem: DeclaredDependency['ecosystem'], name: string): DeclaredDependency => ({ ecosystem, name: normalizeName(ecosystem, name), displayName: name, manifest: 'x', section: 's' });
    assert.equal(matches(dep('npm', 'express')), true);
    assert.equal(matches(dep('npm', 'expressive')), false);
    assert.equal(matches(dep('npm', '@nestjs/core')), true);
    assert.equal(matches(dep('npm', '@nestjsx/crud')), false);
    assert.equal(matches(dep('pypi', 'Python_Dotenv')), true);
    assert.equal(matches(dep('pypi', 'express')), false);
  });
});

describe('TOML reader', () => {
  it('joins multi-line arrays and inline tables by their brackets outside strings, keeping the first line', () => {
    // A literal string ('…') has no escapes: its closing quote after a backslash still closes it.
    const text = ['[libraries]', 'a = { module = "g:a", version = "]" }', 'list = [', '  "x]",  # ] in a comment', ']', "paths = ['C:\\dir\\']", 'b = "g:b:1"'].join('\n');
    const entries = readTomlEntries(text);
    assert.deepEqual(
      entries.map((entry) => [entry.key, entry.line]),
      [
        ['a', 2],
        ['list', 3],
        ['paths', 6],
        ['b', 7],
      ],
    );
    assert.equal(entries[1]?.value.split('\n').length, 3);
  });

  it('does not read lines inside multi-line strings as entries or tables', () => {
    const text = ['[package]', 'description = """', '[dependencies]', 'fake = "1"', '"""', "notes = '''", 'other = "2"', "'''", '[dependencies]', 'real = "1"'].join('\n');
    assert.deepEqual(
      readTomlEntries(text).map((entry) => `${entry.table}.${entry.key}`),
      ['package.description', 'package.notes', 'dependencies.real'],
    );
    assert.deepEqual(names(parseCargoToml(text)), ['real']);
  });

  it('takes # as a comment only outside strings', () => {
    const [entry] = readTomlEntries('key = "a # b" # comment\n');
    assert.equal(entry?.value.trim(), '"a # b"');
  });
});

describe('source lexer', () => {
  it('blanks comments but keeps positions and strings', () => {
    const text = "a(); // app.get('/x')\nb('// not a comment'); /* x\ny */ c();\n";
    const lexed = lexSource(text, 'js');
    assert.equal(lexed.code.length, text.length);
    assert.ok(!lexed.code.includes("app.get('/x')"));
    assert.ok(lexed.code.includes("'// not a comment'"));
    assert.ok(lexed.code.includes('c();'));
    assert.equal(lexed.lineOf(text.indexOf('c();')), 3);
  });

  it('tells code from string contents', () => {
    const text = 'x = "app.get(1)"; app.get(2)';
    const lexed = lexSource(text, 'js');
    assert.equal(lexed.isCode(text.indexOf('app.get(1)')), false);
    assert.equal(lexed.isCode(text.indexOf('app.get(2)')), true);
    assert.equal(lexed.isCode(text.indexOf('"')), true, 'the opening quote itself is code');
  });

  it('treats Python docstrings as strings and # as comments', () => {
    const text = 'def f():\n    """@app.get("/x")"""\n    # @app.post("/y")\n@app.put("/z")\n';
    const lexed = lexSource(text, 'python');
    assert.equal(lexed.isCode(text.indexOf('@app.get')), false);
    assert.ok(!lexed.code.includes('@app.post'));
    assert.equal(lexed.isCode(text.indexOf('@app.put')), true);
  });

  it('keeps PHP attributes and Rust lifetimes as code', () => {
    const php = "<?php\n#[Route('/a')]\n# Route::get('/b')\n";
    const lexedPhp = lexSource(php, 'php');
    assert.ok(lexedPhp.code.includes("#[Route('/a')]"));
    assert.ok(!lexedPhp.code.includes("Route::get('/b')"));
    const rust = "fn f<'a>(x: &'a str) { router.route(\"/x\", get(h)); }";
    const lexedRust = lexSource(rust, 'c');
    assert.equal(lexedRust.isCode(rust.indexOf('router')), true);
  });

  it('only takes # after a blank as a YAML comment', () => {
    const lexed = lexSource('url: http://x/#anchor # comment\n', 'hash');
    assert.ok(lexed.code.includes('#anchor'));
    assert.ok(!lexed.code.includes('comment'));
  });
});
