import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('architecture and scale detectors', () => {
  describe('arch.microservices', () => {
    const id = 'arch.microservices';
    it('two services with their own Dockerfiles', () =>
      assertPresent({ 'orders/Dockerfile': 'FROM node:20\nCMD ["node", "main.js"]\n', 'billing/Dockerfile': 'FROM python:3.12\nCMD ["python", "app.py"]\n' }, id, /^service (orders|billing) built from (orders|billing)\/Dockerfile \(2 services\)$/));
    it('services/*/ folders with their own manifests', () =>
      assertPresent({ 'services/users/go.mod': 'module users\n', 'services/orders/package.json': '{ "name": "orders" }' }, id, /^service services\/(users|orders) built from/));
    it('two named Dockerfiles in one folder', () =>
      assertPresent({ 'docker/api.Dockerfile': 'FROM node:20\n', 'docker/worker.Dockerfile': 'FROM node:20\n' }, id, /service docker (api|worker)/));
    it('not an API plus its SPA, an nginx image, a dev variant and a dev container', () =>
      assertAbsent(
        {
          'Dockerfile': 'FROM node:20\nCMD ["node", "main.js"]\n',
          'Dockerfile.dev': 'FROM node:20\n',
          'frontend/Dockerfile': 'FROM node:20 AS build\nRUN npm run build\nFROM nginx:alpine\n',
          'proxy/Dockerfile': 'FROM node:20 AS x\nFROM nginx:1.27\n',
          '.devcontainer/Dockerfile': 'FROM mcr.microsoft.com/devcontainers/base\n',
          'services/api/package.json': '{}',
        },
        id,
      ));
  });

  describe('arch.events', () => {
    const id = 'arch.events';
    it('@nestjs/event-emitter (Node)', () => assertPresent({ 'package.json': '{ "dependencies": { "@nestjs/event-emitter": "^2.0.0" } }' }, id, /@nestjs\/event-emitter/));
    it('an own EventEmitter subclass (Node)', () => assertPresent({ 'src/events/orderEvents.ts': "import { EventEmitter } from 'node:events';\nexport class OrderEvents extends EventEmitter {}\n" }, id, 'own event emitter (extends EventEmitter) in src/events/orderEvents.ts:2'));
    it('MediatR notifications (C#)', () => assertPresent({ 'App/OrderPlacedHandler.cs': 'public class OrderPlacedHandler : INotificationHandler<OrderPlaced> { }\n' }, id, 'MediatR notification INotificationHandler<OrderPlaced> in App/OrderPlacedHandler.cs:1'));
    it('Spring publishEvent (Java)', () => assertPresent({ 'src/main/java/x/OrderService.java': 'class OrderService { void place() { publisher.publishEvent(new OrderPlaced()); } }\n' }, id, /ApplicationEventPublisher\.publishEvent\(\) in src\/main\/java\/x\/OrderService\.java:1/));
    it('an own Django signal (Python)', () => assertPresent({ 'shop/signals.py': 'from django.dispatch import Signal\norder_placed = Signal()\n' }, id, 'own Django signal Signal() in shop/signals.py:2'));
    it('a Laravel event dispatched (PHP)', () => assertPresent({ 'app/Http/Controllers/OrderController.php': '<?php\nclass OrderController { function store() { event(new OrderPlaced($order)); } }\n' }, id, /event dispatched event\(new OrderPlaced/));
    it('ActiveSupport::Notifications.instrument (Ruby)', () => assertPresent({ 'app/services/checkout.rb': 'ActiveSupport::Notifications.instrument("order.placed", id: 1)\n' }, id, /ActiveSupport::Notifications\.instrument in app\/services\/checkout\.rb:1/));
    it('not a MediatR request handler, an emitter in a comment, nor an event in a test', () =>
      assertAbsent(
        {
          'App/GetOrder.cs': 'public class GetOrderHandler : IRequestHandler<GetOrder, Order> { }\n',
          'src/bus.ts': '// class Bus extends EventEmitter {}\nexport const x = 1;\n',
          'test/events.test.ts': 'class FakeBus extends EventEmitter {}\n',
        },
        id,
      ));
  });

  describe('resilience.retry', () => {
    const id = 'resilience.retry';
    it('opossum (Node)', () => assertPresent({ 'package.json': '{ "dependencies": { "opossum": "^8.0.0" } }' }, id, /opossum in package\.json/));
    it('tenacity (Python)', () => assertPresent({ 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["tenacity>=8"]\n' }, id, /tenacity in pyproject\.toml/));
    it('gobreaker (Go)', () => assertPresent({ 'go.mod': 'module x\n\nrequire github.com/sony/gobreaker v0.5.0\n' }, id, /github\.com\/sony\/gobreaker in go\.mod/));
    it('resilience4j (Java)', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'io.github.resilience4j:resilience4j-spring-boot3:2.2.0'\n}\n" }, id, /resilience4j-spring-boot3/));
    it('Polly (C#)', () => assertPresent({ 'Api/Api.csproj': '<Project><ItemGroup><PackageReference Include="Microsoft.Extensions.Http.Resilience" Version="8.0.0" /></ItemGroup></Project>' }, id, /Microsoft\.Extensions\.Http\.Resilience/));
    it('stoplight (Ruby)', () => assertPresent({ 'Gemfile': "source 'https://rubygems.org'\ngem 'stoplight'\n" }, id, 'stoplight in Gemfile'));
    it('not a rate limiter (resilience4j-ratelimiter, express-rate-limit)', () =>
      assertAbsent({ 'package.json': '{ "dependencies": { "express-rate-limit": "^7.0.0" } }', 'pom.xml': '<project><dependencies><dependency><groupId>io.github.resilience4j</groupId><artifactId>resilience4j-ratelimiter</artifactId></dependency></dependencies></project>' }, id));
  });

  describe('perf.benchmark', () => {
    const id = 'perf.benchmark';
    it('a Go benchmark (in a _test.go file, where Go requires it)', () => assertPresent({ 'sort_test.go': 'package x\nimport "testing"\nfunc BenchmarkSort(b *testing.B) {}\n' }, id, 'Go benchmark BenchmarkSort in sort_test.go:3'));
    it('JMH (Java)', () => assertPresent({ 'src/jmh/java/x/SortBench.java': 'class SortBench { @Benchmark public void sort() {} }\n' }, id, /JMH @Benchmark/));
    it('BenchmarkDotNet (C#)', () => assertPresent({ 'Bench/Program.cs': 'public class Sorts { [Benchmark] public void Sort() {} }\n' }, id, /BenchmarkDotNet \[Benchmark\]/));
    it('a k6 script (JS)', () => assertPresent({ 'load/smoke.js': "import http from 'k6/http';\nexport default function () { http.get('http://x'); }\n" }, id, 'k6 load test script in load/smoke.js:1'));
    it('Locust (Python)', () => assertPresent({ 'locustfile.py': 'from locust import HttpUser\n' }, id, 'Locust load test locustfile.py'));
    it('pytest-benchmark (Python dependency)', () => assertPresent({ 'requirements-dev.txt': 'pytest-benchmark\n' }, id, 'pytest-benchmark in requirements-dev.txt'));
    it('criterion (Rust)', () => assertPresent({ 'benches/sort.rs': 'criterion_group!(benches, sort);\ncriterion_main!(benches);\n' }, id, /Rust benchmark in benches\/sort\.rs:1/));
    it('a JMeter plan', () => assertPresent({ 'perf/plan.jmx': '<?xml version="1.0"?>\n<jmeterTestPlan version="1.2">\n</jmeterTestPlan>\n' }, id, 'JMeter test plan perf/plan.jmx'));
    it('not a Go test without benchmarks, nor a commented benchmark', () =>
      assertAbsent({ 'sort_test.go': 'package x\nimport "testing"\nfunc TestSort(t *testing.T) {}\n// func BenchmarkSort(b *testing.B) {}\n' }, id));
  });

  describe('db.replication', () => {
    const id = 'db.replication';
    it('Django DATABASE_ROUTERS (Python)', () => assertPresent({ 'mysite/settings.py': 'DATABASE_ROUTERS = ["mysite.routers.PrimaryReplicaRouter"]\n' }, id, 'Django DATABASE_ROUTERS in mysite/settings.py:1'));
    it('Rails connects_to reading (Ruby)', () => assertPresent({ 'app/models/application_record.rb': 'class ApplicationRecord < ActiveRecord::Base\n  connects_to database: { writing: :primary, reading: :primary_replica }\nend\n' }, id, /Rails connects_to reading replica in app\/models\/application_record\.rb:2/));
    it('Prisma read replicas (Node)', () => assertPresent({ 'package.json': '{ "dependencies": { "@prisma/extension-read-replicas": "^0.3.0" } }' }, id, /@prisma\/extension-read-replicas/));
    it('TypeORM replication (Node)', () => assertPresent({ 'src/data-source.ts': 'export const ds = new DataSource({ type: "postgres", replication: { master: { host: "a" }, slaves: [{ host: "b" }] } });\n' }, id, /ORM replication settings in src\/data-source\.ts:1/));
    it('a Laravel read connection (PHP)', () => assertPresent({ 'config/database.php': "<?php\nreturn ['connections' => ['mysql' => [\n  'read' => ['host' => ['10.0.0.2']],\n]]];\n" }, id, 'Laravel read connection in config/database.php:3'));
    it('GORM dbresolver (Go)', () => assertPresent({ 'go.mod': 'module x\n\nrequire gorm.io/plugin/dbresolver v1.5.0\n' }, id, /gorm\.io\/plugin\/dbresolver/));
    it('a Spring routing DataSource (Java)', () => assertPresent({ 'src/main/java/x/RoutingDs.java': 'public class RoutingDs extends AbstractRoutingDataSource {}\n' }, id, /routing DataSource/));
    it('a replica service in Compose', () =>
      assertPresent({ 'docker-compose.yml': 'services:\n  db:\n    image: bitnami/postgresql\n  db-replica:\n    image: bitnami/postgresql\n    environment:\n      - POSTGRESQL_REPLICATION_MODE=slave\n' }, id, 'replica service db-replica in docker-compose.yml:4'));
    it('not a single-node Mongo replica set, two unrelated databases, nor an empty router list', () =>
      assertAbsent(
        {
          'docker-compose.yml': 'services:\n  mongo:\n    image: mongo:7\n    command: ["--replSet", "rs0"]\n  pg:\n    image: postgres\n',
          'mysite/settings.py': 'DATABASE_ROUTERS = []\n# DATABASE_ROUTERS = ["x.Router"]\n',
        },
        id,
      ));
  });

  describe('search.fulltext-sql', () => {
    const id = 'search.fulltext-sql';
    it('Postgres tsvector in a migration (SQL)', () =>
      assertPresent({ 'db/migrations/002_search.sql': '-- search\nALTER TABLE posts ADD COLUMN search tsvector;\nCREATE INDEX ON posts USING gin(search);\n' }, id, /full-text search tsvector in db\/migrations\/002_search\.sql:2/));
    it('to_tsvector in a query string (Node)', () =>
      assertPresent({ 'src/posts/repository.ts': "export const q = `SELECT * FROM posts WHERE to_tsvector('english', body) @@ plainto_tsquery($1)`;\n" }, id, /full-text search to_tsvector\( in src\/posts\/repository\.ts:1/));
    it('Django SearchVector (Python)', () => assertPresent({ 'blog/views.py': 'from django.contrib.postgres.search import SearchVector\nPost.objects.annotate(search=SearchVector("title"))\n' }, id, /SearchVector\( in blog\/views\.py:2/));
    it('MySQL FULLTEXT in a Laravel migration (PHP)', () => assertPresent({ 'database/migrations/2024_create_posts.php': "<?php\n$table->fullText(['title', 'body']);\n" }, id, /->fullText\( in database\/migrations/));
    it('SQLite FTS5', () => assertPresent({ 'schema.sql': 'CREATE VIRTUAL TABLE docs USING fts5(title, body);\n' }, id, /USING fts5 in schema\.sql:1/));
    it('Prisma @@fulltext', () => assertPresent({ 'prisma/schema.prisma': 'model Post {\n  id Int @id\n  body String\n  @@fulltext([body])\n}\n' }, id, /@@fulltext\( in prisma\/schema\.prisma:4/));
    it('not LIKE search, a commented to_tsvector, nor full-text search only in a test', () =>
      assertAbsent(
        {
          'src/repo.ts': "// TODO: use to_tsvector\nexport const q = \"SELECT * FROM posts WHERE title LIKE '%' || $1 || '%'\";\n",
          'db/schema.sql': '-- CREATE VIRTUAL TABLE docs USING fts5(body);\nCREATE TABLE docs (id int);\n',
          'test/search.test.ts': "const q = 'SELECT to_tsvector(body)';\n",
        },
        id,
      ));
  });
});
