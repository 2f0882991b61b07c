import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('tooling detectors', () => {
  describe('tooling.lint', () => {
    it('eslint flat config', () => assertPresent({ 'eslint.config.mjs': 'export default [];\n' }, 'tooling.lint', 'eslint.config.mjs'));
    it('prettier config', () => assertPresent({ '.prettierrc': '{}' }, 'tooling.lint', '.prettierrc'));
    it('ruff in pyproject.toml', () =>
      assertPresent({ 'pyproject.toml': '[project]\nname = "x"\n\n[tool.ruff]\nline-length = 100\n' }, 'tooling.lint', '[tool.ruff] in pyproject.toml:4'));
    it('flake8 in setup.cfg', () => assertPresent({ 'setup.cfg': '[metadata]\nname = x\n[flake8]\nmax-line-length = 100\n' }, 'tooling.lint', '[flake8] in setup.cfg:3'));
    it('golangci', () => assertPresent({ '.golangci.yml': 'linters:\n' }, 'tooling.lint', '.golangci.yml'));
    it('rubocop', () => assertPresent({ '.rubocop.yml': 'AllCops:\n' }, 'tooling.lint', '.rubocop.yml'));
    it('checkstyle plugin in pom.xml', () =>
      assertPresent({ 'pom.xml': '<project><build><plugins><plugin><artifactId>maven-checkstyle-plugin</artifactId></plugin></plugins></build></project>' }, 'tooling.lint', /^maven-checkstyle-plugin in pom\.xml:1$/));
    it('php-cs-fixer', () => assertPresent({ '.php-cs-fixer.dist.php': '<?php\n' }, 'tooling.lint', '.php-cs-fixer.dist.php'));
    it('rustfmt', () => assertPresent({ 'rustfmt.toml': 'edition = "2021"\n' }, 'tooling.lint', 'rustfmt.toml'));
    it('eslintConfig in package.json', () => assertPresent({ 'package.json': '{"eslintConfig":{"extends":"x"}}' }, 'tooling.lint', '"eslintConfig" in package.json'));
    it('not a [tool.ruff] inside a comment, nor a config under node_modules', () =>
      assertAbsent({ 'pyproject.toml': '# [tool.ruff] later\n[project]\nname = "x"\n', 'node_modules/x/.eslintrc.json': '{}' }, 'tooling.lint'));
  });

  describe('tooling.env', () => {
    it('.env.example', () => assertPresent({ '.env.example': 'PORT=3000\n' }, 'tooling.env', '.env.example'));
    it('dotenv in package.json', () => assertPresent({ 'package.json': '{"dependencies":{"dotenv":"^16"}}' }, 'tooling.env', 'dotenv in package.json (dependencies)'));
    it('python-dotenv in requirements.txt', () => assertPresent({ 'requirements.txt': 'flask==3.0\npython_dotenv>=1.0  # env\n' }, 'tooling.env', 'python_dotenv in requirements.txt'));
    it('godotenv in go.mod', () =>
      assertPresent({ 'go.mod': 'module x\n\nrequire (\n\tgithub.com/joho/godotenv v1.5.1\n)\n' }, 'tooling.env', 'github.com/joho/godotenv in go.mod (require)'));
    it('not a .env file (a secret, not an example), nor dotenv only in package-lock.json', () =>
      assertAbsent({ '.env': 'SECRET=x\n', 'package.json': '{}', 'package-lock.json': '{"packages":{"node_modules/dotenv":{}}}' }, 'tooling.env'));
  });
});
