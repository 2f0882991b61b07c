import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import { COMPOSE_FILES, composeImage } from './caches';
import { codeMatch, ownFile } from './common';
import { JOB_SOURCE_HINT, JOB_SOURCES } from './caching';

const rabbitmq = signalDetector({
  id: 'queue.rabbitmq',
  files: [{ rule: COMPOSE_FILES, content: composeImage('rabbitmq', 'RabbitMQ') }],
  dependencies: {
    npm: ['amqplib', 'amqp-connection-manager', '@golevelup/nestjs-rabbitmq', 'rascal', 'rabbitmq-client', 'amqp-client'],
    pypi: ['pika', 'aio-pika', 'aiormq', 'rabbitpy', 'amqpstorm'],
    go: ['github.com/rabbitmq/amqp091-go', 'github.com/streadway/amqp', 'github.com/wagslane/go-rabbitmq'],
    maven: ['org.springframework.boot:spring-boot-starter-amqp', 'org.springframework.amqp:*', 'com.rabbitmq:amqp-client', 'org.springframework.cloud:spring-cloud-stream-binder-rabbit', 'io.quarkus:quarkus-messaging-rabbitmq'],
    nuget: ['RabbitMQ.Client', 'MassTransit.RabbitMQ', 'EasyNetQ', 'NServiceBus.RabbitMQ', 'Rebus.RabbitMq', 'WolverineFx.RabbitMQ'],
    composer: ['php-amqplib/php-amqplib', 'vladimir-yuldashev/laravel-queue-rabbitmq', 'symfony/amqp-messenger', 'enqueue/amqp-lib', 'enqueue/amqp-ext'],
    rubygems: ['bunny', 'sneakers', 'march_hare', 'amqp'],
    cargo: ['lapin', 'amiquip'],
  },
  sources: [
    {
      // An AMQP URL in code, e.g. Celery's broker='amqp://…' or kombu's Connection('amqp://…')
      languages: ['js', 'python', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby', 'rust'],
      pattern: /(['"`])(?:amqps?|pyamqp):\/\/[^'"`\s]*\1/g,
      describe: () => 'AMQP (RabbitMQ) connection URL',
    },
  ],
  sourceHint: /settings|config|celery|broker|queue|messag|amqp|rabbit/,
});

const kafka = signalDetector({
  id: 'queue.kafka',
  files: [{ rule: COMPOSE_FILES, content: composeImage('(?:cp-)?kafka(?:-native)?', 'Kafka') }],
  dependencies: {
    npm: ['kafkajs', '@confluentinc/kafka-javascript', 'node-rdkafka', '@platformatic/kafka'],
    pypi: ['confluent-kafka', 'kafka-python', 'kafka-python-ng', 'aiokafka', 'faust-streaming'],
    go: ['github.com/IBM/sarama', 'github.com/Shopify/sarama', 'github.com/segmentio/kafka-go', 'github.com/twmb/franz-go', 'github.com/twmb/franz-go/pkg/kgo', 'github.com/confluentinc/confluent-kafka-go'],
    maven: [
      'org.springframework.kafka:spring-kafka', 'org.apache.kafka:kafka-clients', 'org.apache.kafka:kafka-streams', 'org.springframework.cloud:spring-cloud-stream-binder-kafka*',
      'io.quarkus:quarkus-messaging-kafka', 'io.quarkus:quarkus-smallrye-reactive-messaging-kafka', 'io.quarkus:quarkus-kafka-client',
    ],
    nuget: ['Confluent.Kafka', 'MassTransit.Kafka', 'KafkaFlow', 'Streamiz.Kafka.Net'],
    composer: ['jobcloud/php-kafka-lib', 'longlang/phpkafka', 'mateusjunges/laravel-kafka', 'ext-rdkafka'],
    rubygems: ['ruby-kafka', 'rdkafka', 'karafka', 'racecar', 'waterdrop', 'phobos'],
    cargo: ['rdkafka', 'kafka', 'rskafka'],
  },
});

/** The same dead-letter argument in every RabbitMQ client. */
const DEAD_LETTER_ARGUMENT = String.raw`(['"])x-dead-letter-(?:exchange|routing-key)\1`;

const reliability = signalDetector({
  id: 'queue.reliability',
  files: [
    {
      // Terraform SQS redrive policy or Lambda dead-letter config
      rule: { extensions: ['.tf'], where: ownFile, globs: ['**/*.tf'] },
      content: codeMatch(/^[ \t]*(redrive_policy|dead_letter_config)\b/gm, 'hash', (m, path, line) => `${m[1] ?? ''} in ${path}:${line}`),
    },
    {
      // CloudFormation / SAM / Serverless templates
      rule: { extensions: ['.yml', '.yaml'], where: (path) => ownFile(path) && /serverless|template|cloudformation|cfn|stack|infra/i.test(path), globs: ['**/*{serverless,template,cloudformation,cfn,stack,infra}*.{yml,yaml}', '**/*{serverless,template,cloudformation,cfn,stack,infra}*/**/*.{yml,yaml}'] },
      content: codeMatch(/^[ \t]*(RedrivePolicy|DeadLetterConfig|deadLetterTargetArn)\s*:/gm, 'hash', (m, path, line) => `${m[1] ?? ''} in ${path}:${line}`),
    },
  ],
  sources: [
    {
      // BullMQ / Bull job options: attempts with backoff; amqplib dead-lettering; SQS redrive in SDK calls
      languages: ['js'],
      pattern: new RegExp(String.raw`\battempts\s*:\s*\d+[\s\S]{0,200}?\bbackoff\s*:|\bbackoff\s*:\s*\{[\s\S]{0,200}?\battempts\s*:|\bdeadLetter(?:Exchange|RoutingKey)\s*:|\b(?:RedrivePolicy|redrivePolicy|deadLetterTargetArn)\b|${DEAD_LETTER_ARGUMENT}`, 'g'),
      describe: (m) => (/attempts|backoff/.test(m[0]) ? 'job retries with backoff (attempts + backoff)' : 'dead-letter queue configured'),
    },
    {
      // Celery, Dramatiq, RabbitMQ dead-lettering
      languages: ['python'],
      pattern: new RegExp(String.raw`\b(autoretry_for|retry_backoff|acks_late|task_acks_late|task_reject_on_worker_lost|min_backoff|max_backoff)\s*=|\bself\.retry\(|${DEAD_LETTER_ARGUMENT.replace('\\1', '\\2')}`, 'g'),
      describe: (m) => (m[1] !== undefined ? `${m[1]} on tasks` : m[0].startsWith('self') ? 'task retry (self.retry)' : 'dead-letter exchange configured'),
    },
    {
      languages: ['ruby'],
      pattern: new RegExp(String.raw`^[ \t]*sidekiq_options\b[^\n]*\bretry:|\bsidekiq_retry_in\b|^[ \t]*(?:retry_on|discard_on)[ \t]+\w|${DEAD_LETTER_ARGUMENT}`, 'gm'),
      describe: (m) => `delivery safeguard ${m[0].trim().split(/\s/)[0] ?? ''}`,
    },
    {
      // Laravel job $tries / $backoff / backoff()
      languages: ['php'],
      pattern: new RegExp(String.raw`^[ \t]*public[ \t]+(?:int[ \t]+|array[ \t]+)?\$(tries|backoff|maxExceptions)[ \t]*=|\bfunction[ \t]+(backoff|retryUntil)[ \t]*\(|${DEAD_LETTER_ARGUMENT.replace('\\1', '\\3')}`, 'gm'),
      describe: (m) => (m[1] !== undefined ? `job $${m[1]}` : m[2] !== undefined ? `job ${m[2]}()` : 'dead-letter exchange configured'),
    },
    {
      languages: ['java', 'kotlin'],
      pattern: /\b(DeadLetterPublishingRecoverer|RetryableTopic|RepublishMessageRecoverer|RetryInterceptorBuilder)\b|\.(deadLetterExchange|deadLetterRoutingKey)\(|"x-dead-letter-(?:exchange|routing-key)"/g,
      describe: (m) => `delivery safeguard ${m[1] ?? m[2] ?? 'x-dead-letter-exchange'}`,
    },
    {
      languages: ['csharp'],
      pattern: /\.(UseMessageRetry|UseDelayedRedelivery|UseScheduledRedelivery|UseInMemoryOutbox|AddEntityFrameworkOutbox|UseEntityFrameworkOutbox)\(|\[AutomaticRetry\b|"x-dead-letter-(?:exchange|routing-key)"/g,
      describe: (m) => `delivery safeguard ${m[1] ?? (m[0].includes('AutomaticRetry') ? 'AutomaticRetry' : 'x-dead-letter-exchange')}`,
    },
    {
      languages: ['go'],
      pattern: /\basynq\.MaxRetry\(|\bmiddleware\.(?:Retry|PoisonQueue)\b|"x-dead-letter-(?:exchange|routing-key)"/g,
      describe: (m) => `delivery safeguard ${m[0].replace(/[("]/g, '')}`,
    },
  ],
  sourceHint: /jobs?|queue|worker|task|consumer|celery|messag|config|settings/,
});

/**
 * Job libraries: a worker runs enqueued work later, with retries and schedules. Narrower than
 * `queue.broker`, which also counts plain broker clients (a Kafka producer is not a background job).
 * Rails 8's generated solid_queue is left out; a job class of the learner's own counts.
 */
const jobs = signalDetector({
  id: 'queue.jobs',
  dependencies: {
    npm: ['bull', 'bullmq', 'bee-queue', 'kue', 'agenda', '@hokify/agenda', '@nestjs/bull', '@nestjs/bullmq', 'pg-boss', 'graphile-worker', 'inngest', '@trigger.dev/sdk', 'node-resque'],
    pypi: ['celery', 'rq', 'dramatiq', 'huey', 'arq', 'taskiq', 'django-q', 'django-q2', 'django-rq', 'procrastinate', 'saq', 'django-background-tasks', 'flask-rq2'],
    go: ['github.com/hibiken/asynq', 'github.com/gocraft/work', 'github.com/RichardKnop/machinery', 'github.com/riverqueue/river', 'github.com/vmihailenco/taskq', 'github.com/contribsys/faktory_worker_go'],
    maven: ['org.jobrunr:*', 'com.github.kagkarlsson:db-scheduler*', 'org.quartz-scheduler:quartz', 'org.springframework.boot:spring-boot-starter-quartz'],
    nuget: ['Hangfire*', 'Quartz', 'Quartz.*', 'Coravel'],
    composer: ['laravel/horizon'],
    rubygems: ['sidekiq', 'resque', 'delayed_job', 'delayed_job_active_record', 'good_job', 'que', 'shoryuken', 'sucker_punch'],
    cargo: ['apalis', 'faktory', 'fang'],
  },
  sources: JOB_SOURCES,
  sourceHint: JOB_SOURCE_HINT,
});

export const MESSAGING_PRACTICE_DETECTORS: readonly Detector[] = [rabbitmq, kafka, reliability, jobs];
