import type { Detector } from '../detector';
import type { FileSignal } from '../signals';
import { signalDetector } from '../signals';
import type { SourceSignal } from '../sourceScan';
import { isTestPath, LANGUAGE_EXTENSIONS } from '../sourceLanguages';
import type { SourceLanguage } from '../sourceLanguages';
import { ownFile } from './common';
import { allOf, codeMatchByPath, rawMatch, uncommentedMatch } from './contentMatchers';
import { GENERATED_TEST } from './tests';

/*
 * Testing milestones count test files only (the opposite of feature milestones), minus the tests and
 * examples that project generators write (Nest's e2e spec, Spring's *ApplicationTests, Laravel's
 * ExampleTest, Playwright's and Cypress's example specs). Coverage is configuration, read from the
 * project's config, manifests and CI.
 */

/** Example specs written by `npm init playwright` and `cypress open`. */
const GENERATED_EXAMPLE = /(^|\/)(tests-examples\/|1-getting-started\/|2-advanced-examples\/)|(^|\/)(example\.spec\.[jt]s|spec\.cy\.[jt]s)$/;

/** Test files: the engine's classifier, plus Django's per-app `tests.py`. */
function ownTest(path: string): boolean {
  return ownFile(path) && (isTestPath(path) || /(^|\/)tests\.py$/.test(path)) && !GENERATED_TEST.test(path) && !GENERATED_EXAMPLE.test(path);
}

/** Source patterns checked in test files only. */
function inTests(languages: readonly SourceLanguage[], pattern: RegExp, describe: (m: RegExpExecArray) => string, unless?: RegExp): SourceSignal {
  return { languages, pattern, describe, includeTests: true, where: ownTest, ...(unless === undefined ? {} : { unless }) };
}

/** A test file of one language whose content passes `check` (for rules that need two facts in one file). */
function testFiles(extensions: readonly string[], glob: string, check: FileSignal['content'], where: (path: string) => boolean = ownTest): FileSignal {
  return { rule: { extensions, where, globs: [glob] }, ...(check === undefined ? {} : { content: check }), maxReads: 200 };
}

/** A test definition on a code line, in any language. */
const TEST_DEFINITION = codeMatchByPath(
  /\b(?:it|test|describe)\s*\(|^[ \t]*(?:async[ \t]+)?def[ \t]+test\w*\s*\(|^func[ \t]+Test\w*\s*\(|@Test\b|\[(?:Fact|Theory|Test|TestMethod)\]|^[ \t]*(?:it|test)[ \t]+['"]/gm,
);

/** Rust tests live beside the code: a file counts when it has a test module or test attribute. */
const RUST_TEST = codeMatchByPath(/#\[cfg\(test\)\]|#\[(?:tokio::)?test\]/g);

const mocking = signalDetector({
  id: 'test.mocking',
  sources: [
    inTests(['js'], /\b(jest|vi)\.(mock|fn|spyOn|doMock|stubGlobal)\s*\(|\bsinon\.(stub|spy|mock|fake|createSandbox)\b|\bnock\s*\(|\bsetupServer\s*\(|\btd\.(replace|func|object)\s*\(/g, (m) => (m[1] !== undefined ? `${m[1]}.${m[2] ?? ''}()` : m[3] !== undefined ? `sinon.${m[3]}` : m[0].replace(/\s*\($/, '()'))),
    inTests(['python'], /\bmock\.patch\b|@patch(?:\.object)?\s*\(|\b(?:Magic|Async)?Mock\s*\(|\bmocker\.(?:patch|spy|stub)\b|@responses\.activate\b|\bresponses\.add\s*\(|\brespx\.mock\b|\bcreate_autospec\s*\(/g, (m) => m[0].replace(/\s*\($/, '()')),
    inTests(['java', 'kotlin'], /\bMockito\.\w+|@(?:Mock|MockBean|MockitoBean|MockK|SpyBean|InjectMocks)\b|\bmockk\s*(?:<|\()|\bWireMock\w*\b/g, (m) => m[0].replace(/\s*[<(]$/, '')),
    inTests(['csharp'], /\bnew\s+Mock<|\bMock\.Of<|\bSubstitute\.For<|\bA\.Fake</g, (m) => m[0].replace(/^new\s+/, 'new ')),
    inTests(['go'], /\bgomock\.NewController\s*\(|"github\.com\/stretchr\/testify\/mock"|"go\.uber\.org\/mock\/gomock"|"github\.com\/golang\/mock\/gomock"|\bsqlmock\.New\s*\(|\bhttpmock\.Activate\s*\(/g, (m) => m[0].replace(/"/g, '')),
    inTests(['php'], /\$this->(?:createMock|createStub|getMockBuilder|prophesize|partialMock)\s*\(|\bMockery::(?:mock|spy)\s*\(|->shouldReceive\s*\(|\b(?:Http|Queue|Mail|Event|Notification|Bus|Storage)::fake\s*\(/g, (m) => m[0].replace(/\s*\($/, '()')),
    inTests(['ruby'], /\b(?:instance_|class_|object_)?double\s*\(|\b(?:allow|expect)\s*\([^)\n]*\)\s*\.to\s+(?:receive|have_received)\b|\bstub_request\s*\(|\.stubs\s*\(/g, (m) => m[0].replace(/\s*\($/, '()')),
  ],
  files: [
    testFiles(LANGUAGE_EXTENSIONS.rust, '**/*.rs', allOf(codeMatchByPath(/#\[automock\]|\bmock!\s*\{|\bMockServer::start\b|\bmockito::Server\b/g, (m, path, line) => `${m[0]} in ${path}:${line}`), RUST_TEST), ownFile),
  ],
  sourceHint: /mock|stub|fake|unit/,
});

const DJANGO_DB_TEST = allOf(
  codeMatchByPath(/^[ \t]*class[ \t]+(\w+)\([^)\n]*\b(?:TestCase|TransactionTestCase|LiveServerTestCase|APITestCase)\)/gm, (m, path, line) => `Django database test ${m[1] ?? ''} in ${path}:${line}`),
  codeMatchByPath(/\bfrom[ \t]+(?:django\.test|rest_framework\.test)[ \t]+import\b/g),
);

/** A CI job that starts a database or broker (a `services:` image, or `docker compose up` of one) and runs the tests. */
const CI_SERVICE_TESTS = allOf(
  uncommentedMatch(
    /^[ \t]+services:[ \t]*\n(?:[ \t]*\n|[ \t]+.*\n)*?[ \t]+image:[ \t]*['"]?((?:postgres|postgis\/postgis|mysql|mariadb|mongo|redis|rabbitmq|elasticsearch|mcr\.microsoft\.com\/mssql)[\w./:-]*)|\bdocker[ -]compose\b[^\n]*\bup\b[^\n]*?\b(db|database|postgres|mysql|mariadb|mongo|mongodb|redis)\b/gm,
    'hash',
    (m, path, line) => `CI tests with a ${m[1] ?? m[2] ?? ''} service in ${path}:${line}`,
  ),
  uncommentedMatch(/\b(?:npm|pnpm|yarn|bun)[ \t]+(?:run[ \t]+)?test\b|\bpytest\b|\bgo[ \t]+test\b|\bmvn\b|\bgradlew?\b|\bdotnet[ \t]+test\b|\brspec\b|\bphpunit\b|\bartisan[ \t]+test\b|\bcargo[ \t]+test\b|\brails[ \t]+test\b|manage\.py[ \t]+test\b|^[ \t]*-?[ \t]*name:[ \t]*['"]?(?:Run[ \t]+)?(?:unit[ \t]+|integration[ \t]+|backend[ \t]+)?tests?\b|\bscripts\/[\w-]*tests?[\w-]*\.sh\b/gim, 'hash'),
);

const integration = signalDetector({
  id: 'test.integration',
  files: [
    testFiles(['.py'], '**/*.py', DJANGO_DB_TEST),
    // Go integration tests are usually behind a build tag (a directive, not a comment).
    testFiles(['.go'], '**/*_test.go', allOf(rawMatch(/^\/\/(?:go:build|[ \t]*\+build)[ \t][^\n]*\bintegration\b/m, (_m, path, line) => `integration build tag in ${path}:${line}`), TEST_DEFINITION)),
    // Rails model tests and specs run against the test database.
    testFiles(['.rb'], '**/{spec/models,test/models}/**/*.rb', allOf(codeMatchByPath(/^[ \t]*(?:it|test|specify)[ \t]*\(?[ \t]*['"]/gm, (_m, path, line) => `Active Record model test in ${path}:${line}`)), (path) => ownTest(path) && /(^|\/)(spec|test)\/models\//.test(path)),
    // Tests in an integration folder or named as integration tests, with a test definition.
    testFiles(
      Object.values(LANGUAGE_EXTENSIONS).flat(),
      '**/*integration*/**',
      allOf(TEST_DEFINITION),
      (path) => /(^|\/)(integration|integration[-_]tests?|it)\/|\.(integration|int)\.(test|spec)\.[cm]?[jt]sx?$|[a-z0-9]IT\.(java|kt)$/.test(path) && ownTest(path),
    ),
    {
      rule: { extensions: ['.yml', '.yaml'], where: (path) => /(^|\/)\.github\/workflows\/[^/]+$|(^|\/)\.gitlab-ci\.ya?ml$/.test(path), globs: ['**/.github/workflows/*.{yml,yaml}', '**/.gitlab-ci.yml'] },
      content: CI_SERVICE_TESTS,
    },
  ],
  sources: [
    inTests(['js'], /(['"])(testcontainers|@testcontainers\/[\w-]+)\1/g, (m) => m[2] ?? ''),
    inTests(['python'], /\b(?:from|import)[ \t]+testcontainers\b|@pytest\.mark\.django_db\b/g, (m) => (m[0].includes('django_db') ? '@pytest.mark.django_db' : 'testcontainers')),
    inTests(['java', 'kotlin'], /@(SpringBootTest|DataJpaTest|DataMongoTest|DataJdbcTest|DataR2dbcTest|JdbcTest|Testcontainers)\b/g, (m) => `@${m[1] ?? ''}`),
    inTests(['csharp'], /\bWebApplicationFactory<|\busing[ \t]+Testcontainers\b|\bnew[ \t]+(?:PostgreSql|MsSql|MySql|MongoDb|Redis)Builder\s*\(/g, (m) => m[0].replace(/<$/, '').replace(/\s*\($/, '()')),
    inTests(['go'], /"github\.com\/testcontainers\/testcontainers-go[\w/.-]*"/g, () => 'testcontainers-go'),
    // Laravel feature tests that reset a real test database (the trait used inside the class).
    inTests(['php'], /^[ \t]+use[ \t]+(RefreshDatabase|LazilyRefreshDatabase|DatabaseMigrations|DatabaseTransactions)[ \t]*;/gm, (m) => m[1] ?? ''),
  ],
  sourceHint: /integration|feature|it\//,
});

const api = signalDetector({
  id: 'test.api',
  files: [
    {
      rule: { namePattern: /\.postman_collection\.json$/, where: ownFile, globs: ['**/*.postman_collection.json'] },
      content: uncommentedMatch(/"request"\s*:/g, 'js', (_m, path) => `Postman collection ${path}`),
    },
    {
      rule: { extensions: ['.hurl'], where: ownFile, globs: ['**/*.hurl'] },
      content: uncommentedMatch(/^(GET|POST|PUT|PATCH|DELETE)[ \t]+\S+/gm, 'hash', (m, path, line) => `Hurl request ${m[0]} in ${path}:${line}`),
    },
    testFiles(LANGUAGE_EXTENSIONS.rust, '**/*.rs', allOf(codeMatchByPath(/\.oneshot\s*\(|\btest::init_service\s*\(|\bTestRequest::(?:get|post|put|patch|delete|default)\s*\(/g, (m, path, line) => `${m[0].replace(/\s*\($/, '()')} in ${path}:${line}`), RUST_TEST), ownFile),
  ],
  sources: [
    inTests(['js'], /(['"])(supertest|light-my-request)\1|\.inject\s*\(\s*\{|\bapp\.request\s*\(\s*['"`]\//g, (m) => m[2] ?? (m[0].startsWith('.inject') ? 'inject()' : 'app.request()')),
    inTests(['python'], /\b(TestClient|APIClient)\s*\(|\bAsyncClient\s*\(\s*(?:app\s*=|transport\s*=)|\bAPITestCase\b|\bself\.client\.(?:get|post|put|patch|delete)\s*\(|\.test_client\s*\(|\bclient\.(?:get|post|put|patch|delete)\s*\(\s*f?['"]\//g, (m) => m[1] ?? m[0].replace(/\s*\($/, '()')),
    inTests(['java', 'kotlin'], /\b(MockMvc|WebTestClient|TestRestTemplate|RestAssured)\b|\bio\.restassured\b/g, (m) => m[1] ?? 'RestAssured'),
    inTests(['csharp'], /\.CreateClient\s*\(|\bWebApplicationFactory</g, (m) => (m[0].startsWith('.') ? 'CreateClient()' : 'WebApplicationFactory')),
    inTests(['go'], /\bhttptest\.(NewRecorder|NewServer|NewRequest|NewTLSServer)\s*\(/g, (m) => `httptest.${m[1] ?? ''}()`),
    inTests(['php'], /\$this->(getJson|postJson|putJson|patchJson|deleteJson|json)\s*\(|\$this->(?:get|post|put|patch|delete)\s*\(\s*['"](?:\/|[\w-]+\/)|\bstatic::createClient\s*\(|^[ \t]*(?:\$\w+[ \t]*=[ \t]*)?(?:getJson|postJson|get|post)\s*\(\s*['"]\//gm, (m) => (m[1] === undefined ? m[0].trim().replace(/\s*\(.*$/, '()') : `${m[1]}()`)),
    inTests(['ruby'], /^[ \t]*(get|post|put|patch|delete)[ \t]*\(?[ \t]*['"]\//gm, (m) => `request ${m[1] ?? ''}`),
  ],
  sourceHint: /api|e2e|request|route|controller|endpoint|http|integration|feature/,
});

/** The examples that tools generate visit their own demo sites. */
const DEMO_SITE = /^[^\n]*(playwright\.dev|example\.cypress\.io|todomvc|demo\.playwright)/;

const e2e = signalDetector({
  id: 'test.e2e',
  sources: [
    inTests(['js'], /\bpage\.goto\s*\(|\bcy\.visit\s*\(|\bbrowser\.url\s*\(|\bdriver\.get\s*\(|\.forBrowser\s*\(/g, (m) => m[0].replace(/\s*\($/, '()'), DEMO_SITE),
    inTests(['python'], /\bpage\.goto\s*\(|\bwebdriver\.(?:Chrome|Firefox|Edge|Safari|Remote)\s*\(|\bself\.selenium\.get\s*\(|\bdriver\.get\s*\(|\bbrowser\.visit\s*\(/g, (m) => m[0].replace(/\s*\($/, '()'), DEMO_SITE),
    inTests(['java', 'kotlin'], /\bnew\s+(?:ChromeDriver|FirefoxDriver|EdgeDriver|RemoteWebDriver|SafariDriver)\s*\(|\bdriver\.get\s*\(|\bpage\.navigate\s*\(|\bSelenide\.open\s*\(/g, (m) => m[0].replace(/\s*\($/, '()'), DEMO_SITE),
    inTests(['csharp'], /\bnew\s+(?:ChromeDriver|FirefoxDriver|EdgeDriver|RemoteWebDriver)\s*\(|\.GotoAsync\s*\(|\.Navigate\(\)\.GoToUrl\s*\(/g, (m) => m[0].replace(/\s*\($/, '()'), DEMO_SITE),
    inTests(['go'], /\bchromedp\.Navigate\s*\(|\bpage\.Goto\s*\(|\brod\.New\s*\(/g, (m) => m[0].replace(/\s*\($/, '()'), DEMO_SITE),
    inTests(['php'], /\$browser->visit\s*\(|\bcreatePantherClient\s*\(/g, (m) => m[0].replace(/\s*\($/, '()')),
    // Capybara: a literal path (Rails' scaffold writes system tests that visit generated *_url helpers).
    inTests(['ruby'], /^[ \t]*visit[ \t]*\(?[ \t]*['"]\//gm, () => 'Capybara visit'),
  ],
  sourceHint: /e2e|cypress|playwright|system|feature|browser|ui/,
});

/** Nest's generator writes "test:cov": "jest --coverage"; anything else running coverage is the learner's. */
const PACKAGE_COVERAGE = /"collectCoverage"\s*:\s*true|"coverageThreshold"\s*:|"(?!test:cov")[\w:.-]+"\s*:\s*"[^"\n]*(?:--coverage\b|\bc8[ \t]|\bnyc[ \t])|"test:cov"\s*:\s*"(?!jest --coverage")[^"\n]*--coverage\b/g;

const COVERAGE_COMMAND =
  /\bgo[ \t]+test\b[^\n]*-cover(?:profile|pkg|mode)?\b|--cov\b|--cov=|--coverage\b|\bcargo[ \t]+(?:tarpaulin|llvm-cov)\b|\bcoverage[ \t]+run\b|\bcodecov\/codecov-action\b|\bcoverallsapp\/github-action\b|XPlat Code Coverage|\/p:CollectCoverage=true|--coverage-(?:clover|html|text|xml)\b|\bjacocoTestReport\b|\bkoverXmlReport\b/g;

const coverage = signalDetector({
  id: 'test.coverage',
  files: [
    {
      rule: { names: ['.coveragerc', '.nycrc', '.nycrc.json', '.nycrc.yml', '.nycrc.yaml', '.c8rc', '.c8rc.json', 'codecov.yml', '.codecov.yml', 'codecov.yaml', '.coveralls.yml', 'tarpaulin.toml', '.tarpaulin.toml', '.simplecov'], where: ownFile, globs: ['**/{.coveragerc,.nycrc,.nycrc.*,.c8rc,.c8rc.json,codecov.yml,.codecov.yml,codecov.yaml,.coveralls.yml,tarpaulin.toml,.tarpaulin.toml,.simplecov}'] },
      describe: (path) => `coverage configuration ${path}`,
    },
    {
      rule: { names: ['package.json'], where: ownFile, globs: ['**/package.json'] },
      content: uncommentedMatch(PACKAGE_COVERAGE, 'js', (m, path, line) => `coverage in ${path}:${line} (${m[0].replace(/\s+/g, ' ').slice(0, 50)})`),
    },
    {
      rule: { names: ['pyproject.toml', 'setup.cfg', 'tox.ini', 'pytest.ini'], where: ownFile, globs: ['**/{pyproject.toml,setup.cfg,tox.ini,pytest.ini}'] },
      content: uncommentedMatch(/^\[(?:tool\.coverage[\w.]*|coverage:\w+)\]|--cov\b/gm, 'hash', (m, path, line) => `coverage ${m[0]} in ${path}:${line}`),
    },
    {
      rule: { namePattern: /^(jest|vitest|vite)\.config\.[cm]?[jt]s$/, where: ownFile, globs: ['**/{jest,vitest,vite}.config.*'] },
      content: codeMatchByPath(/\bcollectCoverage\s*:\s*true|\bcoverageThreshold\s*:|\bcoverage\s*:\s*\{/g, (m, path, line) => `${m[0].replace(/\s*:.*$/, '')} in ${path}:${line}`),
    },
    {
      rule: { names: ['pom.xml'], where: ownFile, globs: ['**/pom.xml'] },
      content: uncommentedMatch(/<artifactId>\s*(jacoco-maven-plugin|kover-maven-plugin)\s*<\/artifactId>/g, 'xml', (m, path, line) => `${m[1] ?? ''} in ${path}:${line}`),
    },
    {
      rule: { names: ['build.gradle', 'build.gradle.kts'], where: ownFile, globs: ['**/build.gradle{,.kts}'] },
      content: uncommentedMatch(/\bid\s*\(?\s*(['"])(?:jacoco|org\.jetbrains\.kotlinx\.kover)\1|\bapply\s+plugin:\s*(['"])jacoco\2|^\s*jacoco\s*\{|\bjacocoTestReport\b/gm, 'c', (_m, path, line) => `JaCoCo/Kover in ${path}:${line}`),
    },
    {
      rule: { names: ['phpunit.xml', 'phpunit.xml.dist'], where: ownFile, globs: ['**/phpunit.xml{,.dist}'] },
      content: uncommentedMatch(/<coverage\b[\s\S]*?<report>/g, 'xml', (_m, path, line) => `PHPUnit coverage report in ${path}:${line}`),
    },
    {
      rule: {
        names: ['.gitlab-ci.yml', 'makefile', 'justfile', 'taskfile.yml', 'azure-pipelines.yml', '.travis.yml', 'bitbucket-pipelines.yml'],
        extensions: ['.yml', '.yaml', '.sh'],
        where: (path) => ownFile(path) && (/(^|\/)\.github\/workflows\/[^/]+$|(^|\/)\.circleci\//.test(path) || path.endsWith(".sh") || !/\.(ya?ml)$/.test(path) || /(^|\/)(\.gitlab-ci|taskfile|azure-pipelines|\.travis|bitbucket-pipelines)\.ya?ml$/i.test(path)),
        globs: ['**/.github/workflows/*.{yml,yaml}', '**/.circleci/*.yml', '**/{.gitlab-ci.yml,Makefile,justfile,Taskfile.yml,azure-pipelines.yml,.travis.yml,bitbucket-pipelines.yml}', '**/*.sh'],
      },
      content: uncommentedMatch(COVERAGE_COMMAND, 'hash', (m, path, line) => `coverage ${m[0].trim()} in ${path}:${line}`),
      maxReads: 80,
      prefer: /workflows|ci|makefile/,
    },
    {
      rule: { extensions: ['.csproj'], where: ownFile, globs: ['**/*.csproj'] },
      // The xunit/nunit templates add coverlet.collector; coverlet.msbuild or an explicit setting is the learner's.
      content: uncommentedMatch(/<PackageReference\s+Include="coverlet\.msbuild"|<CollectCoverage>\s*true/g, 'xml', (_m, path, line) => `coverlet in ${path}:${line}`),
    },
  ],
  dependencies: {
    npm: ['nyc', 'c8', '@vitest/coverage-v8', '@vitest/coverage-istanbul', '@vitest/coverage-c8', 'istanbul'],
    pypi: ['pytest-cov', 'coverage'],
    rubygems: ['simplecov'],
  },
  sources: [inTests(['ruby'], /\bSimpleCov\.start\b/g, () => 'SimpleCov.start')],
});

export const TESTING2_DETECTORS: readonly Detector[] = [mocking, integration, api, e2e, coverage];
