import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('testing detectors, second wave', () => {
  describe('test.mocking', () => {
    const id = 'test.mocking';
    it('jest.mock and vi.fn', async () => {
      await assertPresent({ 'src/users.test.ts': "jest.mock('./db');\ntest('x', () => {});\n" }, id, 'jest.mock() in src/users.test.ts:1');
      await assertPresent({ 'tests/cart.spec.ts': 'const save = vi.fn();\n' }, id, /vi\.fn\(\)/);
    });
    it('nock and sinon', () => assertPresent({ 'test/api.test.js': "nock('https://api.example.org').get('/x').reply(200);\n" }, id, /nock\(\)/));
    it('unittest.mock and pytest-mock', async () => {
      await assertPresent({ 'tests/test_pay.py': 'from unittest import mock\n\n@mock.patch("app.pay.stripe")\ndef test_pay(stripe):\n    pass\n' }, id, /mock\.patch/);
      await assertPresent({ 'tests/test_mail.py': 'def test_mail(mocker):\n    mocker.patch("app.mail.send")\n' }, id, /mocker\.patch/);
    });
    it('Mockito', () => assertPresent({ 'src/test/java/x/PayServiceTest.java': 'class PayServiceTest {\n  @Mock PaymentGateway gateway;\n}\n' }, id, /@Mock in src\/test/));
    it('Moq and NSubstitute', () => assertPresent({ 'Shop.Tests/PayTests.cs': 'var repo = new Mock<IRepo>();\n' }, id, /new Mock</));
    it('gomock and testify mock', () => assertPresent({ 'store/store_test.go': 'package store\n\nimport "github.com/stretchr/testify/mock"\n' }, id, /github\.com\/stretchr\/testify\/mock/));
    it('PHPUnit and Laravel fakes', () => assertPresent({ 'tests/Feature/OrderTest.php': "<?php\nclass OrderTest extends TestCase {\n  public function test_x() { Mail::fake(); }\n}\n" }, id, /Mail::fake\(\)/));
    it('RSpec doubles', () => assertPresent({ 'spec/services/pay_spec.rb': 'gateway = instance_double(Gateway)\n' }, id, /instance_double\(\)/));
    it('mockall in Rust tests', () => assertPresent({ 'src/repo.rs': '#[cfg_attr(test, mockall::automock)]\ntrait Repo {}\n#[automock]\ntrait Clock {}\n#[cfg(test)]\nmod tests {}\n' }, id, /#\[automock\] in src\/repo\.rs:3/));
    it('not in application code, a comment, or generated example tests', () =>
      assertAbsent(
        {
          'src/fake.ts': 'export const fn = jest.fn();\n',
          'src/users.test.ts': "// jest.mock('./db')\ntest('x', () => {});\n",
          'src/app.controller.spec.ts': "jest.mock('./app.service');\n",
          'app/mocking.py': 'from unittest import mock\nmock.patch("x")\n',
        },
        id,
      ));
  });

  describe('test.integration', () => {
    const id = 'test.integration';
    it('Testcontainers in Node and Java', async () => {
      await assertPresent({ 'test/db.test.ts': "import { PostgreSqlContainer } from '@testcontainers/postgresql';\n" }, id, /@testcontainers\/postgresql in test\/db\.test\.ts:1/);
      await assertPresent({ 'src/test/java/x/RepoTest.java': '@Testcontainers\n@DataJpaTest\nclass RepoTest {}\n' }, id, /@Testcontainers|@DataJpaTest/);
    });
    it('@SpringBootTest of the learner', () => assertPresent({ 'src/test/java/x/OrderFlowTest.java': '@SpringBootTest\nclass OrderFlowTest {}\n' }, id, /@SpringBootTest/));
    it('a Django database test case', () => assertPresent({ 'shop/tests.py': 'from django.test import TestCase\n\nclass OrderTests(TestCase):\n    def test_total(self):\n        pass\n' }, id, 'Django database test OrderTests in shop/tests.py:3'));
    it('pytest-django', () => assertPresent({ 'tests/test_orders.py': 'import pytest\n\n@pytest.mark.django_db\ndef test_create():\n    pass\n' }, id, /django_db/));
    it('a Go integration build tag', () => assertPresent({ 'store/store_integration_test.go': '//go:build integration\n\npackage store\n\nfunc TestSave(t *testing.T) {}\n' }, id, 'integration build tag in store/store_integration_test.go:1'));
    it('Laravel RefreshDatabase', () => assertPresent({ 'tests/Feature/OrderTest.php': "<?php\nuse Illuminate\\Foundation\\Testing\\RefreshDatabase;\nclass OrderTest extends TestCase\n{\n    use RefreshDatabase;\n}\n" }, id, /RefreshDatabase in tests\/Feature\/OrderTest\.php:5/));
    it('Rails model tests', () => assertPresent({ 'test/models/user_test.rb': 'class UserTest < ActiveSupport::TestCase\n  test "email is required" do\n  end\nend\n' }, id, 'Active Record model test in test/models/user_test.rb:2'));
    it('CI tests with a database service', () =>
      assertPresent(
        { '.github/workflows/ci.yml': 'jobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      db:\n        image: postgres:16\n    steps:\n      - run: npm test\n' },
        id,
        'CI tests with a postgres:16 service in .github/workflows/ci.yml:4',
      ));
    it('CI tests after docker compose starts the database', () =>
      assertPresent(
        { '.github/workflows/test-backend.yml': 'jobs:\n  test:\n    steps:\n      - run: docker compose up -d db mailpit\n      - name: Run tests\n        run: uv run bash scripts/tests-start.sh\n' },
        id,
        'CI tests with a db service in .github/workflows/test-backend.yml:4',
      ));
    it('an integration test folder with tests', () => assertPresent({ 'tests/integration/orders.test.ts': "test('creates an order', async () => {});\n" }, id, /orders\.test\.ts/));
    it('not Django’s generated tests.py, Rails’ generated model test, Spring’s generated test, the import alone, or a CI service without tests', () =>
      assertAbsent(
        {
          'shop/tests.py': 'from django.test import TestCase\n\n# Create your tests here.\n',
          'test/models/user_test.rb': 'class UserTest < ActiveSupport::TestCase\n  # test "the truth" do\n  #   assert true\n  # end\nend\n',
          'src/test/java/x/DemoApplicationTests.java': '@SpringBootTest\nclass DemoApplicationTests {}\n',
          'tests/Feature/ExampleTest.php': "<?php\nclass ExampleTest extends TestCase\n{\n    use RefreshDatabase;\n}\n",
          'src/db.ts': "import { PostgreSqlContainer } from '@testcontainers/postgresql';\n",
          '.github/workflows/db.yml': 'jobs:\n  seed:\n    services:\n      db:\n        image: postgres:16\n    steps:\n      - run: ./seed.sh\n',
          '.github/workflows/deploy.yml': 'jobs:\n  deploy:\n    steps:\n      - run: docker compose up -d db backend\n      - name: Deploy\n        run: ./deploy.sh\n',
        },
        id,
      ));
  });

  describe('test.api', () => {
    const id = 'test.api';
    it('supertest and fastify.inject', async () => {
      await assertPresent({ 'test/users.test.js': "const request = require('supertest');\n" }, id, 'supertest in test/users.test.js:1');
      await assertPresent({ 'test/routes.test.ts': "const res = await app.inject({ method: 'GET', url: '/users' });\n" }, id, /inject\(\)/);
    });
    it('FastAPI TestClient and DRF APIClient', async () => {
      await assertPresent({ 'tests/test_api.py': 'client = TestClient(app)\n' }, id, /TestClient in tests\/test_api\.py:1/);
      await assertPresent({ 'api/tests/test_views.py': 'def test_list(client):\n    r = client.get("/api/items/")\n' }, id, /client\.get\(/);
    });
    it('MockMvc', () => assertPresent({ 'src/test/java/x/UserControllerTest.java': 'class UserControllerTest {\n  @Autowired MockMvc mvc;\n}\n' }, id, /MockMvc/));
    it('WebApplicationFactory.CreateClient', () => assertPresent({ 'Api.Tests/UsersTests.cs': 'var client = factory.CreateClient();\n' }, id, /CreateClient\(\)/));
    it('httptest', () => assertPresent({ 'handlers/users_test.go': 'package handlers\n\nfunc TestList(t *testing.T) { w := httptest.NewRecorder(); _ = w }\n' }, id, /httptest\.NewRecorder\(\)/));
    it('Laravel $this->get on an API path', () =>
      assertPresent({ 'tests/Feature/ArticleTest.php': "<?php\nclass ArticleTest extends TestCase {\n  public function testShow() { $this->get('api/articles/' . $slug)->assertExactJson([]); }\n}\n" }, id, /\$this->get\(\)/));
    it('Laravel getJson', () => assertPresent({ 'tests/Feature/UserTest.php': "<?php\nclass UserTest extends TestCase {\n  public function test_x() { $this->getJson('/api/users')->assertOk(); }\n}\n" }, id, /getJson\(\)/));
    it('Rails request specs with a literal path', () => assertPresent({ 'spec/requests/users_spec.rb': 'describe "users" do\n  it "lists" do\n    get "/users"\n  end\nend\n' }, id, /request get/));
    it('Postman collections and Hurl files', async () => {
      await assertPresent({ 'api/shop.postman_collection.json': '{"item":[{"name":"list","request":{"method":"GET"}}]}' }, id, 'Postman collection api/shop.postman_collection.json');
      await assertPresent({ 'tests/users.hurl': 'GET http://localhost:3000/users\nHTTP 200\n' }, id, /Hurl request GET/);
    });
    it('not Nest’s generated e2e spec, Laravel’s ExampleTest, scaffold _url helpers, or app code', () =>
      assertAbsent(
        {
          'test/app.e2e-spec.ts': "import * as request from 'supertest';\n",
          'tests/Feature/ExampleTest.php': "<?php\nclass ExampleTest extends TestCase {\n  public function test_x() { $this->get('/')->assertStatus(200); }\n}\n",
          'test/controllers/users_controller_test.rb': 'class UsersControllerTest < ActionDispatch::IntegrationTest\n  test "index" do\n    get users_url\n  end\nend\n',
          'src/server.ts': "import request from 'supertest';\n",
        },
        id,
      ));
  });

  describe('test.e2e', () => {
    const id = 'test.e2e';
    it('Playwright', () => assertPresent({ 'e2e/login.spec.ts': "test('login', async ({ page }) => {\n  await page.goto('/login');\n});\n" }, id, 'page.goto() in e2e/login.spec.ts:2'));
    it('Cypress', () => assertPresent({ 'cypress/e2e/cart.cy.js': "it('adds', () => { cy.visit('/cart'); });\n" }, id, /cy\.visit\(\)/));
    it('Selenium in Python and Java', async () => {
      await assertPresent({ 'tests/test_ui.py': 'driver = webdriver.Chrome()\n' }, id, /webdriver\.Chrome\(\)/);
      await assertPresent({ 'src/test/java/x/UiTest.java': 'WebDriver d = new ChromeDriver();\n' }, id, /new ChromeDriver\(\)/);
    });
    it('Capybara with a literal path', () => assertPresent({ 'spec/system/login_spec.rb': 'it "logs in" do\n  visit "/login"\nend\n' }, id, /Capybara visit/));
    it('not the generated Playwright and Cypress examples, a page.goto in app code, or config alone', () =>
      assertAbsent(
        {
          'tests/example.spec.ts': "test('has title', async ({ page }) => { await page.goto('https://playwright.dev/'); });\n",
          'tests-examples/demo-todo-app.spec.ts': "await page.goto('https://demo.playwright.dev/todomvc');\n",
          'cypress/e2e/1-getting-started/todo.cy.js': "cy.visit('https://example.cypress.io/todo');\n",
          'e2e/other.spec.ts': "await page.goto('https://playwright.dev/docs');\n",
          'src/scraper.ts': "await page.goto('https://example.org');\n",
          'playwright.config.ts': 'export default {};\n',
        },
        id,
      ));
  });

  describe('test.coverage', () => {
    const id = 'test.coverage';
    it('jest collectCoverage and a coverage script', async () => {
      await assertPresent({ 'package.json': '{"jest":{"collectCoverage":true}}' }, id, /coverage in package\.json:1/);
      await assertPresent({ 'package.json': '{\n  "scripts": {\n    "test": "vitest run --coverage"\n  }\n}' }, id, /coverage in package\.json:3/);
    });
    it('c8/nyc and vitest coverage providers', () => assertPresent({ 'package.json': '{"devDependencies":{"@vitest/coverage-v8":"1"}}' }, id, '@vitest/coverage-v8 in package.json (devDependencies)'));
    it('pytest-cov and [tool.coverage]', async () => {
      await assertPresent({ 'requirements-dev.txt': 'pytest-cov\n' }, id, 'pytest-cov in requirements-dev.txt');
      await assertPresent({ 'pyproject.toml': '[tool.coverage.run]\nbranch = true\n' }, id, 'coverage [tool.coverage.run] in pyproject.toml:1');
    });
    it('JaCoCo in Maven and Gradle', async () => {
      await assertPresent({ 'pom.xml': '<project><build><plugins><plugin><groupId>org.jacoco</groupId><artifactId>jacoco-maven-plugin</artifactId></plugin></plugins></build></project>' }, id, 'jacoco-maven-plugin in pom.xml:1');
      await assertPresent({ 'build.gradle': "plugins {\n  id 'jacoco'\n}\n" }, id, 'JaCoCo/Kover in build.gradle:2');
    });
    it('go test -cover in CI, Codecov, SimpleCov', async () => {
      await assertPresent({ '.github/workflows/ci.yml': 'jobs:\n  t:\n    steps:\n      - run: go test -coverprofile=c.out ./...\n' }, id, /coverage go test -coverprofile/);
      await assertPresent({ 'codecov.yml': 'coverage:\n  precision: 2\n' }, id, 'coverage configuration codecov.yml');
      await assertPresent({ Gemfile: "gem 'simplecov', require: false\n" }, id, 'simplecov in Gemfile');
    });
    it('coverlet.msbuild in a test project', () => assertPresent({ 'Api.Tests/Api.Tests.csproj': '<Project><ItemGroup><PackageReference Include="coverlet.msbuild" Version="6" /></ItemGroup></Project>' }, id, /coverlet in Api\.Tests\/Api\.Tests\.csproj:1/));
    it('not Nest’s generated test:cov script, the xunit template’s coverlet.collector, a commented CI step, nor Laravel’s old phpunit.xml', () =>
      assertAbsent(
        {
          'package.json': '{"scripts":{"test":"jest","test:cov":"jest --coverage"},"jest":{"collectCoverageFrom":["**/*.ts"],"coverageDirectory":"../coverage"}}',
          'Api.Tests/Api.Tests.csproj': '<Project><ItemGroup><PackageReference Include="coverlet.collector" Version="6" /></ItemGroup></Project>',
          '.github/workflows/ci.yml': 'jobs:\n  t:\n    steps:\n      - run: go test ./...\n      # - run: go test -cover ./...\n',
          'phpunit.xml': '<phpunit><coverage processUncoveredFiles="true"><include><directory>./app</directory></include></coverage></phpunit>',
        },
        id,
      ));
  });
});
