import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('observability and search detectors', () => {
  describe('obs.logging', () => {
    const id = 'obs.logging';
    it('pino', () => assertPresent({ 'package.json': '{"dependencies":{"pino":"9"}}' }, id, 'pino in package.json (dependencies)'));
    it('structlog', () => assertPresent({ 'requirements.txt': 'structlog\n' }, id, 'structlog in requirements.txt'));
    it('zap', () => assertPresent({ 'go.mod': 'module x\nrequire go.uber.org/zap v1.27.0\n' }, id, 'go.uber.org/zap in go.mod (require)'));
    it('Go log/slog', () => assertPresent({ 'main.go': 'package main\n\nimport (\n\t"fmt"\n\t"log/slog"\n)\n' }, id, 'log/slog in main.go:5'));
    it('Serilog', () => assertPresent({ 'App.csproj': '<Project><ItemGroup><PackageReference Include="Serilog.AspNetCore" Version="8" /></ItemGroup></Project>' }, id, 'Serilog.AspNetCore in App.csproj (PackageReference)'));
    it('logstash encoder', () => assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>net.logstash.logback</groupId><artifactId>logstash-logback-encoder</artifactId></dependency></dependencies></project>' }, id, /logstash-logback-encoder in pom\.xml/));
    it('lograge', () => assertPresent({ 'Gemfile': "gem 'lograge'\n" }, id, 'lograge in Gemfile'));
    it('tracing crate', () => assertPresent({ 'Cargo.toml': '[dependencies]\ntracing = "0.1"\n' }, id, 'tracing in Cargo.toml (dependencies)'));
    it('not plain console logging, nor winston only in a lock file', () =>
      assertAbsent({ 'src/app.js': "console.log('hi');\n", 'package.json': '{"dependencies":{"morgan":"1"}}', 'yarn.lock': 'winston@^3:\n' }, id));
  });

  describe('obs.monitoring', () => {
    const id = 'obs.monitoring';
    it('prom-client', () => assertPresent({ 'package.json': '{"dependencies":{"prom-client":"15"}}' }, id, 'prom-client in package.json (dependencies)'));
    it('OpenTelemetry family (npm)', () => assertPresent({ 'package.json': '{"dependencies":{"@opentelemetry/sdk-node":"0.52"}}' }, id, '@opentelemetry/sdk-node in package.json (dependencies)'));
    it('sentry-sdk', () => assertPresent({ 'requirements.txt': 'sentry-sdk[fastapi]\n' }, id, 'sentry-sdk in requirements.txt'));
    it('Prometheus Go client', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/prometheus/client_golang v1.19.1\n' }, id, 'github.com/prometheus/client_golang in go.mod (require)'));
    it('Spring Boot Actuator', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-actuator'\n}\n" }, id, /spring-boot-starter-actuator in build\.gradle/));
    it('prometheus.yml', () => assertPresent({ 'monitoring/prometheus.yml': 'scrape_configs: []\n' }, id, 'monitoring/prometheus.yml'));
    it('not a sentry-like name', () => assertAbsent({ 'package.json': '{"dependencies":{"sentry-cli-helper":"1","prometheus-query":"3"}}' }, id));
  });

  describe('search.engine', () => {
    const id = 'search.engine';
    it('Elasticsearch client (npm)', () => assertPresent({ 'package.json': '{"dependencies":{"@elastic/elasticsearch":"8"}}' }, id, '@elastic/elasticsearch in package.json (dependencies)'));
    it('opensearch-py', () => assertPresent({ 'requirements.txt': 'opensearch-py\n' }, id, 'opensearch-py in requirements.txt'));
    it('go-elasticsearch v8', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/elastic/go-elasticsearch/v8 v8.14.0\n' }, id, 'github.com/elastic/go-elasticsearch/v8 in go.mod (require)'));
    it('Spring Data Elasticsearch', () => assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-data-elasticsearch</artifactId></dependency></dependencies></project>' }, id, /spring-boot-starter-data-elasticsearch/));
    it('searchkick', () => assertPresent({ 'Gemfile': "gem 'searchkick'\n" }, id, 'searchkick in Gemfile'));
    it('meilisearch-sdk', () => assertPresent({ 'Cargo.toml': '[dependencies]\nmeilisearch-sdk = "0.26"\n' }, id, 'meilisearch-sdk in Cargo.toml (dependencies)'));
    it('not a search word in code, nor fuse.js', () => assertAbsent({ 'package.json': '{"dependencies":{"fuse.js":"7"}}', 'src/search.js': '// elasticsearch later\n' }, id));
  });
});
