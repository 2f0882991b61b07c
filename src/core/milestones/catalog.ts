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
}

export const MILESTONES = [
  { id: 'git.repo', title: 'The folder is a git repository', kind: 'files' },
  { id: 'git.history', title: 'At least 5 commits', kind: 'git' },
  { id: 'git.branching', title: 'More than one branch, or a merge commit', kind: 'git' },
  { id: 'git.remote', title: 'A git remote is configured', kind: 'git' },
  { id: 'git.ignore', title: 'A .gitignore file', kind: 'files' },
  { id: 'lang.node', title: 'A Node.js project (package.json)', kind: 'files' },
  { id: 'lang.typescript', title: 'A TypeScript project', kind: 'files' },
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
  { id: 'db.sql', title: 'A relational database driver or ORM', kind: 'files' },
  { id: 'db.nosql', title: 'A NoSQL database client', kind: 'files' },
  { id: 'db.migrations', title: 'Database schema migrations', kind: 'files' },
  { id: 'auth.hashing', title: 'Password hashing', kind: 'files' },
  { id: 'auth.jwt', title: 'JSON Web Tokens', kind: 'files' },
  { id: 'auth.oauth', title: 'OAuth 2 / OpenID Connect', kind: 'files' },
  { id: 'auth.session', title: 'Server-side sessions or cookie auth', kind: 'files' },
  { id: 'security.cors', title: 'CORS configured', kind: 'files' },
  { id: 'security.ratelimit', title: 'Rate limiting or throttling', kind: 'files' },
  { id: 'cache.redis', title: 'A Redis or Memcached cache', kind: 'files' },
  { id: 'queue.broker', title: 'Background jobs or a message broker', kind: 'files' },
  { id: 'test.present', title: 'Automated tests exist', kind: 'files' },
  { id: 'test.passing', title: 'The tests ran and passed', kind: 'event' },
  { id: 'ci.workflow', title: 'A CI pipeline', kind: 'files' },
  { id: 'docker.file', title: 'A Dockerfile', kind: 'files' },
  { id: 'docker.compose', title: 'A Compose file', kind: 'files' },
  { id: 'deploy.k8s', title: 'Kubernetes manifests or a Helm chart', kind: 'files' },
  { id: 'deploy.proxy', title: 'A reverse proxy / web server configuration', kind: 'files' },
  { id: 'deploy.cloud', title: 'Cloud or platform deploy configuration', kind: 'files' },
  { id: 'obs.logging', title: 'A structured logging library', kind: 'files' },
  { id: 'obs.monitoring', title: 'Metrics, tracing or error monitoring', kind: 'files' },
  { id: 'search.engine', title: 'A search engine client', kind: 'files' },
  { id: 'docs.readme', title: 'A README at the root', kind: 'files' },
] as const satisfies readonly MilestoneInfo[];

export type MilestoneId = (typeof MILESTONES)[number]['id'];

export const MILESTONE_IDS: ReadonlySet<string> = new Set(MILESTONES.map((m) => m.id));

const titles = new Map<string, string>(MILESTONES.map((m) => [m.id, m.title]));
const kinds = new Map<string, MilestoneKind>(MILESTONES.map((m) => [m.id, m.kind]));

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
