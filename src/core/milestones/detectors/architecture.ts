import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import { ownFile } from './common';
import { composeServices, ownNonTestFile, uncommentedMatch } from './configText';
import { anyOf } from './contentMatchers';
import { COMPOSE_SIGNALS } from './infra';
import { microservices } from './microservices';

const events = signalDetector({
  id: 'arch.events',
  dependencies: {
    npm: ['@nestjs/event-emitter', '@nestjs/cqrs'],
    pypi: ['eventsourcing'],
    go: ['github.com/ThreeDotsLabs/watermill'],
    maven: ['org.springframework.modulith:spring-modulith-events-*', 'org.axonframework:*'],
    composer: ['spatie/laravel-event-sourcing'],
    rubygems: ['wisper', 'rails_event_store', 'ruby_event_store'],
  },
  sources: [
    { languages: ['js'], pattern: /\bclass\s+\w+\s+extends\s+(EventEmitter)\b/g, describe: (m) => `own event emitter (extends ${m[1] ?? ''})` },
    { languages: ['js'], pattern: /@OnEvent\(/g, describe: () => 'event listener @OnEvent' },
    { languages: ['csharp'], pattern: /\bINotificationHandler<\s*\w+/g, describe: (m) => `MediatR notification ${m[0]}>` },
    { languages: ['java', 'kotlin'], pattern: /\.publishEvent\(|@(TransactionalEventListener|ApplicationModuleListener)\b/g, describe: (m) => (m[1] === undefined ? 'ApplicationEventPublisher.publishEvent()' : `@${m[1]}`) },
    { languages: ['python'], pattern: /=\s*(?:django\.dispatch\.|dispatch\.)?Signal\(/g, describe: () => 'own Django signal Signal()' },
    { languages: ['php'], pattern: /\bevent\(\s*new\s+\w+|\bEvent::dispatch\(\s*new\s+\w+/g, describe: (m) => `event dispatched ${m[0]}(…)` },
    { languages: ['ruby'], pattern: /\bActiveSupport::Notifications\.instrument\(/g, describe: () => 'ActiveSupport::Notifications.instrument' },
    { languages: ['js', 'python', 'java', 'kotlin', 'csharp', 'php', 'ruby'], pattern: /\bclass\s+(\w*Outbox\w*)/g, describe: (m) => `outbox ${m[1] ?? ''}` },
    { languages: ['go'], pattern: /\btype\s+(\w*Outbox\w*)\s+struct\b/g, describe: (m) => `outbox ${m[1] ?? ''}` },
  ],
  sourceHint: /event|listener|handler|notification|signal|outbox|subscriber|domain/,
});

const retry = signalDetector({
  id: 'resilience.retry',
  dependencies: {
    npm: ['opossum', 'cockatiel', 'axios-retry', 'retry-axios', 'p-retry', 'async-retry', 'exponential-backoff', 'fetch-retry', 'brakes'],
    pypi: ['tenacity', 'backoff', 'pybreaker', 'retrying', 'stamina', 'circuitbreaker', 'aiobreaker', 'retry'],
    go: ['github.com/sony/gobreaker', 'github.com/failsafe-go/failsafe-go', 'github.com/cenkalti/backoff', 'github.com/avast/retry-go', 'github.com/afex/hystrix-go', 'github.com/hashicorp/go-retryablehttp', 'github.com/eapache/go-resiliency'],
    maven: [
      'io.github.resilience4j:resilience4j-circuitbreaker', 'io.github.resilience4j:resilience4j-retry', 'io.github.resilience4j:resilience4j-spring-boot2', 'io.github.resilience4j:resilience4j-spring-boot3',
      'io.github.resilience4j:resilience4j-all', 'io.github.resilience4j:resilience4j-kotlin', 'io.github.resilience4j:resilience4j-reactor', 'org.springframework.retry:spring-retry',
      'org.springframework.cloud:spring-cloud-starter-circuitbreaker-*', 'dev.failsafe:failsafe', 'net.jodah:failsafe', 'org.eclipse.microprofile.fault-tolerance:*', 'io.quarkus:quarkus-smallrye-fault-tolerance',
    ],
    nuget: ['Polly', 'Polly.*', 'Microsoft.Extensions.Http.Polly', 'Microsoft.Extensions.Http.Resilience', 'Microsoft.Extensions.Resilience'],
    composer: ['ackintosh/ganesha', 'caseyamcl/guzzle_retry_middleware', 'stechstudio/backoff'],
    rubygems: ['stoplight', 'circuitbox', 'retriable', 'faraday-retry', 'semian'],
    cargo: ['backoff', 'backon', 'tokio-retry', 'failsafe', 'reqwest-retry', 'again'],
  },
});

/** Benchmarks live in test files by necessity (Go's *_test.go, JMH under src/jmh): the benchmark itself is the evidence. */
const benchmark = signalDetector({
  id: 'perf.benchmark',
  files: [
    { rule: { extensions: ['.jmx'], where: ownFile, globs: ['**/*.jmx'] }, content: uncommentedMatch(/<jmeterTestPlan\b/g, (_m, path) => `JMeter test plan ${path}`) },
    { rule: { names: ['locustfile.py'], where: ownFile, globs: ['**/locustfile.py'] }, describe: (path) => `Locust load test ${path}` },
    {
      rule: { extensions: ['.yml', '.yaml'], where: (path) => ownFile(path) && /artillery|load|perf|bench|stress|soak/i.test(path), globs: ['**/*{artillery,load,perf,bench,stress,soak}*/**/*.{yml,yaml}', '**/*{artillery,load,perf,bench,stress,soak}*.{yml,yaml}'] },
      content: (text, path) => (/^scenarios:/m.test(text) ? uncommentedMatch(/^config:[ \t]*\n(?:[ \t]+[^\n]*\n)*?[ \t]+target:/gm, (_m, p) => `Artillery load test ${p}`)(text, path) : undefined),
    },
  ],
  dependencies: {
    npm: ['tinybench', 'mitata', 'benny', 'benchmark', 'autocannon', 'artillery', '@types/k6', 'k6'],
    pypi: ['pytest-benchmark', 'locust', 'asv', 'pyperf', 'pytest-codspeed'],
    maven: ['org.openjdk.jmh:jmh-core', 'org.openjdk.jmh:jmh-generator-annprocess', 'io.gatling:*', 'io.gatling.highcharts:*', 'org.apache.jmeter:*'],
    nuget: ['BenchmarkDotNet', 'BenchmarkDotNet.*', 'NBomber', 'NBomber.*'],
    composer: ['phpbench/phpbench'],
    rubygems: ['benchmark-ips', 'derailed_benchmarks'],
    cargo: ['criterion', 'divan', 'iai', 'iai-callgrind', 'codspeed-criterion-compat'],
  },
  sources: [
    { languages: ['go'], pattern: /^func\s+(Benchmark\w*)\s*\(\s*\w+\s+\*testing\.B\s*\)/gm, describe: (m) => `Go benchmark ${m[1] ?? ''}`, includeTests: true },
    { languages: ['java', 'kotlin'], pattern: /@Benchmark\b/g, describe: () => 'JMH @Benchmark', includeTests: true },
    { languages: ['java', 'kotlin'], pattern: /\bextends\s+Simulation\b|:\s*Simulation\(\)/g, describe: () => 'Gatling simulation', includeTests: true },
    { languages: ['csharp'], pattern: /\[Benchmark[\]( ]/g, describe: () => 'BenchmarkDotNet [Benchmark]', includeTests: true },
    { languages: ['python'], pattern: /^[ \t]*def\s+(test_\w+)\s*\(\s*benchmark\b/gm, describe: (m) => `pytest-benchmark ${m[1] ?? ''}`, includeTests: true },
    { languages: ['python'], pattern: /^class\s+(\w+)\(\s*(?:Fast)?HttpUser\s*\)/gm, describe: (m) => `Locust user ${m[1] ?? ''}`, includeTests: true },
    { languages: ['js'], pattern: /\bfrom\s+(['"])k6(?:\/[\w-]+)?\1/g, describe: () => 'k6 load test script', includeTests: true },
    { languages: ['js'], pattern: /\bbench\(\s*(['"`])/g, describe: () => 'benchmark bench()', includeTests: true, where: (path) => /\.bench\.[cm]?[jt]s$/.test(path) },
    { languages: ['rust'], pattern: /\bcriterion_(?:group|main)!|#\[bench\]|#\[divan::bench/g, describe: () => 'Rust benchmark', includeTests: true },
  ],
  sourceHint: /bench|perf|load|k6|locust|jmh|gatling|stress/,
});

const REPLICATION_ENV = /\b(?:POSTGRESQL|POSTGRES|PG|MYSQL|MARIADB)_REPLICATION_MODE\b|\bREPLICATION_MODE[ \t]*[=:][ \t]*["']?(?:slave|replica)\b|--(?:replicaof|slaveof)\b|\bprimary_conninfo\b/;

const replication = signalDetector({
  id: 'db.replication',
  files: [
    ...COMPOSE_SIGNALS.map((signal) => ({
      rule: signal.rule,
      // A single-node MongoDB replica set only enables transactions; two or more members replicate.
      content: (text: string, path: string) => {
        const services = composeServices(text);
        const replicaSetMembers = services.filter((service) => /--replSet\b/.test(service.body));
        if (replicaSetMembers.length >= 2) {
          return { line: replicaSetMembers[0]?.line ?? 1, summary: `MongoDB replica set of ${replicaSetMembers.length} members in ${path}:${replicaSetMembers[0]?.line ?? 1}` };
        }
        const replica = services.find((service) => REPLICATION_ENV.test(service.body));
        return replica === undefined ? undefined : { line: replica.line, summary: `replica service ${replica.name} in ${path}:${replica.line}` };
      },
    })),
    {
      rule: { extensions: ['.py'], where: (path) => ownNonTestFile(path) && /settings/i.test(path), globs: ['**/*settings*.py', '**/settings/*.py'] },
      content: uncommentedMatch(/^DATABASE_ROUTERS\s*=\s*[[(]\s*[^\s\])]/gm, (_m, path, line) => `Django DATABASE_ROUTERS in ${path}:${line}`),
    },
    {
      rule: { names: ['database.yml'], where: (path) => ownFile(path) && path.endsWith('config/database.yml'), globs: ['**/config/database.yml'] },
      content: uncommentedMatch(/^[ \t]+replica:[ \t]*true\b/gm, (_m, path, line) => `Rails replica database in ${path}:${line}`),
    },
    {
      rule: { names: ['database.php'], where: (path) => ownFile(path) && path.endsWith('config/database.php'), globs: ['**/config/database.php'] },
      content: uncommentedMatch(/(['"])read\1\s*=>\s*\[/g, (_m, path, line) => `Laravel read connection in ${path}:${line}`),
    },
    {
      rule: { names: ['postgresql.conf', 'recovery.conf', 'pg_hba.conf', 'standby.signal'], where: ownFile, globs: ['**/{postgresql.conf,recovery.conf,pg_hba.conf,standby.signal}'] },
      content: anyOf(uncommentedMatch(/\bprimary_conninfo\b|^host(?:ssl)?\s+replication\b/gm, (_m, path, line) => `PostgreSQL replication in ${path}:${line}`)),
    },
  ],
  dependencies: {
    npm: ['@prisma/extension-read-replicas'],
    go: ['gorm.io/plugin/dbresolver'],
  },
  sources: [
    { languages: ['ruby'], pattern: /\bconnects_to\s*\(?\s*database:\s*\{[^}]*\breading:/g, describe: () => 'Rails connects_to reading replica' },
    { languages: ['js'], pattern: /\breadReplicas\s*\(/g, describe: () => 'Prisma readReplicas()' },
    { languages: ['js'], pattern: /\breplication\s*:\s*\{\s*(?:master|slaves|read|write|primary|replicas)\s*:/g, describe: () => 'ORM replication settings' },
    { languages: ['java', 'kotlin'], pattern: /\bextends\s+AbstractRoutingDataSource\b|:\s*AbstractRoutingDataSource\(\)/g, describe: () => 'routing DataSource (AbstractRoutingDataSource)' },
    { languages: ['go'], pattern: /\bdbresolver\.Register\(/g, describe: () => 'GORM dbresolver.Register' },
  ],
  sourceHint: /database|datasource|db|replica|config|prisma|orm/,
});

const FULLTEXT_SQL = new RegExp(
  [
    String.raw`\b(?:to_tsvector|to_tsquery|plainto_tsquery|websearch_to_tsquery|phraseto_tsquery|ts_rank(?:_cd)?)\s*\(`,
    String.raw`\btsvector\b`,
    String.raw`\bSearch(?:Vector|Query|Rank)\s*\(`,
    String.raw`\bSearchVectorField\b`,
    String.raw`\bFULLTEXT\s+(?:INDEX|KEY)\b`,
    String.raw`\bMATCH\s*\([^)]*\)\s*AGAINST\s*\(`,
    String.raw`\bUSING\s+fts[345]\b`,
    String.raw`->(?:fullText|whereFullText|orWhereFullText)\(`,
    String.raw`@@fulltext\(`,
    String.raw`\bfulltext\s*:\s*true\b`,
    String.raw`\b(?:FREETEXT(?:TABLE)?|CONTAINSTABLE)\s*\(`,
    String.raw`\bEF\.Functions\.(?:ToTsVector|ToTsQuery|PlainToTsQuery|WebSearchToTsQuery|FreeText)\(`,
    String.raw`\bpg_search_scope\b`,
  ].join('|'),
  'gi',
);

/** SQL full-text search is written as SQL, in strings of application code too; comments never count. */
const fulltextSql = signalDetector({
  id: 'search.fulltext-sql',
  files: [
    {
      rule: {
        extensions: ['.sql', '.prisma', '.py', '.rb', '.php', '.js', '.mjs', '.cjs', '.ts', '.mts', '.java', '.kt', '.cs', '.go', '.rs'],
        where: (path) => ownNonTestFile(path) && !/\.d\.ts$|\.min\.js$/.test(path),
        globs: ['**/*.{sql,prisma,py,rb,php,js,mjs,cjs,ts,mts,java,kt,cs,go,rs}'],
      },
      content: uncommentedMatch(FULLTEXT_SQL, (m, path, line) => `full-text search ${m[0].replace(/\s+/g, ' ').slice(0, 40)} in ${path}:${line}`),
      maxReads: 300,
      prefer: /migrat|schema|model|search|repositor|entit|query|queries|\.sql$|\.prisma$/,
    },
  ],
  dependencies: {
    rubygems: ['pg_search'],
    pypi: ['sqlalchemy-searchable'],
  },
});

export const ARCHITECTURE_DETECTORS: readonly Detector[] = [microservices, events, retry, benchmark, replication, fulltextSql];
