import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import { codeMatch, ownFile } from './common';

/** Structured (key-value or JSON) loggers; plain `console.log`/stdlib `logging` do not count. */
const logging = signalDetector({
  id: 'obs.logging',
  files: [
    {
      // Spring Boot 3.4+ structured logging
      rule: { namePattern: /^application(-[\w-]+)?\.(properties|ya?ml)$/, where: ownFile, globs: ['**/application*.{properties,yml,yaml}'] },
      content: codeMatch(/^\s*logging\.structured\.format\b|^\s*structured:\s*$/gm, 'hash', (_m, path, line) => `Spring structured logging in ${path}:${line}`),
    },
  ],
  dependencies: {
    npm: ['pino', 'pino-http', 'nestjs-pino', 'winston', 'nest-winston', 'express-winston', 'bunyan', 'log4js', 'tslog', 'roarr', '@logtape/logtape'],
    pypi: ['structlog', 'loguru', 'python-json-logger', 'eliot', 'json-logging', 'ecs-logging'],
    go: ['go.uber.org/zap', 'github.com/sirupsen/logrus', 'github.com/rs/zerolog', 'github.com/apex/log', 'github.com/charmbracelet/log', 'github.com/inconshreveable/log15', 'github.com/go-kit/log'],
    maven: ['net.logstash.logback:logstash-logback-encoder', 'org.apache.logging.log4j:log4j-layout-template-json', 'co.elastic.logging:*', 'io.github.oshai:kotlin-logging*'],
    nuget: ['Serilog*', 'NLog*'],
    composer: ['monolog/monolog'],
    rubygems: ['lograge', 'semantic_logger', 'rails_semantic_logger', 'ougai'],
    cargo: ['tracing', 'tracing-subscriber', 'slog'],
  },
  sources: [
    { languages: ['go'], pattern: /^\s*(?:import\s+)?(?:\w+\s+)?"log\/slog"/gm, describe: () => 'log/slog' },
  ],
});

const monitoring = signalDetector({
  id: 'obs.monitoring',
  files: [
    {
      rule: { namePattern: /^(prometheus\.ya?ml|otel-collector[\w.-]*\.ya?ml|newrelic\.(js|yml|ini)|datadog\.yaml)$/, where: ownFile, globs: ['**/{prometheus.yml,prometheus.yaml,otel-collector*.yaml,otel-collector*.yml,newrelic.js,newrelic.yml,newrelic.ini,datadog.yaml}'] },
    },
  ],
  dependencies: {
    npm: ['prom-client', '@opentelemetry/*', '@sentry/*', 'dd-trace', 'newrelic', 'express-prom-bundle', '@willsoto/nestjs-prometheus', 'elastic-apm-node', 'applicationinsights', 'hot-shots', '@honeycombio/opentelemetry-node'],
    pypi: [
      'prometheus-client', 'prometheus-flask-exporter', 'django-prometheus', 'prometheus-fastapi-instrumentator', 'starlette-exporter', 'sentry-sdk',
      'opentelemetry-*', 'ddtrace', 'newrelic', 'elastic-apm', 'datadog', 'statsd', 'logfire',
    ],
    go: ['github.com/prometheus/client_golang', 'go.opentelemetry.io/*', 'github.com/getsentry/sentry-go', 'gopkg.in/DataDog/dd-trace-go.v1', 'github.com/DataDog/dd-trace-go', 'github.com/newrelic/go-agent', 'github.com/DataDog/datadog-go'],
    maven: [
      'io.micrometer:micrometer-registry-*', 'io.micrometer:micrometer-tracing*', 'org.springframework.boot:spring-boot-starter-actuator', 'io.opentelemetry:*',
      'io.opentelemetry.instrumentation:*', 'io.sentry:*', 'com.datadoghq:*', 'com.newrelic.agent.java:*', 'io.prometheus:*', 'io.quarkus:quarkus-micrometer*', 'io.quarkus:quarkus-opentelemetry',
    ],
    nuget: ['prometheus-net*', 'OpenTelemetry*', 'Sentry*', 'Datadog.Trace*', 'NewRelic.Agent.Api', 'App.Metrics*', 'Microsoft.ApplicationInsights.AspNetCore', 'Elastic.Apm*'],
    composer: ['sentry/sentry', 'sentry/sentry-laravel', 'sentry/sentry-symfony', 'promphp/prometheus_client_php', 'open-telemetry/*', 'datadog/dd-trace', 'spatie/laravel-prometheus'],
    rubygems: ['sentry-ruby', 'sentry-rails', 'prometheus-client', 'prometheus_exporter', 'opentelemetry-*', 'ddtrace', 'datadog', 'newrelic_rpm', 'yabeda*', 'scout_apm', 'skylight', 'honeybadger', 'rollbar'],
    cargo: ['prometheus', 'metrics', 'metrics-exporter-prometheus', 'opentelemetry', 'opentelemetry*', 'sentry', 'tracing-opentelemetry', 'axum-prometheus'],
  },
});

export const OBSERVABILITY_DETECTORS: readonly Detector[] = [logging, monitoring];
