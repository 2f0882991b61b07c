import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import type { SourceSignal } from '../sourceScan';

const redis = signalDetector({
  id: 'cache.redis',
  dependencies: {
    npm: ['redis', 'ioredis', '@redis/client', 'memcached', 'memjs', '@upstash/redis', 'cache-manager-redis-store', 'cache-manager-ioredis', '@keyv/redis', 'cache-manager-redis-yet', '@nestjs-modules/ioredis'],
    pypi: ['redis', 'aioredis', 'django-redis', 'pymemcache', 'python-memcached', 'pylibmc', 'redis-om', 'hiredis', 'aiocache', 'fastapi-cache2'],
    go: ['github.com/redis/go-redis', 'github.com/go-redis/redis', 'github.com/gomodule/redigo', 'github.com/bradfitz/gomemcache', 'github.com/redis/rueidis', 'github.com/rueian/rueidis'],
    maven: ['org.springframework.boot:spring-boot-starter-data-redis', 'org.springframework.boot:spring-boot-starter-data-redis-reactive', 'redis.clients:jedis', 'io.lettuce:lettuce-core', 'org.redisson:*', 'net.spy:spymemcached', 'io.quarkus:quarkus-redis-*'],
    nuget: ['StackExchange.Redis', 'Microsoft.Extensions.Caching.StackExchangeRedis', 'EnyimMemcachedCore', 'Microsoft.Extensions.Caching.Memcached', 'CSRedisCore', 'FusionCache.Backplane.StackExchangeRedis'],
    composer: ['predis/predis', 'ext-redis', 'ext-memcached', 'snc/redis-bundle'],
    rubygems: ['redis', 'redis-rails', 'redis-client', 'dalli', 'hiredis', 'redis-namespace'],
    cargo: ['redis', 'fred', 'deadpool-redis', 'bb8-redis', 'memcache'],
  },
  sources: [
    { languages: ['ruby'], pattern: /\bcache_store\s*=\s*:(redis_cache_store|mem_cache_store)\b/g, describe: (m) => `cache_store :${m[1] ?? ''}` },
    { languages: ['python'], pattern: /(['"])django\.core\.cache\.backends\.(redis\.RedisCache|memcached\.\w+)\1/g, describe: (m) => `Django cache backend ${m[2] ?? ''}` },
  ],
  sourceHint: /settings|config|environments|cache/,
});

/** Job classes of the learner's own (queue.broker and queue.jobs both accept them). */
export const JOB_SOURCES = [
  { languages: ['php'], pattern: /\bimplements\s+([\w\\, ]*\b)?ShouldQueue\b/g, describe: () => 'queued job (implements ShouldQueue)' },
  {
    // Rails generates app/jobs/application_job.rb; a job of the learner's own subclasses it.
    languages: ['ruby'],
    pattern: /^[ \t]*class[ \t]+(\w+)[ \t]*<[ \t]*ApplicationJob\b/gm,
    describe: (m: RegExpExecArray) => `background job ${m[1] ?? ''}`,
    where: (path: string) => !path.endsWith('application_job.rb'),
  },
] as const satisfies readonly SourceSignal[];
export const JOB_SOURCE_HINT = /jobs?|queue|worker|task/;

const broker = signalDetector({
  id: 'queue.broker',
  dependencies: {
    npm: [
      'bull', 'bullmq', 'bee-queue', 'kue', 'agenda', 'amqplib', 'amqp-connection-manager', 'kafkajs', '@confluentinc/kafka-javascript', 'node-rdkafka', 'nats',
      '@aws-sdk/client-sqs', 'sqs-consumer', '@nestjs/bull', '@nestjs/bullmq', '@nestjs/microservices', 'pg-boss', 'graphile-worker', 'rhea', 'stompit',
      '@google-cloud/pubsub', '@azure/service-bus', 'rascal', '@golevelup/nestjs-rabbitmq', 'inngest', '@trigger.dev/sdk',
    ],
    pypi: [
      'celery', 'rq', 'dramatiq', 'huey', 'kombu', 'pika', 'aio-pika', 'kafka-python', 'confluent-kafka', 'aiokafka', 'nats-py', 'arq', 'taskiq',
      'django-q', 'django-q2', 'django-rq', 'google-cloud-pubsub', 'azure-servicebus', 'faststream', 'procrastinate', 'saq',
    ],
    go: [
      'github.com/rabbitmq/amqp091-go', 'github.com/streadway/amqp', 'github.com/segmentio/kafka-go', 'github.com/IBM/sarama', 'github.com/Shopify/sarama',
      'github.com/confluentinc/confluent-kafka-go', 'github.com/nats-io/nats.go', 'github.com/hibiken/asynq', 'github.com/aws/aws-sdk-go-v2/service/sqs',
      'github.com/gocraft/work', 'github.com/RichardKnop/machinery', 'github.com/riverqueue/river', 'cloud.google.com/go/pubsub', 'github.com/twmb/franz-go',
      'github.com/ThreeDotsLabs/watermill',
    ],
    maven: [
      'org.springframework.boot:spring-boot-starter-amqp', 'org.springframework.kafka:spring-kafka', 'org.apache.kafka:*', 'com.rabbitmq:amqp-client',
      'io.nats:jnats', 'software.amazon.awssdk:sqs', 'org.springframework.cloud:spring-cloud-stream*', 'org.jobrunr:*', 'org.apache.activemq:*',
      'org.springframework.boot:spring-boot-starter-activemq', 'org.springframework.boot:spring-boot-starter-artemis', 'org.springframework.boot:spring-boot-starter-pulsar',
      'org.apache.pulsar:*', 'io.awspring.cloud:spring-cloud-aws-starter-sqs', 'io.quarkus:quarkus-messaging-*', 'io.quarkus:quarkus-smallrye-reactive-messaging-*',
    ],
    nuget: ['RabbitMQ.Client', 'MassTransit*', 'Confluent.Kafka', 'Hangfire*', 'NServiceBus*', 'AWSSDK.SQS', 'Azure.Messaging.ServiceBus', 'NATS.Client', 'NATS.Net', 'WolverineFx*', 'Rebus*', 'EasyNetQ'],
    composer: ['php-amqplib/php-amqplib', 'enqueue/*', 'laravel/horizon', 'vladimir-yuldashev/laravel-queue-rabbitmq', 'symfony/amqp-messenger', 'jobcloud/php-kafka-lib'],
    rubygems: ['sidekiq', 'resque', 'delayed_job', 'delayed_job_active_record', 'good_job', 'bunny', 'sneakers', 'ruby-kafka', 'rdkafka', 'karafka', 'que', 'shoryuken', 'aws-sdk-sqs', 'racecar'],
    cargo: ['lapin', 'rdkafka', 'async-nats', 'nats', 'apalis', 'aws-sdk-sqs', 'faktory', 'fang'],
  },
  sources: JOB_SOURCES,
  sourceHint: JOB_SOURCE_HINT,
});

export const CACHING_DETECTORS: readonly Detector[] = [redis];
export const MESSAGING_DETECTORS: readonly Detector[] = [broker];
