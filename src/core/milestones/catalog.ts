/**
 * Every milestone the detectors can prove. Roadmap content names these ids in `detect`, and the loader
 * rejects ids that are not here. Titles are what a learner reads in evidence lists.
 */
export interface MilestoneInfo {
  readonly id: string;
  readonly title: string;
}

export const MILESTONES = [
  { id: 'git.repo', title: 'The folder is a git repository' },
  { id: 'git.history', title: 'At least 5 commits' },
  { id: 'git.branching', title: 'More than one branch, or a merge commit' },
  { id: 'git.remote', title: 'A git remote is configured' },
  { id: 'git.ignore', title: 'A .gitignore file' },
  { id: 'lang.node', title: 'A Node.js project (package.json)' },
  { id: 'lang.typescript', title: 'A TypeScript project' },
  { id: 'lang.python', title: 'A Python project' },
  { id: 'lang.go', title: 'A Go module' },
  { id: 'lang.java', title: 'A Java or Kotlin project (Maven or Gradle)' },
  { id: 'lang.csharp', title: 'A C# project' },
  { id: 'lang.php', title: 'A PHP project (Composer)' },
  { id: 'lang.ruby', title: 'A Ruby project (Gemfile)' },
  { id: 'lang.rust', title: 'A Rust crate (Cargo.toml)' },
  { id: 'tooling.lint', title: 'A linter or formatter configuration' },
  { id: 'tooling.env', title: 'Configuration from the environment (.env.example or a dotenv library)' },
  { id: 'framework.web', title: 'A server-side web framework' },
  { id: 'api.rest', title: 'HTTP route handlers in source code' },
  { id: 'api.openapi', title: 'An OpenAPI / Swagger description' },
  { id: 'api.graphql', title: 'A GraphQL schema or server' },
  { id: 'api.grpc', title: 'gRPC service definitions' },
  { id: 'api.realtime', title: 'WebSockets, socket.io or Server-Sent Events' },
  { id: 'db.sql', title: 'A relational database driver or ORM' },
  { id: 'db.nosql', title: 'A NoSQL database client' },
  { id: 'db.migrations', title: 'Database schema migrations' },
  { id: 'auth.hashing', title: 'Password hashing' },
  { id: 'auth.jwt', title: 'JSON Web Tokens' },
  { id: 'auth.oauth', title: 'OAuth 2 / OpenID Connect' },
  { id: 'auth.session', title: 'Server-side sessions or cookie auth' },
  { id: 'security.cors', title: 'CORS configured' },
  { id: 'security.ratelimit', title: 'Rate limiting or throttling' },
  { id: 'cache.redis', title: 'A Redis or Memcached cache' },
  { id: 'queue.broker', title: 'Background jobs or a message broker' },
  { id: 'test.present', title: 'Automated tests exist' },
  { id: 'test.passing', title: 'The tests ran and passed' },
  { id: 'ci.workflow', title: 'A CI pipeline' },
  { id: 'docker.file', title: 'A Dockerfile' },
  { id: 'docker.compose', title: 'A Compose file' },
  { id: 'deploy.k8s', title: 'Kubernetes manifests or a Helm chart' },
  { id: 'deploy.proxy', title: 'A reverse proxy / web server configuration' },
  { id: 'deploy.cloud', title: 'Cloud or platform deploy configuration' },
  { id: 'obs.logging', title: 'A structured logging library' },
  { id: 'obs.monitoring', title: 'Metrics, tracing or error monitoring' },
  { id: 'search.engine', title: 'A search engine client' },
  { id: 'docs.readme', title: 'A README at the root' },
] as const satisfies readonly MilestoneInfo[];

export type MilestoneId = (typeof MILESTONES)[number]['id'];

export const MILESTONE_IDS: ReadonlySet<string> = new Set(MILESTONES.map((m) => m.id));

const titles = new Map<string, string>(MILESTONES.map((m) => [m.id, m.title]));

export function isMilestoneId(id: string): id is MilestoneId {
  return MILESTONE_IDS.has(id);
}

export function milestoneTitle(id: string): string {
  return titles.get(id) ?? id;
}
