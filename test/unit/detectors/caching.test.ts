import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('caching and messaging detectors', () => {
  describe('cache.redis', () => {
    const id = 'cache.redis';
    it('ioredis', () => assertPresent({ 'package.json': '{"dependencies":{"ioredis":"5"}}' }, id, 'ioredis in package.json (dependencies)'));
    it('redis (PyPI)', () => assertPresent({ 'requirements.txt': 'redis>=5\n' }, id, 'redis in requirements.txt'));
    it('go-redis v9', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/redis/go-redis/v9 v9.5.0\n' }, id, 'github.com/redis/go-redis/v9 in go.mod (require)'));
    it('Spring Data Redis', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-data-redis'\n}\n" }, id, /spring-boot-starter-data-redis in build\.gradle/));
    it('StackExchange.Redis', () => assertPresent({ 'App.csproj': '<Project><ItemGroup><PackageReference Include="StackExchange.Redis" Version="2.7.0" /></ItemGroup></Project>' }, id, 'StackExchange.Redis in App.csproj (PackageReference)'));
    it('predis', () => assertPresent({ 'composer.json': '{"require":{"predis/predis":"^2"}}' }, id, 'predis/predis in composer.json (require)'));
    it('Rails redis cache store', () => assertPresent({ 'config/environments/production.rb': 'Rails.application.configure do\n  config.cache_store = :redis_cache_store, { url: ENV["REDIS_URL"] }\nend\n' }, id, 'cache_store :redis_cache_store in config/environments/production.rb:2'));
    it('dalli (memcached)', () => assertPresent({ 'Gemfile': "gem 'dalli'\n" }, id, 'dalli in Gemfile'));
    it('not redis-like names or a commented-out cache store', () =>
      assertAbsent({ 'package.json': '{"dependencies":{"redis-commands":"1","@types/redis":"4"}}', 'config/environments/production.rb': '# config.cache_store = :redis_cache_store\n' }, id));
  });

  describe('queue.broker', () => {
    const id = 'queue.broker';
    it('BullMQ', () => assertPresent({ 'package.json': '{"dependencies":{"bullmq":"5"}}' }, id, 'bullmq in package.json (dependencies)'));
    it('Celery', () => assertPresent({ 'pyproject.toml': '[project]\ndependencies = ["celery[redis]>=5.3"]\n' }, id, 'celery in pyproject.toml (project.dependencies)'));
    it('kafka-go', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/segmentio/kafka-go v0.4.47\n' }, id, 'github.com/segmentio/kafka-go in go.mod (require)'));
    it('spring-kafka', () => assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.kafka</groupId><artifactId>spring-kafka</artifactId></dependency></dependencies></project>' }, id, /spring-kafka in pom\.xml/));
    it('MassTransit', () => assertPresent({ 'App.csproj': '<Project><ItemGroup><PackageReference Include="MassTransit.RabbitMQ" Version="8" /></ItemGroup></Project>' }, id, 'MassTransit.RabbitMQ in App.csproj (PackageReference)'));
    it('Sidekiq', () => assertPresent({ 'Gemfile': "gem 'sidekiq'\n" }, id, 'sidekiq in Gemfile'));
    it('a Laravel queued job', () => assertPresent({ 'app/Jobs/SendEmail.php': '<?php\nclass SendEmail implements ShouldQueue\n{\n}\n' }, id, 'queued job (implements ShouldQueue) in app/Jobs/SendEmail.php:2'));
    it('a Rails job of the learner', () => assertPresent({ 'app/jobs/report_job.rb': 'class ReportJob < ApplicationJob\nend\n' }, id, 'background job ReportJob in app/jobs/report_job.rb:1'));
    it('not Rails’ generated ApplicationJob, nor a kafka word in docs', () =>
      assertAbsent({ 'app/jobs/application_job.rb': 'class ApplicationJob < ActiveJob::Base\nend\n', 'README.md': 'Uses kafka and celery later.\n' }, id));
  });
});
