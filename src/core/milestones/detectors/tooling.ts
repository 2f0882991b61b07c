import type { Detector } from '../detector';
import { parseJsonObject } from '../manifests/jsonManifests';
import { signalDetector } from '../signals';
import { codeMatch, namedFiles } from './common';

/** Linter and formatter configuration files of every stack (lower-case names). */
const LINT_CONFIG_NAMES = [
  '.eslintrc', '.eslintrc.js', '.eslintrc.cjs', '.eslintrc.json', '.eslintrc.yml', '.eslintrc.yaml',
  'eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts',
  '.prettierrc', '.prettierrc.json', '.prettierrc.json5', '.prettierrc.yml', '.prettierrc.yaml', '.prettierrc.js', '.prettierrc.cjs', '.prettierrc.mjs', '.prettierrc.toml',
  'prettier.config.js', 'prettier.config.cjs', 'prettier.config.mjs', 'prettier.config.ts',
  'biome.json', 'biome.jsonc', '.oxlintrc.json', 'dprint.json', '.jshintrc', 'tslint.json', '.stylelintrc', '.stylelintrc.json',
  'ruff.toml', '.ruff.toml', '.flake8', '.pylintrc', 'pylintrc',
  '.golangci.yml', '.golangci.yaml', '.golangci.toml', '.golangci.json',
  '.rubocop.yml', '.standard.yml',
  'checkstyle.xml', 'detekt.yml', '.scalafmt.conf', '.editorconfig-checker.json',
  '.php-cs-fixer.php', '.php-cs-fixer.dist.php', '.php_cs', '.php_cs.dist', 'phpcs.xml', 'phpcs.xml.dist', '.phpcs.xml', 'pint.json', 'phpstan.neon', 'phpstan.neon.dist',
  'rustfmt.toml', '.rustfmt.toml', 'clippy.toml', '.clippy.toml',
  '.csharpierrc', '.csharpierrc.json', '.csharpierrc.yaml', 'stylecop.json',
];

const LINT_CONFIG_GLOB = `**/{${[
  '.eslintrc*', 'eslint.config.*', '.prettierrc*', 'prettier.config.*', 'biome.json*', '.oxlintrc.json', 'dprint.json', '.jshintrc', 'tslint.json', '.stylelintrc*',
  'ruff.toml', '.ruff.toml', '.flake8', '.pylintrc', 'pylintrc', '.golangci.*', '.rubocop.yml', '.standard.yml', 'checkstyle.xml', 'detekt.yml', '.scalafmt.conf',
  '.editorconfig-checker.json', '.php-cs-fixer*', '.php_cs*', 'phpcs.xml*', '.phpcs.xml', 'pint.json', 'phpstan.neon*', 'rustfmt.toml', '.rustfmt.toml', 'clippy.toml',
  '.clippy.toml', '.csharpierrc*', 'stylecop.json',
].join(',')}}`;

const tooling = signalDetector({
  id: 'tooling.lint',
  files: [
    { rule: namedFiles(LINT_CONFIG_NAMES, [LINT_CONFIG_GLOB]) },
    {
      rule: namedFiles(['pyproject.toml'], ['**/pyproject.toml']),
      content: codeMatch(/^\s*\[tool\.(ruff|black|pylint|isort|flake8|autopep8|yapf|pycodestyle)\b/gm, 'hash', (m, path, line) => `[tool.${m[1] ?? ''}] in ${path}:${line}`),
    },
    {
      rule: namedFiles(['setup.cfg', 'tox.ini'], ['**/{setup.cfg,tox.ini}']),
      content: codeMatch(/^\s*\[(flake8|pycodestyle|pylint|isort)\]/gm, 'hash', (m, path, line) => `[${m[1] ?? ''}] in ${path}:${line}`),
    },
    {
      rule: namedFiles(['package.json'], ['**/package.json']),
      content: (text, path) => {
        const manifest = parseJsonObject(text);
        const key = ['eslintConfig', 'prettier'].find((name) => manifest?.[name] !== undefined);
        return key === undefined ? undefined : { summary: `"${key}" in ${path}` };
      },
    },
    {
      rule: namedFiles(['pom.xml', 'build.gradle', 'build.gradle.kts'], ['**/{pom.xml,build.gradle,build.gradle.kts}']),
      content: codeMatch(
        /(maven-checkstyle-plugin|spotless-maven-plugin|ktlint|detekt|com\.diffplug\.spotless|\bid\s*\(?\s*["']checkstyle["']|\bcheckstyle\s*\{|\bspotless\s*\{)/g,
        'c',
        (m, path, line) => `${(m[1] ?? '').replace(/\s+/g, ' ')} in ${path}:${line}`,
      ),
    },
  ],
});

const env = signalDetector({
  id: 'tooling.env',
  files: [
    {
      rule: namedFiles(
        ['.env.example', '.env.sample', '.env.template', '.env.dist', '.env.defaults', 'env.example', 'example.env', 'sample.env'],
        ['**/{.env.example,.env.sample,.env.template,.env.dist,.env.defaults,env.example,example.env,sample.env}'],
      ),
    },
  ],
  dependencies: {
    npm: ['dotenv', 'dotenv-flow', 'dotenv-safe', 'dotenv-expand', '@nestjs/config', 'envalid', 'env-var', '@t3-oss/env-core', '@t3-oss/env-nextjs'],
    pypi: ['python-dotenv', 'pydantic-settings', 'environs', 'django-environ', 'python-decouple', 'dynaconf'],
    go: ['github.com/joho/godotenv', 'github.com/kelseyhightower/envconfig', 'github.com/caarlos0/env', 'github.com/sethvargo/go-envconfig'],
    maven: ['io.github.cdimascio:dotenv-java', 'io.github.cdimascio:java-dotenv', 'me.paulschwarz:spring-dotenv'],
    nuget: ['DotNetEnv', 'dotenv.net'],
    composer: ['vlucas/phpdotenv', 'symfony/dotenv'],
    rubygems: ['dotenv', 'dotenv-rails'],
    cargo: ['dotenvy', 'dotenv', 'envy'],
  },
});

export const TOOLING_DETECTORS: readonly Detector[] = [tooling, env];
