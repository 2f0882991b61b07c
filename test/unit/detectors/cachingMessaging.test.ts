import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('caching and messaging practice detectors', () => {
  describe('cache.http', () => {
    const id = 'cache.http';
    it('Express res.set', () => assertPresent({ 'src/routes/files.js': "res.set('Cache-Control', 'public, max-age=3600');\n" }, id, /set on the response in src\/routes\/files\.js:1/));
    it('Express static files with maxAge', () => assertPresent({ 'app.js': "app.use(express.static(path.join(__dirname, 'public'), { maxAge: '4h' }));\n" }, id, 'Cache-Control max-age on static files in app.js:1'));
    it('Django @cache_control', () => assertPresent({ 'blog/views.py': '@cache_control(max_age=600)\ndef index(request):\n    pass\n' }, id, '@cache_control in blog/views.py:1'));
    it('Django response header', () => assertPresent({ 'blog/views.py': "response['Cache-Control'] = 'no-store'\n" }, id, /HTTP caching header/));
    it('Spring CacheControl', () => assertPresent({ 'src/main/java/x/C.java': 'return ResponseEntity.ok().cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS)).body(x);\n' }, id, /HTTP caching/));
    it('ASP.NET [ResponseCache]', () => assertPresent({ 'Controllers/C.cs': '[ResponseCache(Duration = 60)]\npublic IActionResult Get() => Ok();\n' }, id, /HTTP caching ResponseCache/));
    it('Go header', () => assertPresent({ 'main.go': 'package main\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tw.Header().Set("ETag", tag)\n}\n' }, id, /HTTP caching header .*ETag/));
    it('Rails fresh_when', () => assertPresent({ 'app/controllers/articles_controller.rb': 'def show\n  fresh_when @article\nend\n' }, id, /HTTP caching fresh_when/));
    it('Laravel cache.headers middleware used on a route', () =>
      assertPresent({ 'routes/api.php': "<?php\nRoute::middleware('cache.headers:public;max_age=3600;etag')->group(function () {});\n" }, id, /Laravel cache\.headers middleware/));
    it('near miss: the skeleton Kernel only registers the cache.headers alias', () =>
      assertAbsent({ 'app/Http/Kernel.php': "<?php\nprotected $routeMiddleware = [\n  'cache.headers' => \\Illuminate\\Http\\Middleware\\SetCacheHeaders::class,\n];\n" }, id));
    it('Laravel header', () => assertPresent({ 'app/Http/Controllers/C.php': "<?php\nreturn response($x)->header('Cache-Control', 'max-age=60');\n" }, id, /HTTP caching header/));
    it('nginx expires', () => assertPresent({ 'nginx/site.conf': 'server {\n  location /static/ {\n    expires 30d;\n  }\n}\n' }, id, 'HTTP caching in nginx nginx/site.conf:3'));
    describe('near misses', () => {
      it('a browser fetch sending Cache-Control, a header in a comment or a log string', () =>
        assertAbsent(
          {
            'web/src/api.js': "fetch(url, { headers: { 'Cache-Control': 'no-cache' } });\nconst h = new Headers();\n",
            'src/app.js': "// res.set('Cache-Control', 'no-store')\nconsole.log(\"res.set('Cache-Control', x)\");\n",
            'nginx/site.conf': 'server {\n  # expires 30d;\n}\n',
            'src/session.js': "app.use(session({ cookie: { maxAge: 1209600000 } }));\napp.use(express.static('public'));\n",
          },
          id,
        ));
    });
  });

  describe('cache.app', () => {
    const id = 'cache.app';
    it('Spring @Cacheable', () => assertPresent({ 'src/main/java/x/S.java': '@Cacheable("users")\npublic User find(long id) {}\n', 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>' }, id, /Spring @Cacheable/));
    it('Django cache framework', () => assertPresent({ 'requirements.txt': 'django\n', 'shop/services.py': 'from django.core.cache import cache\n\ncache.set("k", 1)\n' }, id, /Django cache framework/));
    it('Rails.cache.fetch', () => assertPresent({ 'Gemfile': "gem 'rails'\n", 'app/models/report.rb': 'Rails.cache.fetch("r", expires_in: 1.hour) { build }\n' }, id, /Rails\.cache\.fetch/));
    it('Laravel Cache::remember', () => assertPresent({ 'composer.json': '{"require":{"laravel/framework":"^11"}}', 'app/Services/S.php': "<?php\nCache::remember('k', 60, fn () => 1);\n" }, id, /Laravel cache remember\(\)/));
    it('IMemoryCache', () => assertPresent({ 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>', 'Services/S.cs': 'public S(IMemoryCache cache) {}\n' }, id, /IMemoryCache used/));
    it('cache-manager next to NestJS', () => assertPresent({ 'package.json': '{"dependencies":{"@nestjs/core":"10","cache-manager":"5"}}' }, id, 'cache-manager in package.json (dependencies)'));
    it('cachetools in a Flask app', () => assertPresent({ 'requirements.txt': 'flask\ncachetools\n' }, id, 'cachetools in requirements.txt'));
    describe('near misses', () => {
      it('lru-cache in a build tool or frontend, a cache call in a comment, functools memoisation', () =>
        assertAbsent({ 'package.json': '{"devDependencies":{"vite":"5","lru-cache":"10"}}', 'app/models/report.rb': '# Rails.cache.fetch("r") { build }\n', 'tool/util.py': '@functools.lru_cache\ndef f():\n    pass\n' }, id));
    });
  });

  describe('cache.memcached', () => {
    const id = 'cache.memcached';
    it('memjs', () => assertPresent({ 'package.json': '{"dependencies":{"memjs":"1"}}' }, id, 'memjs in package.json (dependencies)'));
    it('pymemcache', () => assertPresent({ 'requirements.txt': 'pymemcache\n' }, id, 'pymemcache in requirements.txt'));
    it('Django memcached backend', () => assertPresent({ 'mysite/settings.py': "CACHES = {'default': {'BACKEND': 'django.core.cache.backends.memcached.PyMemcacheCache'}}\n" }, id, /Django memcached cache backend/));
    it('Dalli', () => assertPresent({ 'Gemfile': "gem 'dalli'\n" }, id, 'dalli in Gemfile'));
    it('spymemcached', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'net.spy:spymemcached:2.12.3'\n}\n" }, id, /net\.spy:spymemcached in build\.gradle/));
    it('EnyimMemcachedCore', () => assertPresent({ 'App.csproj': '<Project><ItemGroup><PackageReference Include="EnyimMemcachedCore" Version="3" /></ItemGroup></Project>' }, id, /EnyimMemcachedCore/));
    it('gomemcache', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/bradfitz/gomemcache v0.0.0-20230905024940-24af94b03874\n' }, id, /gomemcache in go\.mod/));
    it('Laravel memcached store chosen', () => assertPresent({ '.env.example': 'CACHE_STORE=memcached\n' }, id, 'memcached cache driver in .env.example:1'));
    it('a memcached compose service', () => assertPresent({ 'docker-compose.yml': 'services:\n  cache:\n    image: memcached:1.6-alpine\n' }, id, 'Memcached service in docker-compose.yml:3'));
    describe('near misses', () => {
      it('Redis only, Laravel’s generated memcached store definition, memcached in a comment', () =>
        assertAbsent(
          {
            'package.json': '{"dependencies":{"ioredis":"5"}}',
            'config/cache.php': "<?php\nreturn ['default' => env('CACHE_STORE', 'database'), 'stores' => ['memcached' => ['driver' => 'memcached']]];\n",
            '.env.example': '# CACHE_STORE=memcached\nCACHE_STORE=database\n',
          },
          id,
        ));
    });
  });

  describe('cache.redis-client', () => {
    const id = 'cache.redis-client';
    it('ioredis', () => assertPresent({ 'package.json': '{"dependencies":{"ioredis":"5"}}' }, id, 'ioredis in package.json (dependencies)'));
    it('@upstash/redis', () => assertPresent({ 'package.json': '{"dependencies":{"@upstash/redis":"1"}}' }, id, '@upstash/redis in package.json (dependencies)'));
    it('redis-py', () => assertPresent({ 'requirements.txt': 'redis>=5\n' }, id, 'redis in requirements.txt'));
    it('go-redis', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/redis/go-redis/v9 v9.5.0\n' }, id, 'github.com/redis/go-redis/v9 in go.mod (require)'));
    it('Spring Data Redis', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-data-redis'\n}\n" }, id, /spring-boot-starter-data-redis in build\.gradle/));
    it('StackExchange.Redis', () => assertPresent({ 'App.csproj': '<Project><ItemGroup><PackageReference Include="StackExchange.Redis" Version="2.7.0" /></ItemGroup></Project>' }, id, 'StackExchange.Redis in App.csproj (PackageReference)'));
    it('predis', () => assertPresent({ 'composer.json': '{"require":{"predis/predis":"^2"}}' }, id, 'predis/predis in composer.json (require)'));
    it('Laravel redis driver chosen', () => assertPresent({ '.env.example': 'QUEUE_CONNECTION=redis\n' }, id, 'Redis driver configured in .env.example:1'));
    it('redis gem', () => assertPresent({ 'Gemfile': "gem 'redis'\n" }, id, 'redis in Gemfile'));
    it('fred', () => assertPresent({ 'Cargo.toml': '[dependencies]\nfred = "9"\n' }, id, /fred in Cargo\.toml/));
    describe('near misses', () => {
      it('Memcached only, Laravel’s generated phpredis client setting, redis-like names', () =>
        assertAbsent(
          {
            'Gemfile': "gem 'dalli'\n",
            'package.json': '{"dependencies":{"memjs":"1","redis-commands":"1","@types/redis":"4"}}',
            'config/database.php': "<?php\nreturn ['redis' => ['client' => env('REDIS_CLIENT', 'phpredis')]];\n",
            '.env.example': 'REDIS_CLIENT=phpredis\nCACHE_STORE=database\n',
          },
          id,
        ));
    });
  });

  describe('queue.rabbitmq', () => {
    const id = 'queue.rabbitmq';
    it('amqplib', () => assertPresent({ 'package.json': '{"dependencies":{"amqplib":"0.10"}}' }, id, 'amqplib in package.json (dependencies)'));
    it('pika', () => assertPresent({ 'requirements.txt': 'pika\n' }, id, 'pika in requirements.txt'));
    it('Celery with an amqp broker URL', () => assertPresent({ 'proj/celery.py': "app = Celery('proj', broker='amqp://guest@localhost//')\n" }, id, 'AMQP (RabbitMQ) connection URL in proj/celery.py:1'));
    it('spring-boot-starter-amqp', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'org.springframework.boot:spring-boot-starter-amqp'\n}\n" }, id, /spring-boot-starter-amqp/));
    it('RabbitMQ.Client', () => assertPresent({ 'App.csproj': '<Project><ItemGroup><PackageReference Include="RabbitMQ.Client" Version="6" /></ItemGroup></Project>' }, id, /RabbitMQ\.Client/));
    it('amqp091-go', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/rabbitmq/amqp091-go v1.9.0\n' }, id, /amqp091-go/));
    it('php-amqplib', () => assertPresent({ 'composer.json': '{"require":{"php-amqplib/php-amqplib":"^3"}}' }, id, /php-amqplib/));
    it('bunny', () => assertPresent({ 'Gemfile': "gem 'bunny'\n" }, id, 'bunny in Gemfile'));
    it('lapin', () => assertPresent({ 'Cargo.toml': '[dependencies]\nlapin = "2"\n' }, id, /lapin/));
    it('a rabbitmq compose service', () => assertPresent({ 'compose.yaml': 'services:\n  mq:\n    image: "rabbitmq:3-management"\n' }, id, 'RabbitMQ service in compose.yaml:3'));
    describe('near misses', () => {
      it('Celery on Redis, Kafka only, an amqp URL in a comment', () =>
        assertAbsent({ 'proj/celery.py': "app = Celery('proj', broker='redis://localhost')\n# broker='amqp://x'\n", 'package.json': '{"dependencies":{"kafkajs":"2"}}' }, id));
    });
  });

  describe('queue.kafka', () => {
    const id = 'queue.kafka';
    it('kafkajs', () => assertPresent({ 'package.json': '{"dependencies":{"kafkajs":"2"}}' }, id, 'kafkajs in package.json (dependencies)'));
    it('confluent-kafka', () => assertPresent({ 'pyproject.toml': '[project]\ndependencies = ["confluent-kafka>=2"]\n' }, id, /confluent-kafka in pyproject\.toml/));
    it('spring-kafka', () => assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.kafka</groupId><artifactId>spring-kafka</artifactId></dependency></dependencies></project>' }, id, /spring-kafka in pom\.xml/));
    it('Confluent.Kafka', () => assertPresent({ 'App.csproj': '<Project><ItemGroup><PackageReference Include="Confluent.Kafka" Version="2" /></ItemGroup></Project>' }, id, /Confluent\.Kafka/));
    it('franz-go', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/twmb/franz-go v1.16.1\n' }, id, /franz-go/));
    it('sarama', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/IBM/sarama v1.43.0\n' }, id, /sarama/));
    it('karafka', () => assertPresent({ 'Gemfile': "gem 'karafka'\n" }, id, 'karafka in Gemfile'));
    it('rdkafka crate', () => assertPresent({ 'Cargo.toml': '[dependencies]\nrdkafka = "0.36"\n' }, id, /rdkafka/));
    it('laravel-kafka', () => assertPresent({ 'composer.json': '{"require":{"mateusjunges/laravel-kafka":"^2"}}' }, id, /laravel-kafka/));
    it('a kafka compose service', () => assertPresent({ 'docker-compose.yml': 'services:\n  kafka:\n    image: confluentinc/cp-kafka:7.6.0\n' }, id, 'Kafka service in docker-compose.yml:3'));
    describe('near misses', () => {
      it('a Kafka UI image, RabbitMQ only, kafka in docs', () =>
        assertAbsent({ 'docker-compose.yml': 'services:\n  ui:\n    image: provectuslabs/kafka-ui:latest\n', 'package.json': '{"dependencies":{"amqplib":"0.10"}}', 'README.md': 'We will use kafka.\n' }, id));
    });
  });

  describe('queue.reliability', () => {
    const id = 'queue.reliability';
    it('BullMQ attempts with backoff', () =>
      assertPresent({ 'src/queues/email.ts': "await queue.add('send', data, { attempts: 5, backoff: { type: 'exponential', delay: 1000 } });\n" }, id, /job retries with backoff/));
    it('Celery autoretry_for', () => assertPresent({ 'app/tasks.py': '@shared_task(autoretry_for=(IOError,), retry_backoff=True)\ndef send():\n    pass\n' }, id, /autoretry_for on tasks/));
    it('RabbitMQ dead-letter exchange (Python)', () => assertPresent({ 'worker.py': "ch.queue_declare('jobs', arguments={'x-dead-letter-exchange': 'dlx'})\n" }, id, /dead-letter exchange configured/));
    it('Sidekiq retry option', () => assertPresent({ 'app/workers/hard_worker.rb': 'class HardWorker\n  sidekiq_options retry: 5\nend\n' }, id, /sidekiq_options/));
    it('ActiveJob retry_on', () => assertPresent({ 'app/jobs/report_job.rb': 'class ReportJob < ApplicationJob\n  retry_on Timeout::Error, wait: :polynomially_longer\nend\n' }, id, /retry_on/));
    it('Laravel $tries', () => assertPresent({ 'app/Jobs/Send.php': '<?php\nclass Send implements ShouldQueue {\n    public int $tries = 3;\n}\n' }, id, /job \$tries/));
    it('Spring Kafka dead-letter recoverer', () => assertPresent({ 'src/main/java/x/K.java': 'new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template), new FixedBackOff(1000L, 3));\n' }, id, /DeadLetterPublishingRecoverer/));
    it('MassTransit retry', () => assertPresent({ 'Program.cs': 'cfg.UseMessageRetry(r => r.Exponential(5, min, max, delta));\n' }, id, /UseMessageRetry/));
    it('asynq MaxRetry', () => assertPresent({ 'tasks.go': 'package t\n\nfunc e() {\n\tclient.Enqueue(task, asynq.MaxRetry(5))\n}\n' }, id, /asynq\.MaxRetry/));
    it('Terraform SQS redrive policy', () => assertPresent({ 'infra/queues.tf': 'resource "aws_sqs_queue" "q" {\n  redrive_policy = jsonencode({ maxReceiveCount = 4 })\n}\n' }, id, 'redrive_policy in infra/queues.tf:2'));
    describe('near misses', () => {
      it('attempts without backoff, retries in comments, a Laravel job without tries', () =>
        assertAbsent(
          {
            'src/login.ts': 'const state = { attempts: 3 };\n',
            'app/tasks.py': '# autoretry_for=(IOError,)\n',
            'app/Jobs/Send.php': '<?php\nclass Send implements ShouldQueue {\n    public function handle() {}\n}\n',
            'test/queue.test.ts': "queue.add('x', {}, { attempts: 2, backoff: 10 });\n",
          },
          id,
        ));
    });
  });

  describe('queue.jobs', () => {
    const id = 'queue.jobs';
    it('BullMQ', () => assertPresent({ 'package.json': '{"dependencies":{"bullmq":"5"}}' }, id, 'bullmq in package.json (dependencies)'));
    it('Celery', () => assertPresent({ 'requirements.txt': 'celery[redis]\n' }, id, 'celery in requirements.txt'));
    it('Sidekiq', () => assertPresent({ 'Gemfile': "gem 'sidekiq'\n" }, id, 'sidekiq in Gemfile'));
    it('Hangfire', () => assertPresent({ 'App.csproj': '<Project><ItemGroup><PackageReference Include="Hangfire.AspNetCore" Version="1.8" /></ItemGroup></Project>' }, id, /Hangfire\.AspNetCore/));
    it('asynq', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/hibiken/asynq v0.24.1\n' }, id, /asynq/));
    it('JobRunr', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'org.jobrunr:jobrunr-spring-boot-3-starter:7.0.0'\n}\n" }, id, /jobrunr/));
    it('a Laravel queued job', () => assertPresent({ 'app/Jobs/SendEmail.php': '<?php\nclass SendEmail implements ShouldQueue\n{\n}\n' }, id, 'queued job (implements ShouldQueue) in app/Jobs/SendEmail.php:2'));
    it('a Rails job of the learner', () => assertPresent({ 'app/jobs/report_job.rb': 'class ReportJob < ApplicationJob\nend\n' }, id, 'background job ReportJob in app/jobs/report_job.rb:1'));
    it('apalis', () => assertPresent({ 'Cargo.toml': '[dependencies]\napalis = "0.5"\n' }, id, /apalis/));
    describe('near misses', () => {
      it('a plain broker client (Kafka, RabbitMQ), Rails 8’s generated solid_queue and ApplicationJob', () =>
        assertAbsent(
          {
            'package.json': '{"dependencies":{"kafkajs":"2","amqplib":"0.10"}}',
            'Gemfile': "gem 'rails'\ngem 'solid_queue'\n",
            'app/jobs/application_job.rb': 'class ApplicationJob < ActiveJob::Base\nend\n',
          },
          id,
        ));
    });
  });
});
