import type { Detector } from '../detector';
import type { FileSignal } from '../signals';
import { signalDetector } from '../signals';
import type { SourceSignal } from '../sourceScan';
import { composeServices, uncommentedMatch } from './configText';
import { COMPOSE_SIGNALS, DOCKERFILE_RULE, K8S_MANIFEST_SIGNAL } from './infra';

/** Application metrics exported for scraping or pushing (not error trackers, not tracers). */
const metrics = signalDetector({
  id: 'obs.metrics',
  dependencies: {
    npm: ['prom-client', 'express-prom-bundle', '@willsoto/nestjs-prometheus', 'fastify-metrics', 'hot-shots', 'node-statsd', 'statsd-client', '@opentelemetry/sdk-metrics', '@opentelemetry/exporter-prometheus', '@opentelemetry/exporter-metrics-otlp-*', '@opentelemetry/host-metrics'],
    pypi: ['prometheus-client', 'prometheus-flask-exporter', 'django-prometheus', 'prometheus-fastapi-instrumentator', 'starlette-exporter', 'starlette-prometheus', 'statsd', 'datadog', 'opentelemetry-exporter-prometheus', 'aioprometheus'],
    go: ['github.com/prometheus/client_golang', 'go.opentelemetry.io/otel/sdk/metric', 'go.opentelemetry.io/otel/exporters/prometheus', 'go.opentelemetry.io/otel/exporters/otlp/otlpmetric*', 'github.com/DataDog/datadog-go', 'github.com/cactus/go-statsd-client', 'github.com/VictoriaMetrics/metrics', 'github.com/rcrowley/go-metrics'],
    maven: ['io.micrometer:micrometer-registry-*', 'io.prometheus:*', 'io.quarkus:quarkus-micrometer-registry-prometheus', 'io.quarkus:quarkus-smallrye-metrics', 'io.dropwizard.metrics:*', 'io.opentelemetry:opentelemetry-exporter-prometheus'],
    nuget: ['prometheus-net', 'prometheus-net.*', 'OpenTelemetry.Exporter.Prometheus*', 'App.Metrics*', 'StatsdClient', 'JustEat.StatsD'],
    composer: ['promphp/prometheus_client_php', 'spatie/laravel-prometheus', 'endclothing/prometheus_client_php', 'jimdo/prometheus_client_php', 'arquivei/laravel-prometheus-exporter', 'league/statsd'],
    rubygems: ['prometheus-client', 'prometheus_exporter', 'yabeda', 'yabeda-*', 'statsd-instrument', 'dogstatsd-ruby'],
    cargo: ['prometheus', 'prometheus-client', 'metrics', 'metrics-exporter-prometheus', 'axum-prometheus', 'opentelemetry-prometheus', 'autometrics', 'actix-web-prom'],
  },
});

/** Distributed tracing: a tracing SDK, instrumentation or exporter (the `tracing` crate is logging, not this). */
const tracing = signalDetector({
  id: 'obs.tracing',
  dependencies: {
    npm: ['@opentelemetry/sdk-node', '@opentelemetry/sdk-trace-*', '@opentelemetry/auto-instrumentations-node', '@opentelemetry/instrumentation-*', '@opentelemetry/exporter-trace-otlp-*', '@opentelemetry/exporter-jaeger', '@opentelemetry/exporter-zipkin', 'dd-trace', 'elastic-apm-node', 'jaeger-client', 'zipkin', '@vercel/otel', '@sentry/opentelemetry'],
    pypi: ['opentelemetry-sdk', 'opentelemetry-distro', 'opentelemetry-instrumentation', 'opentelemetry-instrumentation-*', 'opentelemetry-exporter-otlp', 'opentelemetry-exporter-otlp-*', 'opentelemetry-exporter-jaeger*', 'opentelemetry-exporter-zipkin*', 'ddtrace', 'elastic-apm', 'jaeger-client', 'py-zipkin', 'logfire'],
    go: ['go.opentelemetry.io/otel/sdk', 'go.opentelemetry.io/otel/exporters/otlp/otlptrace*', 'go.opentelemetry.io/otel/exporters/jaeger', 'go.opentelemetry.io/otel/exporters/zipkin', 'go.opentelemetry.io/otel/exporters/stdout/stdouttrace', 'go.opentelemetry.io/contrib/instrumentation/*', 'gopkg.in/DataDog/dd-trace-go.v1', 'github.com/DataDog/dd-trace-go*', 'github.com/uber/jaeger-client-go', 'github.com/openzipkin/zipkin-go', 'go.elastic.co/apm*'],
    maven: ['io.opentelemetry:opentelemetry-sdk*', 'io.opentelemetry:opentelemetry-exporter-otlp*', 'io.opentelemetry:opentelemetry-exporter-zipkin', 'io.opentelemetry:opentelemetry-exporter-jaeger', 'io.opentelemetry.instrumentation:*', 'io.micrometer:micrometer-tracing*', 'io.zipkin.*', 'io.zipkin.reporter2:*', 'io.jaegertracing:*', 'org.springframework.cloud:spring-cloud-starter-sleuth', 'com.datadoghq:dd-trace-api', 'co.elastic.apm:*', 'io.quarkus:quarkus-opentelemetry'],
    nuget: ['OpenTelemetry.Extensions.Hosting', 'OpenTelemetry.Instrumentation.AspNetCore', 'OpenTelemetry.Instrumentation.Http', 'OpenTelemetry.Instrumentation.SqlClient', 'OpenTelemetry.Instrumentation.EntityFrameworkCore', 'OpenTelemetry.Exporter.OpenTelemetryProtocol', 'OpenTelemetry.Exporter.Jaeger', 'OpenTelemetry.Exporter.Zipkin', 'Datadog.Trace*', 'Elastic.Apm*'],
    composer: ['open-telemetry/sdk', 'open-telemetry/exporter-otlp', 'open-telemetry/opentelemetry-auto-*', 'datadog/dd-trace', 'keepsuit/laravel-opentelemetry'],
    rubygems: ['opentelemetry-sdk', 'opentelemetry-instrumentation-*', 'opentelemetry-exporter-*', 'ddtrace', 'datadog', 'elastic-apm'],
    cargo: ['opentelemetry_sdk', 'opentelemetry-otlp', 'tracing-opentelemetry', 'opentelemetry-jaeger', 'opentelemetry-zipkin', 'opentelemetry-datadog'],
  },
});

/** Error tracking services (Laravel's generated ignition/flare error page does not report anywhere by itself). */
const errors = signalDetector({
  id: 'obs.errors',
  dependencies: {
    npm: ['@sentry/*', 'rollbar', '@bugsnag/*', 'bugsnag', '@honeybadger-io/*', 'honeybadger', 'airbrake', '@airbrake/*', '@appsignal/*', 'raygun', 'trackjs'],
    pypi: ['sentry-sdk', 'raven', 'rollbar', 'bugsnag', 'honeybadger', 'pybrake', 'airbrake', 'appsignal'],
    go: ['github.com/getsentry/sentry-go', 'github.com/rollbar/rollbar-go', 'github.com/bugsnag/bugsnag-go*', 'github.com/honeybadger-io/honeybadger-go', 'github.com/airbrake/gobrake*'],
    maven: ['io.sentry:*', 'com.rollbar:*', 'com.bugsnag:*', 'io.honeybadger:*', 'io.airbrake:*'],
    nuget: ['Sentry', 'Sentry.*', 'Rollbar', 'Rollbar.*', 'Bugsnag', 'Bugsnag.*', 'Honeybadger*', 'Sharpbrake*', 'Mindscape.Raygun4Net*'],
    composer: ['sentry/sentry', 'sentry/sentry-laravel', 'sentry/sentry-symfony', 'sentry/sdk', 'rollbar/rollbar', 'rollbar/rollbar-laravel', 'bugsnag/bugsnag', 'bugsnag/bugsnag-laravel', 'honeybadger-io/honeybadger-php', 'honeybadger-io/honeybadger-laravel', 'laravel/nightwatch'],
    rubygems: ['sentry-ruby', 'sentry-rails', 'sentry-raven', 'sentry-sidekiq', 'rollbar', 'bugsnag', 'honeybadger', 'airbrake', 'appsignal', 'exception_notification'],
    cargo: ['sentry', 'sentry-tracing', 'sentry-actix', 'sentry-tower'],
  },
  // Build plugins and the CLI upload source maps; they report nothing at run time.
  acceptDependency: (dependency) => !/^@sentry\/(cli|webpack-plugin|vite-plugin|rollup-plugin|esbuild-plugin|bundler-plugin-core)$/.test(dependency.name),
});

/** A health or readiness path, with an optional /api and version prefix. */
const HEALTH_PATH = String.raw`\/?(?:api\/)?(?:v\d+\/)?(?:_?health(?:z|check|-check|_check)?|readyz?|readiness|livez?|liveness)\/?`;

const HEALTH_ROUTES: readonly SourceSignal[] = [
  { languages: ['js'], pattern: new RegExp(String.raw`\b(?:app|server|fastify|routes?|\w*[Rr]outer|api|hono)\.(?:get|head|all|use)\(\s*(['"\`])${HEALTH_PATH}\1`, 'g'), describe: (m) => `health route ${m[0]}…)` },
  { languages: ['js'], pattern: new RegExp(String.raw`@(?:Get|Controller)\(\s*(['"\`])${HEALTH_PATH}\1\s*\)`, 'g'), describe: (m) => `health route ${m[0]}` },
  { languages: ['js'], pattern: /\bexport\s+(?:async\s+)?function\s+GET\b/g, describe: () => 'health route handler GET', where: (path) => /(^|\/)(health|healthz|healthcheck|ready|readyz|live|livez)\/route\.[cm]?[jt]sx?$/.test(path) },
  { languages: ['python'], pattern: new RegExp(String.raw`^[ \t]*@\w+\.(?:get|route|api_route|head)\(\s*(['"])${HEALTH_PATH}\1`, 'gm'), describe: (m) => `health route ${m[0].trim()}…)` },
  { languages: ['python'], pattern: new RegExp(String.raw`^[ \t]*(?:re_)?path\(\s*r?(['"])\^?${HEALTH_PATH}\$?\1`, 'gm'), describe: (m) => `health route ${m[0].trim()}…)`, where: (path) => path.endsWith('urls.py') },
  { languages: ['go'], pattern: new RegExp(String.raw`\.(?:HandleFunc|Handle|GET|Get|HEAD|Head|Any)\(\s*"(?:GET |HEAD )?${HEALTH_PATH}"`, 'g'), describe: (m) => `health route ${m[0].replace(/^\./, '')})` },
  { languages: ['java', 'kotlin'], pattern: new RegExp(String.raw`@(?:Get|Request)Mapping\(\s*(?:(?:value|path)\s*=\s*)?[{\[]?\s*"${HEALTH_PATH}"`, 'g'), describe: (m) => `health route ${m[0]})` },
  { languages: ['java', 'kotlin'], pattern: new RegExp(String.raw`(?:\b(?:app|router|routing|\w*[Rr]outer)\.|^[ \t]*)(?:get|head)\(\s*"${HEALTH_PATH}"`, 'gm'), describe: (m) => `health route ${m[0].trim()})` },
  { languages: ['csharp'], pattern: new RegExp(String.raw`\[HttpGet\(\s*"${HEALTH_PATH}"\s*\)\]|\.Map(?:Get)?\(\s*"${HEALTH_PATH}"`, 'g'), describe: (m) => `health route ${m[0]}` },
  { languages: ['csharp'], pattern: /\b(AddHealthChecks|MapHealthChecks|UseHealthChecks)\s*\(/g, describe: (m) => `ASP.NET ${m[1] ?? ''}` },
  { languages: ['php'], pattern: new RegExp(String.raw`\bRoute::(?:get|any)\(\s*(['"])${HEALTH_PATH}\1|#\[Route\(\s*(?:path:\s*)?(['"])${HEALTH_PATH}\2|\$(?:app|router|group)->get\(\s*(['"])${HEALTH_PATH}\3`, 'g'), describe: (m) => `health route ${m[0]})` },
  { languages: ['ruby'], pattern: new RegExp(String.raw`^[ \t]*get\s*\(?\s*(['"])${HEALTH_PATH}\1`, 'gm'), describe: (m) => `health route ${m[0].trim()}`, unless: /rails\/health#show/ },
  { languages: ['rust'], pattern: new RegExp(String.raw`#\[get\(\s*"${HEALTH_PATH}"\s*\)\]|\.route\(\s*"${HEALTH_PATH}"`, 'g'), describe: (m) => `health route ${m[0]}` },
];

const health = signalDetector({
  id: 'obs.health',
  files: [
    { rule: DOCKERFILE_RULE, content: uncommentedMatch(/^[ \t]*HEALTHCHECK[ \t]+(?!NONE\b)\S/gim, (_m, path, line) => `HEALTHCHECK in ${path}:${line}`) },
    {
      rule: K8S_MANIFEST_SIGNAL.rule,
      content: uncommentedMatch(/^[ \t]+(livenessProbe|readinessProbe|startupProbe):/gm, (m, path, line) => `Kubernetes ${m[1] ?? ''} in ${path}:${line}`),
      maxReads: 200,
      ...(K8S_MANIFEST_SIGNAL.prefer === undefined ? {} : { prefer: K8S_MANIFEST_SIGNAL.prefer }),
    },
    ...COMPOSE_SIGNALS.map(
      (signal): FileSignal => ({
        rule: signal.rule,
        // Only a service the project builds: a healthcheck on the postgres image checks someone else's server.
        content: (text, path) => {
          const service = composeServices(text).find((s) => /^[ \t]+build:/m.test(s.body) && /^[ \t]+healthcheck:/m.test(s.body) && !/^[ \t]+disable:[ \t]*true/m.test(s.body));
          return service === undefined ? undefined : { line: service.line, summary: `healthcheck of service ${service.name} in ${path}:${service.line}` };
        },
      }),
    ),
  ],
  dependencies: {
    npm: ['@nestjs/terminus', '@godaddy/terminus', 'fastify-healthcheck', 'express-healthcheck', 'lightship'],
    pypi: ['django-health-check', 'fastapi-health', 'py-healthcheck', 'flask-healthz', 'healthcheck'],
    go: ['github.com/hellofresh/health-go', 'github.com/alexliesenfeld/health', 'github.com/heptiolabs/healthcheck', 'github.com/InVisionApp/go-health', 'github.com/tavsec/gin-healthcheck'],
    maven: ['org.springframework.boot:spring-boot-starter-actuator', 'io.quarkus:quarkus-smallrye-health', 'io.micronaut:micronaut-management', 'io.dropwizard.metrics:metrics-healthchecks'],
    nuget: ['AspNetCore.HealthChecks.*', 'Microsoft.Extensions.Diagnostics.HealthChecks', 'Microsoft.Extensions.Diagnostics.HealthChecks.*', 'Microsoft.AspNetCore.Diagnostics.HealthChecks'],
    composer: ['spatie/laravel-health', 'ukfast/laravel-health-check'],
    rubygems: ['health_check', 'okcomputer', 'rails-healthcheck', 'health-monitor-rails'],
  },
  sources: HEALTH_ROUTES,
  sourceHint: /health|ready|live|status|rout|controller|server|app\.|main\.|urls\.py|program\.cs|api/,
});

export const TELEMETRY_DETECTORS: readonly Detector[] = [metrics, tracing, errors, health];
