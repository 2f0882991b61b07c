// Creates a small sample backend project to try Backend Roadmap on (used by `npm start`).
// A git repository with a believable history: an Express app with REST routes, auth with bcrypt
// and jsonwebtoken (listed, not installed), a Dockerfile, docker-compose, CI and a node:test test
// that passes without `npm install`.
//
//   node scripts/code-server/demoWorkspace.mjs [DIR] [--reset]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_DEMO_DIR = join(PROJECT_ROOT, '.vscode-test', 'demo-workspace');

const FILES = {
  readme: [
    'README.md',
    `# Notes API

A small REST API for notes and users, built while learning backend development.

## Run it

\`\`\`sh
npm install
cp .env.example .env
npm start            # http://localhost:3000
\`\`\`

Or with Docker: \`docker compose up --build\`.

## Endpoints

| Method | Path         | What it does                   |
| ------ | ------------ | ------------------------------ |
| GET    | /health      | liveness check                 |
| GET    | /users       | list users (no password hashes) |
| POST   | /users       | create a user \`{ email, password }\` |
| POST   | /auth/login  | returns a JWT for valid credentials |

## Test

\`\`\`sh
npm test   # node:test, no install needed
\`\`\`
`,
  ],
  gitignore: ['.gitignore', 'node_modules/\n.env\ncoverage/\n*.log\n'],
  packageJson: [
    'package.json',
    JSON.stringify(
      {
        name: 'notes-api',
        version: '0.1.0',
        private: true,
        description: 'A small REST API for notes and users',
        main: 'src/server.js',
        scripts: { start: 'node src/server.js', test: 'node --test' },
        engines: { node: '>=20' },
        dependencies: { express: '^4.21.2' },
      },
      null,
      2,
    ) + '\n',
  ],
  packageJsonAuth: [
    'package.json',
    JSON.stringify(
      {
        name: 'notes-api',
        version: '0.2.0',
        private: true,
        description: 'A small REST API for notes and users',
        main: 'src/server.js',
        scripts: { start: 'node src/server.js', test: 'node --test' },
        engines: { node: '>=20' },
        dependencies: { bcrypt: '^5.1.1', express: '^4.21.2', jsonwebtoken: '^9.0.2' },
      },
      null,
      2,
    ) + '\n',
  ],
  server: [
    'src/server.js',
    `const { createApp } = require('./app');

const port = Number(process.env.PORT ?? 3000);
createApp().listen(port, () => {
  console.log(\`notes-api listening on http://localhost:\${port}\`);
});
`,
  ],
  appV1: [
    'src/app.js',
    `const express = require('express');

function createApp() {
  const app = express();
  app.use(express.json());

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  return app;
}

module.exports = { createApp };
`,
  ],
  appV2: [
    'src/app.js',
    `const express = require('express');
const { createUserStore } = require('./users');
const { validateNewUser } = require('./validation');

function createApp({ users = createUserStore() } = {}) {
  const app = express();
  app.use(express.json());

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // GET /users: list users
  app.get('/users', (_req, res) => {
    res.json(users.list());
  });

  // POST /users: create a user
  app.post('/users', (req, res) => {
    const errors = validateNewUser(req.body);
    if (errors.length > 0) return res.status(400).json({ errors });
    const user = users.add(req.body);
    return res.status(201).json(user);
  });

  return app;
}

module.exports = { createApp };
`,
  ],
  appV3: [
    'src/app.js',
    `const express = require('express');
const { createUserStore } = require('./users');
const { validateNewUser } = require('./validation');
const { hashPassword, login } = require('./auth');

function createApp({ users = createUserStore() } = {}) {
  const app = express();
  app.use(express.json());

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // GET /users: list users (never the password hashes)
  app.get('/users', (_req, res) => {
    res.json(users.list());
  });

  // POST /users: create a user with a hashed password
  app.post('/users', async (req, res) => {
    const errors = validateNewUser(req.body);
    if (errors.length > 0) return res.status(400).json({ errors });
    const passwordHash = await hashPassword(req.body.password);
    const user = users.add({ email: req.body.email, passwordHash });
    return res.status(201).json(user);
  });

  // POST /auth/login: exchange credentials for a JWT
  app.post('/auth/login', async (req, res) => {
    const token = await login(users, req.body?.email, req.body?.password);
    if (!token) return res.status(401).json({ error: 'invalid credentials' });
    return res.json({ token });
  });

  return app;
}

module.exports = { createApp };
`,
  ],
  users: [
    'src/users.js',
    `// In-memory user store (a database comes later on the roadmap).
function createUserStore() {
  const users = [];
  let nextId = 1;
  return {
    add({ email, passwordHash }) {
      const user = { id: nextId++, email, passwordHash };
      users.push(user);
      return publicUser(user);
    },
    findByEmail(email) {
      return users.find((u) => u.email === email);
    },
    list() {
      return users.map(publicUser);
    },
  };
}

function publicUser({ id, email }) {
  return { id, email };
}

module.exports = { createUserStore, publicUser };
`,
  ],
  validation: [
    'src/validation.js',
    `const EMAIL = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$/;

function validateNewUser(body) {
  const errors = [];
  if (!body || typeof body !== 'object') return ['body must be a JSON object'];
  if (typeof body.email !== 'string' || !EMAIL.test(body.email)) errors.push('email is invalid');
  if (typeof body.password !== 'string' || body.password.length < 8) errors.push('password must have at least 8 characters');
  return errors;
}

module.exports = { validateNewUser };
`,
  ],
  auth: [
    'src/auth.js',
    `const bcrypt = require('bcrypt');
const jwt = require('jsonwebtoken');

const SALT_ROUNDS = 12;

function hashPassword(password) {
  return bcrypt.hash(password, SALT_ROUNDS);
}

async function login(users, email, password) {
  const user = users.findByEmail(email);
  if (!user || typeof password !== 'string') return undefined;
  const ok = await bcrypt.compare(password, user.passwordHash);
  if (!ok) return undefined;
  return jwt.sign({ sub: String(user.id) }, process.env.JWT_SECRET, { expiresIn: '1h' });
}

module.exports = { hashPassword, login };
`,
  ],
  test: [
    'test/users.test.js',
    `const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createUserStore } = require('../src/users');
const { validateNewUser } = require('../src/validation');

test('a new user gets an id and no password hash in the public view', () => {
  const users = createUserStore();
  const user = users.add({ email: 'ada@example.com', passwordHash: 'x' });
  assert.deepEqual(user, { id: 1, email: 'ada@example.com' });
  assert.deepEqual(users.list(), [{ id: 1, email: 'ada@example.com' }]);
});

test('validation rejects a bad email and a short password', () => {
  assert.deepEqual(validateNewUser({ email: 'nope', password: 'short' }), [
    'email is invalid',
    'password must have at least 8 characters',
  ]);
  assert.deepEqual(validateNewUser({ email: 'ada@example.com', password: 'long enough' }), []);
});
`,
  ],
  ci: [
    '.github/workflows/ci.yml',
    `name: CI
on:
  push:
    branches: [main]
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm test
`,
  ],
  dockerfile: [
    'Dockerfile',
    `FROM node:20-alpine
WORKDIR /app
COPY package*.json ./
RUN npm install --omit=dev
COPY src ./src
ENV NODE_ENV=production
EXPOSE 3000
USER node
CMD ["node", "src/server.js"]
`,
  ],
  compose: [
    'docker-compose.yml',
    `services:
  api:
    build: .
    ports:
      - "3000:3000"
    env_file: .env
    depends_on:
      - db
  db:
    image: postgres:16
    environment:
      POSTGRES_USER: notes
      POSTGRES_PASSWORD: notes
      POSTGRES_DB: notes
    volumes:
      - db-data:/var/lib/postgresql/data
volumes:
  db-data:
`,
  ],
  envExample: ['.env.example', 'PORT=3000\nJWT_SECRET=change-me\nDATABASE_URL=postgres://notes:notes@localhost:5432/notes\n'],
  rateLimit: [
    'src/rateLimit.js',
    `// Work in progress: a naive fixed-window rate limiter.
function rateLimit({ windowMs = 60_000, max = 100 } = {}) {
  const hits = new Map();
  return (req, res, next) => {
    const now = Date.now();
    const entry = hits.get(req.ip) ?? { start: now, count: 0 };
    if (now - entry.start > windowMs) Object.assign(entry, { start: now, count: 0 });
    entry.count += 1;
    hits.set(req.ip, entry);
    if (entry.count > max) return res.status(429).json({ error: 'too many requests' });
    return next();
  };
}

module.exports = { rateLimit };
`,
  ],
};

/**
 * Creates the demo project at dir (a git repository with 7 commits on main, a merged branch
 * feature/auth and an unmerged branch feature/rate-limit). Keeps an existing one unless reset.
 * @returns {string} the folder
 */
export function createDemoWorkspace(dir = DEFAULT_DEMO_DIR, { reset = false, log = console.log } = {}) {
  if (existsSync(join(dir, '.git')) && !reset) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let clock = Date.parse('2025-03-03T09:00:00Z');
  const git = (...args) => {
    const date = new Date(clock).toISOString();
    clock += 26 * 60 * 60 * 1000;
    execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Demo Learner',
        GIT_AUTHOR_EMAIL: 'learner@example.com',
        GIT_COMMITTER_NAME: 'Demo Learner',
        GIT_COMMITTER_EMAIL: 'learner@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
    });
  };
  const write = (...entries) => {
    for (const [rel, text] of entries) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
  };
  const commit = (message, ...entries) => {
    write(...entries);
    git('add', '-A');
    git('commit', '-q', '-m', message);
  };
  const f = FILES;
  git('init', '-q', '-b', 'main');
  // Identity for commits the learner makes in the demo (repository-local, not global).
  git('config', 'user.name', 'Demo Learner');
  git('config', 'user.email', 'learner@example.com');
  commit('Initial commit: README, package.json and .gitignore', f.readme, f.gitignore, f.packageJson);
  commit('Add Express app with a health route', f.server, f.appV1);
  commit('Add GET and POST /users routes', f.appV2, f.users, f.validation);
  git('checkout', '-q', '-b', 'feature/auth');
  commit('Hash passwords with bcrypt and issue JWTs on login', f.appV3, f.auth, f.packageJsonAuth);
  git('checkout', '-q', 'main');
  git('merge', '-q', '--no-ff', 'feature/auth', '-m', "Merge branch 'feature/auth'");
  commit('Add node:test tests and a CI workflow', f.test, f.ci);
  commit('Add Dockerfile, docker-compose and .env.example', f.dockerfile, f.compose, f.envExample);
  git('checkout', '-q', '-b', 'feature/rate-limit');
  commit('WIP: fixed-window rate limiter', f.rateLimit);
  git('checkout', '-q', 'main');
  log(`demo workspace created at ${dir}`);
  return dir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  console.log(createDemoWorkspace(dir ? resolve(dir) : DEFAULT_DEMO_DIR, { reset: args.includes('--reset') }));
}
