import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

const SENTRY_ONLY = { 'package.json': '{ "dependencies": { "@sentry/node": "^8.0.0" } }' };

describe('telemetry detectors', () => {
  describe('obs.metrics', () => {
    const id = 'obs.metrics';
    it('prom-client (Node)', () => assertPresent({ 'package.json': '{ "dependencies": { "prom-client": "^15.0.0" } }' }, id, /prom-client/));
    it('prometheus-client (Python)', () => assertPresent({ 'requirements.txt': 'prometheus-client\n' }, id, 'prometheus-client in requirements.txt'));
    it('client_golang (Go)', () => assertPresent({ 'go.mod': 'module x\n\nrequire github.com/prometheus/client_golang v1.19.0\n' }, id, /client_golang/));
    it('Micrometer Prometheus registry (Java)', () => assertPresent({ 'build.gradle.kts': 'dependencies {\n  implementation("io.micrometer:micrometer-registry-prometheus")\n}\n' }, id, /micrometer-registry-prometheus/));
    it('prometheus-net (C#)', () => assertPresent({ 'Api.csproj': '<Project><ItemGroup><PackageReference Include="prometheus-net.AspNetCore" Version="8.0.0" /></ItemGroup></Project>' }, id, /prometheus-net\.AspNetCore/));
    it('not a Sentry SDK, nor Actuator alone', () =>
      assertAbsent({ ...SENTRY_ONLY, 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency></dependencies></project>' }, id));
  });

  describe('obs.tracing', () => {
    const id = 'obs.tracing';
    it('OpenTelemetry Node SDK', () => assertPresent({ 'package.json': '{ "dependencies": { "@opentelemetry/sdk-node": "^0.50.0" } }' }, id, /@opentelemetry\/sdk-node/));
    it('OpenTelemetry instrumentation (Python)', () => assertPresent({ 'requirements.txt': 'opentelemetry-instrumentation-fastapi\n' }, id, 'opentelemetry-instrumentation-fastapi in requirements.txt'));
    it('otelhttp (Go)', () => assertPresent({ 'go.mod': 'module x\n\nrequire go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp v0.49.0\n' }, id, /otelhttp/));
    it('Micrometer tracing (Java)', () => assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>io.micrometer</groupId><artifactId>micrometer-tracing-bridge-otel</artifactId></dependency></dependencies></project>' }, id, /micrometer-tracing-bridge-otel/));
    it('dd-trace (Node)', () => assertPresent({ 'package.json': '{ "dependencies": { "dd-trace": "^5.0.0" } }' }, id, /dd-trace/));
    it('not the OpenTelemetry API alone, the tracing crate (logging), nor Sentry', () =>
      assertAbsent({ ...SENTRY_ONLY, 'api/package.json': '{ "dependencies": { "@opentelemetry/api": "^1.0.0" } }', 'Cargo.toml': '[package]\nname = "x"\n\n[dependencies]\ntracing = "0.1"\n' }, id));
  });

  describe('obs.errors', () => {
    const id = 'obs.errors';
    it('Sentry (Node)', () => assertPresent(SENTRY_ONLY, id, /@sentry\/node/));
    it('sentry-sdk (Python)', () => assertPresent({ 'requirements.txt': 'sentry-sdk[fastapi]\n' }, id, /sentry-sdk/));
    it('sentry-go (Go)', () => assertPresent({ 'go.mod': 'module x\n\nrequire github.com/getsentry/sentry-go v0.27.0\n' }, id, /sentry-go/));
    it('Rollbar (Java)', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'com.rollbar:rollbar-java:1.10.0'\n}\n" }, id, /rollbar-java/));
    it('Bugsnag (C#)', () => assertPresent({ 'Api.csproj': '<Project><ItemGroup><PackageReference Include="Bugsnag.AspNet.Core" Version="3.0.0" /></ItemGroup></Project>' }, id, /Bugsnag\.AspNet\.Core/));
    it('Honeybadger (Ruby)', () => assertPresent({ 'Gemfile': "gem 'honeybadger'\n" }, id, 'honeybadger in Gemfile'));
    it('Sentry for Laravel (PHP)', () => assertPresent({ 'composer.json': '{ "require": { "sentry/sentry-laravel": "^4.0" } }' }, id, /sentry\/sentry-laravel/));
    it('not metrics, nor the Sentry CLI that uploads source maps', () =>
      assertAbsent({ 'package.json': '{ "dependencies": { "prom-client": "^15.0.0" }, "devDependencies": { "@sentry/cli": "^2.0.0" } }' }, id));
  });

  describe('obs.health', () => {
    const id = 'obs.health';
    it('an Express /health route (Node)', () => assertPresent({ 'src/app.js': "app.get('/health', (req, res) => res.send('ok'));\n" }, id, /health route app\.get\('\/health'/));
    it('a NestJS health controller with terminus (Node)', () => assertPresent({ 'package.json': '{ "dependencies": { "@nestjs/terminus": "^10.0.0" } }' }, id, /@nestjs\/terminus/));
    it('a FastAPI /healthz route (Python)', () => assertPresent({ 'app/main.py': '@app.get("/healthz")\ndef healthz():\n    return {"ok": True}\n' }, id, /health route @app\.get\("\/healthz"/));
    it('a Go /readyz handler', () => assertPresent({ 'main.go': 'package main\nfunc main() { http.HandleFunc("/readyz", ready) }\n' }, id, /health route HandleFunc\("\/readyz"/));
    it('Spring Actuator (Java)', () => assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-actuator</artifactId></dependency></dependencies></project>' }, id, /spring-boot-starter-actuator/));
    it('ASP.NET AddHealthChecks (C#)', () => assertPresent({ 'Program.cs': 'builder.Services.AddHealthChecks();\napp.MapHealthChecks("/health");\n' }, id, 'ASP.NET AddHealthChecks in Program.cs:1'));
    it('a Laravel /health route (PHP)', () => assertPresent({ 'routes/api.php': "<?php\nRoute::get('/health', fn () => 'ok');\n" }, id, /health route Route::get\('\/health'/));
    it('a Sinatra /health route (Ruby)', () => assertPresent({ 'app.rb': "get '/health' do\n  'ok'\nend\n" }, id, /health route get '\/health'/));
    it('a Dockerfile HEALTHCHECK', () => assertPresent({ 'Dockerfile': 'FROM node:20\nHEALTHCHECK CMD curl -f http://localhost:3000/health || exit 1\n' }, id, 'HEALTHCHECK in Dockerfile:2'));
    it('a Kubernetes readiness probe', () =>
      assertPresent({ 'k8s/deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          readinessProbe:\n            httpGet: { path: /ready, port: 80 }\n' }, id, 'Kubernetes readinessProbe in k8s/deploy.yaml:8'));
    it('a Compose healthcheck on a service the project builds', () =>
      assertPresent({ 'docker-compose.yml': 'services:\n  api:\n    build: .\n    healthcheck:\n      test: ["CMD", "curl", "-f", "http://localhost/health"]\n' }, id, 'healthcheck of service api in docker-compose.yml:2'));
    it('not the route rails new writes, HEALTHCHECK NONE, a healthcheck on the postgres image, a client call, nor a test route', () =>
      assertAbsent(
        {
          'config/routes.rb': 'Rails.application.routes.draw do\n  get "up" => "rails/health#show", as: :rails_health_check\nend\n',
          'Dockerfile': 'FROM node:20\nHEALTHCHECK NONE\n',
          'docker-compose.yml': 'services:\n  db:\n    image: postgres\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n',
          'src/monitor.js': "axios.get('/health');\n",
          'test/app.test.js': "app.get('/health', (req, res) => res.send('ok'));\n",
        },
        id,
      ));
  });
});
