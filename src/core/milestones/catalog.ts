/**
 * Every milestone the detectors can prove. Roadmap content names these ids in `detect`, and the loader
 * rejects ids that are not here. Titles are what a learner reads in evidence lists.
 */
/**
 * Where a milestone's proof comes from, which decides how it is checked and kept:
 * - `files`: the working tree's files (re-checked when a watched path changes);
 * - `git`: the repository's metadata (re-checked when `.git` changes; needs git, so never in untrusted workspaces);
 * - `event`: something the learner did that no scan can see afterwards (a test run that passed, a command run in
 *   the terminal); its evidence is recorded when it happens and kept with its time.
 */
export type MilestoneKind = 'files' | 'git' | 'event';

export interface MilestoneInfo {
  readonly id: string;
  readonly title: string;
  readonly kind: MilestoneKind;
  /**
   * Present only through several pieces of evidence together (three HTTP methods, two services, two
   * environments): then it is the learner's only when every piece shown is, not just one of them.
   */
  readonly creditNeedsAll?: true;
}

export const MILESTONES = [
  { id: 'git.repo', title: 'The folder is a git repository', kind: 'files' },
  { id: 'git.history', title: 'At least 5 commits', kind: 'git' },
  { id: 'git.branching', title: 'More than one branch, or a merge commit', kind: 'git' },
  { id: 'git.remote', title: 'A git remote is configured', kind: 'git' },
  { id: 'git.hosted', title: 'Work pushed to a hosting service (a remote on a server, not a folder)', kind: 'git' },
  { id: 'git.ignore', title: 'A .gitignore file', kind: 'files' },
  { id: 'git.pull-requests', title: 'A pull or merge request merged through a hosting service', kind: 'git' },
  { id: 'git.undo', title: 'A commit undone with git revert', kind: 'git' },
  { id: 'release.versioning', title: 'Versioned releases (a v1.2.3 tag, a versioned CHANGELOG or release tooling)', kind: 'git' },
  { id: 'lang.node', title: 'A Node.js project (package.json)', kind: 'files' },
  { id: 'lang.typescript', title: 'A TypeScript project', kind: 'files' },
  { id: 'lang.typescript-code', title: 'TypeScript source code (not only configuration, not tests)', kind: 'files' },
  { id: 'lang.python', title: 'A Python project', kind: 'files' },
  { id: 'lang.go', title: 'A Go module', kind: 'files' },
  { id: 'lang.java', title: 'A Java or Kotlin project (Maven or Gradle)', kind: 'files' },
  { id: 'lang.csharp', title: 'A C# project', kind: 'files' },
  { id: 'lang.php', title: 'A PHP project (Composer)', kind: 'files' },
  { id: 'lang.ruby', title: 'A Ruby project (Gemfile)', kind: 'files' },
  { id: 'lang.rust', title: 'A Rust crate (Cargo.toml)', kind: 'files' },
  { id: 'tooling.lint', title: 'A linter or formatter configuration', kind: 'files' },
  { id: 'tooling.env', title: 'Configuration from the environment (.env.example or a dotenv library)', kind: 'files' },
  { id: 'framework.web', title: 'A server-side web framework', kind: 'files' },
  { id: 'api.rest', title: 'HTTP route handlers in source code', kind: 'files' },
  { id: 'api.openapi', title: 'An OpenAPI / Swagger description', kind: 'files' },
  { id: 'api.graphql', title: 'A GraphQL schema or server', kind: 'files' },
  { id: 'api.grpc', title: 'gRPC service definitions', kind: 'files' },
  { id: 'api.realtime', title: 'WebSockets, socket.io or Server-Sent Events', kind: 'files' },
  { id: 'api.websocket', title: 'A WebSocket server endpoint', kind: 'files' },
  { id: 'api.sse', title: 'A Server-Sent Events endpoint (text/event-stream)', kind: 'files' },
  { id: 'api.socketio', title: 'A Socket.IO server', kind: 'files' },
  { id: 'framework.middleware', title: 'HTTP middleware of your own (Express/Koa middleware, a Django middleware class, a Spring filter…)', kind: 'files' },
  { id: 'api.validation', title: 'Request validation (zod, joi, pydantic constraints, Bean Validation, FluentValidation, Laravel validate()…)', kind: 'files' },
  { id: 'framework.di', title: 'Dependency injection (NestJS providers, FastAPI Depends, Spring beans, ASP.NET AddScoped…)', kind: 'files' },
  { id: 'framework.mvc', title: 'Server-rendered views with a template engine (Thymeleaf, Jinja/Django templates, EJS, Blade, ERB, Razor)', kind: 'files' },
  { id: 'api.pagination', title: 'Paginated list endpoints (page/limit/offset/cursor, Pageable, DRF pagination, paginate())', kind: 'files' },
  { id: 'api.client', title: 'An HTTP client called from server code (axios, requests/httpx, RestTemplate/WebClient, HttpClient…)', kind: 'files' },
  { id: 'api.webhooks', title: 'A webhook receiver that verifies its signature (Stripe constructEvent, an HMAC of X-Hub-Signature…)', kind: 'files' },
  { id: 'api.rest-methods', title: 'Route handlers for at least three HTTP methods (GET, POST, PUT, PATCH, DELETE)', kind: 'files', creditNeedsAll: true },
  { id: 'db.sql', title: 'A relational database driver or ORM', kind: 'files' },
  { id: 'db.nosql', title: 'A NoSQL database client', kind: 'files' },
  { id: 'db.migrations', title: 'Database schema migrations', kind: 'files' },
  { id: 'db.orm', title: 'An ORM or ODM (Prisma, TypeORM, SQLAlchemy, Django models, JPA, EF Core, Eloquent, Active Record…)', kind: 'files' },
  { id: 'db.joins', title: 'A SQL JOIN written in the project (SQL files, migrations or queries in code)', kind: 'files' },
  { id: 'db.transactions', title: 'Explicit database transactions (BEGIN/COMMIT, transaction.atomic, @Transactional, $transaction…)', kind: 'files' },
  { id: 'db.relations', title: 'Foreign keys or relations in the schema (REFERENCES, ForeignKey, @ManyToOne, has_many…)', kind: 'files' },
  { id: 'db.indexes', title: 'Database indexes beyond primary keys (CREATE INDEX, db_index, @@index, add_index…)', kind: 'files' },
  { id: 'db.mongodb', title: 'A MongoDB client or ODM', kind: 'files' },
  { id: 'db.wide-column', title: 'A wide-column database client (Cassandra, ScyllaDB, HBase, Bigtable)', kind: 'files' },
  { id: 'db.graph', title: 'A graph database client (Neo4j, Gremlin, ArangoDB, Dgraph)', kind: 'files' },
  { id: 'auth.hashing', title: 'Password hashing', kind: 'files' },
  { id: 'auth.jwt', title: 'JSON Web Tokens', kind: 'files' },
  { id: 'auth.oauth', title: 'OAuth 2 / OpenID Connect', kind: 'files' },
  { id: 'auth.session', title: 'Server-side sessions or cookie auth', kind: 'files' },
  { id: 'security.cors', title: 'CORS configured', kind: 'files' },
  { id: 'security.ratelimit', title: 'Rate limiting or throttling', kind: 'files' },
  { id: 'auth.rbac', title: 'Roles or permissions enforced (CASL, casbin, @PreAuthorize, DRF permissions, Pundit, Laravel Gates…)', kind: 'files' },
  { id: 'security.headers', title: 'Security headers or CSRF protection configured (helmet, CSP, HSTS, Django SECURE_* settings…)', kind: 'files' },
  { id: 'security.secrets', title: 'Secrets kept out of the repository by a tool (Vault, a cloud secret manager, SOPS, CI secrets…)', kind: 'files' },
  { id: 'security.tls', title: 'TLS configured by the project (nginx ssl_certificate, cert-manager, Traefik ACME, an HTTPS server…)', kind: 'files' },
  { id: 'cache.redis', title: 'A Redis or Memcached cache', kind: 'files' },
  { id: 'queue.broker', title: 'Background jobs or a message broker', kind: 'files' },
  { id: 'cache.http', title: 'HTTP caching headers set by the server (Cache-Control, ETag, Last-Modified, Expires)', kind: 'files' },
  { id: 'cache.app', title: 'Application caching through a cache API (@Cacheable, Rails.cache, Cache::remember, IMemoryCache, cache-manager…)', kind: 'files' },
  { id: 'cache.memcached', title: 'A Memcached client or cache backend', kind: 'files' },
  { id: 'cache.redis-client', title: 'A Redis client (not Memcached)', kind: 'files' },
  { id: 'queue.rabbitmq', title: 'RabbitMQ / AMQP messaging', kind: 'files' },
  { id: 'queue.kafka', title: 'Apache Kafka', kind: 'files' },
  { id: 'queue.reliability', title: 'Message-delivery safeguards (dead-letter queues, job retries with backoff, acks_late…)', kind: 'files' },
  { id: 'queue.jobs', title: 'A background job library (Celery, BullMQ, Sidekiq, Hangfire…) or a job class of your own', kind: 'files' },
  { id: 'test.present', title: 'Automated tests exist', kind: 'files' },
  { id: 'test.passing', title: 'The tests ran and passed', kind: 'event' },
  { id: 'test.mocking', title: 'Test doubles in tests (jest.mock, unittest.mock, Mockito, Moq, gomock…)', kind: 'files' },
  { id: 'test.integration', title: 'Integration tests against real dependencies (Testcontainers, @SpringBootTest, Django DB tests…)', kind: 'files' },
  { id: 'test.api', title: 'Tests that call the HTTP API (supertest, TestClient, MockMvc, httptest…)', kind: 'files' },
  { id: 'test.e2e', title: 'Browser end-to-end tests (Playwright, Cypress, Selenium…)', kind: 'files' },
  { id: 'test.coverage', title: 'Test coverage measured (jest --coverage, pytest-cov, JaCoCo, go test -cover…)', kind: 'files' },
  { id: 'ci.workflow', title: 'A CI pipeline', kind: 'files' },
  { id: 'docker.file', title: 'A Dockerfile', kind: 'files' },
  { id: 'docker.compose', title: 'A Compose file', kind: 'files' },
  { id: 'deploy.k8s', title: 'Kubernetes manifests or a Helm chart', kind: 'files' },
  { id: 'deploy.proxy', title: 'A reverse proxy / web server configuration', kind: 'files' },
  { id: 'deploy.cloud', title: 'Cloud or platform deploy configuration', kind: 'files' },
  { id: 'docker.volumes', title: 'Container volumes (named or bind volumes in Compose, VOLUME in a Dockerfile)', kind: 'files' },
  { id: 'docker.networks', title: 'Networks declared in a Compose file', kind: 'files' },
  { id: 'docker.multistage', title: 'A multi-stage Dockerfile (two or more FROM stages)', kind: 'files' },
  { id: 'docker.registry', title: 'Images pushed to a registry (docker push, build-push-action with push: true, jib, ko…)', kind: 'files' },
  { id: 'deploy.helm', title: 'A Helm chart (Chart.yaml)', kind: 'files' },
  { id: 'deploy.nginx', title: 'nginx configuration (nginx.conf, conf.d, sites-*, an nginx template)', kind: 'files' },
  { id: 'deploy.appserver', title: 'A production app server configured (gunicorn, uvicorn, Puma, PHP-FPM, Kestrel, Tomcat…)', kind: 'files' },
  { id: 'deploy.process', title: 'A process manager or service unit (PM2, supervisord, systemd, s6/runit, foreman)', kind: 'files' },
  { id: 'linux.shell', title: 'Shell scripts of your own (*.sh or a #!/bin/sh script)', kind: 'files' },
  { id: 'ci.deploy', title: 'A CI job that deploys or publishes a release', kind: 'files' },
  { id: 'ci.environments', title: 'More than one deployment environment (staging, production…)', kind: 'files', creditNeedsAll: true },
  { id: 'deploy.iac', title: 'Infrastructure as code (Terraform, Pulumi, CDK, Bicep, CloudFormation, Ansible)', kind: 'files' },
  { id: 'deploy.paas', title: 'Platform-as-a-service deploy configuration (Procfile, fly.toml, render.yaml, vercel.json…)', kind: 'files' },
  { id: 'cloud.sdk', title: 'A cloud provider SDK (AWS, Google Cloud, Azure)', kind: 'files' },
  { id: 'cloud.storage', title: 'Object storage used by the code (S3, Google Cloud Storage, Azure Blob, MinIO)', kind: 'files' },
  { id: 'cloud.serverless', title: 'Serverless functions (Lambda, Azure Functions, Cloud Functions, Workers, Netlify/Vercel functions)', kind: 'files' },
  { id: 'arch.microservices', title: 'Two or more separately built services of your own in one repository', kind: 'files', creditNeedsAll: true },
  { id: 'arch.events', title: 'Domain events of your own (an event bus or emitter, MediatR notifications, Spring events, an outbox…)', kind: 'files' },
  { id: 'resilience.retry', title: 'Retries or circuit breakers around remote calls (opossum, resilience4j, Polly, tenacity…)', kind: 'files' },
  { id: 'perf.benchmark', title: 'Benchmarks or load tests (Go benchmarks, JMH, BenchmarkDotNet, k6, Locust…)', kind: 'files' },
  { id: 'db.replication', title: 'Read replicas or database replication configured', kind: 'files' },
  { id: 'search.fulltext-sql', title: 'Full-text search in the database (tsvector, MySQL FULLTEXT, SQLite FTS5)', kind: 'files' },
  { id: 'obs.logging', title: 'A structured logging library', kind: 'files' },
  { id: 'obs.monitoring', title: 'Metrics, tracing or error monitoring', kind: 'files' },
  { id: 'obs.metrics', title: 'Application metrics exported (Prometheus, Micrometer, OpenTelemetry metrics, StatsD)', kind: 'files' },
  { id: 'obs.tracing', title: 'Distributed tracing (OpenTelemetry, Jaeger, Zipkin, Datadog APM…)', kind: 'files' },
  { id: 'obs.errors', title: 'Error tracking (Sentry, Rollbar, Bugsnag, Honeybadger…)', kind: 'files' },
  { id: 'obs.health', title: 'A health or readiness check (/health route, probes, HEALTHCHECK, Actuator…)', kind: 'files' },
  { id: 'search.engine', title: 'A search engine client', kind: 'files' },
  { id: 'docs.readme', title: 'A README at the root', kind: 'files' },
  // Terminal practice: recorded from commands run in the integrated terminal (src/core/practice).
  { id: 'practice.dns', title: 'Looked up DNS records in the terminal (dig, nslookup, host)', kind: 'event' },
  { id: 'practice.http', title: 'Made HTTP requests from the terminal (curl, wget, httpie)', kind: 'event' },
  { id: 'practice.tls', title: 'Inspected TLS from the terminal (openssl s_client, curl -v https://…)', kind: 'event' },
  { id: 'practice.shell', title: 'Used five different shell commands (ls, cd, grep, find, …)', kind: 'event' },
  { id: 'practice.permissions', title: 'Changed file permissions or owners (chmod, chown)', kind: 'event' },
  { id: 'practice.processes', title: 'Inspected or stopped processes (ps, top, kill, lsof)', kind: 'event' },
  { id: 'practice.systemd', title: 'Managed services or read their logs (systemctl, journalctl)', kind: 'event' },
  { id: 'practice.packages', title: 'Installed, updated or searched packages (apt, dnf, brew, …)', kind: 'event' },
  { id: 'practice.ssh', title: 'Used SSH (ssh, ssh-keygen, scp)', kind: 'event' },
  { id: 'practice.network', title: 'Diagnosed the network (ping, traceroute, ss, ip)', kind: 'event' },
  { id: 'practice.git-undo', title: 'Undid work in git (revert, reset, restore, reflog, stash)', kind: 'event' },
  { id: 'practice.pull-request', title: 'Opened or merged a pull request from the terminal (gh pr create)', kind: 'event' },
  { id: 'practice.docker', title: 'Ran or built containers (docker run, build, compose up)', kind: 'event' },
  { id: 'practice.k8s', title: 'Worked with a Kubernetes cluster (kubectl apply/get, helm install)', kind: 'event' },
  { id: 'practice.sql-shell', title: 'Used a database shell (psql, mysql, sqlite3, mongosh, redis-cli)', kind: 'event' },
  // Recorded when the learner passes a skill's self-check (src/core/quiz); it proves that skill only.
  { id: 'quiz.passed', title: "This skill's self-check passed", kind: 'event' },
] as const satisfies readonly MilestoneInfo[];

export type MilestoneId = (typeof MILESTONES)[number]['id'];

export const MILESTONE_IDS: ReadonlySet<string> = new Set(MILESTONES.map((m) => m.id));

const titles = new Map<string, string>(MILESTONES.map((m) => [m.id, m.title]));
const kinds = new Map<string, MilestoneKind>(MILESTONES.map((m) => [m.id, m.kind]));
const needsAll: ReadonlySet<string> = new Set(MILESTONES.filter((m: MilestoneInfo) => m.creditNeedsAll === true).map((m) => m.id));

/** True when every piece of a milestone's evidence must be credited for the milestone to be (see `creditNeedsAll`). */
export function creditNeedsAll(id: string): boolean {
  return needsAll.has(id);
}

/** Ids of one kind, in catalog order. */
export function milestonesOfKind(kind: MilestoneKind): ReadonlySet<MilestoneId> {
  return new Set(MILESTONES.filter((m) => m.kind === kind).map((m) => m.id));
}

export function milestoneKind(id: string): MilestoneKind | undefined {
  return kinds.get(id);
}

export function isMilestoneId(id: string): id is MilestoneId {
  return MILESTONE_IDS.has(id);
}

export function milestoneTitle(id: string): string {
  return titles.get(id) ?? id;
}
