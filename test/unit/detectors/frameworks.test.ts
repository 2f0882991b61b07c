import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('framework.web', () => {
  const id = 'framework.web';
  it('express in package.json', () => assertPresent({ 'package.json': '{\n  "dependencies": {\n    "express": "^4.19.0"\n  }\n}' }, id, 'express in package.json (dependencies)'));
  it('NestJS in a workspace package', () => assertPresent({ 'apps/api/package.json': '{"dependencies":{"@nestjs/core":"10"}}' }, id, '@nestjs/core in apps/api/package.json (dependencies)'));
  it('fastapi in pyproject.toml (PEP 621)', () =>
    assertPresent({ 'pyproject.toml': '[project]\nname = "x"\ndependencies = [\n  "fastapi>=0.110",\n  "uvicorn[standard]",\n]\n' }, id, 'fastapi in pyproject.toml (project.dependencies)'));
  it('Django in poetry', () => assertPresent({ 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\nDjango = "^5.0"\n' }, id, 'Django in pyproject.toml (tool.poetry.dependencies)'));
  it('Flask in Pipfile', () => assertPresent({ 'Pipfile': '[packages]\nflask = "*"\n' }, id, 'flask in Pipfile (packages)'));
  it('flask in setup.py', () => assertPresent({ 'setup.py': "from setuptools import setup\nsetup(name='x', install_requires=[\n  'Flask>=3',\n])\n" }, id, 'Flask in setup.py (install_requires)'));
  it('gin in go.mod (major version suffix normalised)', () =>
    assertPresent({ 'go.mod': 'module x\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.10.0\n' }, id, 'github.com/gin-gonic/gin in go.mod (require)'));
  it('echo v4 in go.mod', () => assertPresent({ 'go.mod': 'module x\n\nrequire (\n\tgithub.com/labstack/echo/v4 v4.12.0\n)\n' }, id, 'github.com/labstack/echo/v4 in go.mod (require)'));
  it('spring-boot-starter-web in pom.xml', () =>
    assertPresent(
      { 'pom.xml': '<project>\n<dependencies>\n<dependency>\n<groupId>org.springframework.boot</groupId>\n<artifactId>spring-boot-starter-web</artifactId>\n</dependency>\n</dependencies>\n</project>' },
      id,
      'org.springframework.boot:spring-boot-starter-web in pom.xml (dependencies)',
    ));
  it('spring-boot-starter-web in build.gradle.kts', () =>
    assertPresent({ 'build.gradle.kts': 'dependencies {\n  implementation("org.springframework.boot:spring-boot-starter-web")\n}\n' }, id, 'org.springframework.boot:spring-boot-starter-web in build.gradle.kts (implementation)'));
  it('Ktor via a Gradle version catalog', () =>
    assertPresent({ 'gradle/libs.versions.toml': '[libraries]\nktor-server-core = { module = "io.ktor:ktor-server-core", version.ref = "ktor" }\n' }, id, /^io\.ktor:ktor-server-core in gradle\/libs\.versions\.toml/));
  it('ASP.NET Core web SDK in a .csproj', () => assertPresent({ 'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n</Project>\n' }, id, 'Microsoft.NET.Sdk.Web SDK in Api/Api.csproj'));
  it('laravel/framework in composer.json', () => assertPresent({ 'composer.json': '{"require":{"php":"^8.2","laravel/framework":"^11.0"}}' }, id, 'laravel/framework in composer.json (require)'));
  it('rails in Gemfile', () => assertPresent({ 'Gemfile': "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n" }, id, 'rails in Gemfile'));
  it('axum in Cargo.toml', () => assertPresent({ 'Cargo.toml': '[package]\nname = "x"\n\n[dependencies]\naxum = "0.7"\ntokio = { version = "1", features = ["full"] }\n' }, id, 'axum in Cargo.toml (dependencies)'));
  it('actix-web as a [dependencies.actix-web] table', () => assertPresent({ 'Cargo.toml': '[dependencies.actix-web]\nversion = "4"\n' }, id, 'actix-web in Cargo.toml (dependencies)'));

  describe('near misses', () => {
    it('expressive is not express', () => assertAbsent({ 'package.json': '{"dependencies":{"expressive":"1","express-validator":"7"}}' }, id));
    it('express only in package-lock.json / yarn.lock', () =>
      assertAbsent({ 'package.json': '{"dependencies":{"lodash":"4"}}', 'package-lock.json': '{"packages":{"node_modules/express":{"version":"4"}}}', 'yarn.lock': 'express@^4:\n  version "4"\n' }, id));
    it('flask only in poetry.lock', () => assertAbsent({ 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\n', 'poetry.lock': '[[package]]\nname = "flask"\n' }, id));
    it('a commented-out requirement', () => assertAbsent({ 'requirements.txt': '# django==5.0\nrequests==2.31\n' }, id));
    it('express in a package.json under node_modules', () => assertAbsent({ 'package.json': '{}', 'node_modules/x/package.json': '{"dependencies":{"express":"4"}}' }, id));
    it('gin only as an indirect requirement in go.mod', () => assertAbsent({ 'go.mod': 'module x\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0 // indirect\n)\n' }, id));
    it('spring-boot-starter-web only in dependencyManagement', () =>
      assertAbsent({ 'pom.xml': '<project><dependencyManagement><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></dependencyManagement></project>' }, id));
    it('a dependency inside an XML comment', () =>
      assertAbsent({ 'pom.xml': '<project><dependencies><!-- <dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency> --></dependencies></project>' }, id));
    it('the word express in a README', () => assertAbsent({ 'README.md': 'Built with express and flask.\n' }, id));
  });
});
