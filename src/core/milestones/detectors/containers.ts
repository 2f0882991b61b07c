import type { Detector } from '../detector';
import type { FileSignal } from '../signals';
import { signalDetector } from '../signals';
import { ownFile } from './common';
import { lineAt, ownNonTestFile, uncommentedMatch, withoutComments } from './configText';
import { anyOf } from './contentMatchers';
import { CI_SIGNALS, COMPOSE_SIGNALS, DOCKERFILE_RULE, NGINX_SIGNALS } from './infra';

/** Compose files by name (compose*.yaml included: the content checks below need keys that only Compose uses). */
const COMPOSE_RULES = COMPOSE_SIGNALS.map((signal) => signal.rule);

/** A YAML key followed by at least one more-indented entry (a list item or a mapping key), or an inline list. */
function yamlBlockKey(key: string): RegExp {
  return new RegExp(String.raw`^([ \t]*)${key}:[ \t]*(?:\[[ \t]*[\w"'./$-]|\n(?:[ \t]*\n)*\1[ \t]+(?:-[ \t]*\S|[\w.-]+:))`, 'gm');
}

const volumes = signalDetector({
  id: 'docker.volumes',
  files: [
    ...COMPOSE_RULES.map((rule): FileSignal => ({ rule, content: uncommentedMatch(yamlBlockKey('volumes'), (_m, path, line) => `volumes in ${path}:${line}`) })),
    { rule: DOCKERFILE_RULE, content: uncommentedMatch(/^[ \t]*VOLUME[ \t]+\S/gim, (_m, path, line) => `VOLUME in ${path}:${line}`) },
  ],
});

const networks = signalDetector({
  id: 'docker.networks',
  files: COMPOSE_RULES.map((rule): FileSignal => ({ rule, content: uncommentedMatch(yamlBlockKey('networks'), (_m, path, line) => `networks in ${path}:${line}`) })),
});

const multistage = signalDetector({
  id: 'docker.multistage',
  files: [
    {
      rule: DOCKERFILE_RULE,
      content: (text, path) => {
        const code = withoutComments(text, 'hash');
        const stages = [...code.matchAll(/^[ \t]*FROM[ \t]+\S/gim)];
        const second = stages[1];
        return second === undefined ? undefined : { line: lineAt(code, second.index), summary: `${stages.length} build stages in ${path}` };
      },
    },
  ],
});

/** Commands that push an image to a registry. `docker build` and `docker pull` do not. */
const PUSH_COMMAND = new RegExp(
  [
    String.raw`\b(?:docker|podman|nerdctl|buildah)\s+(?:image\s+|compose\s+|manifest\s+)?push\b`,
    String.raw`\bdocker\s+buildx\s+(?:build|bake)\b[^\n]*\s--push\b`,
    String.raw`\bdocker\s+buildx\s+build\b[^\n]*--output[= ][^\n]*push=true`,
    String.raw`\bpack\s+build\b[^\n]*\s--publish\b`,
    String.raw`\bko\s+(?:build|publish|apply|resolve)\b`,
    String.raw`\bcrane\s+(?:push|copy)\b`,
    String.raw`\/kaniko\/executor\b[^\n]*--destination`,
    String.raw`\bgcloud\s+builds\s+submit\b[^\n]*\s--tag\b`,
    String.raw`\baz\s+acr\s+build\b`,
    String.raw`\bskaffold\s+(?:build|run)\b[^\n]*\s(?:--default-repo|--push)\b`,
    String.raw`\bjib:build\b`,
    String.raw`\bgradlew?\b[^\n]*\sjib\b(?![\w-])`,
    String.raw`spring-boot:build-image\b[^\n]*publish=true`,
    // GitHub Actions: docker/build-push-action with push: true (or an expression) in the same step.
    String.raw`uses:[ \t]*docker\/build-push-action@\S+(?:\n(?![ \t]*-[ \t]).*){0,30}?\n[ \t]+push:[ \t]*(?:true|\$\{\{)`,
  ].join('|'),
  'g',
);

const SCRIPT_RULE = { extensions: ['.sh', '.bash'], names: ['makefile', 'justfile', 'taskfile.yml', 'taskfile.yaml', 'package.json'], where: ownNonTestFile, globs: ['**/*.{sh,bash}', '**/{Makefile,makefile,justfile,Justfile,Taskfile.yml,Taskfile.yaml,package.json}'] };

const registry = signalDetector({
  id: 'docker.registry',
  files: [...CI_SIGNALS.map((signal) => signal.rule), SCRIPT_RULE].map(
    (rule): FileSignal => ({ rule, content: uncommentedMatch(PUSH_COMMAND, (m, path, line) => `image pushed (${m[0].split('\n')[0]?.trim().slice(0, 60) ?? ''}) in ${path}:${line}`) }),
  ),
});

const helm = signalDetector({
  id: 'deploy.helm',
  files: [
    {
      rule: { names: ['chart.yaml'], where: ownFile, globs: ['**/Chart.yaml'] },
      content: (text, path) => {
        const code = withoutComments(text, 'hash');
        return /^apiVersion:[ \t]*v[12]\b/m.test(code) && /^name:[ \t]*\S/m.test(code) ? { summary: `Helm chart ${path}` } : undefined;
      },
    },
  ],
});

const NGINX_BLOCK = /^\s*(server|upstream\s+[\w.-]+|http|location\s+[^{\n]+)\s*\{/gm;

const nginx = signalDetector({
  id: 'deploy.nginx',
  files: [
    ...NGINX_SIGNALS,
    {
      // Templates rendered at container start (the official image's templates/*.conf.template) or by config management.
      rule: {
        namePattern: /^nginx[\w.-]*\.(template|tmpl|j2|erb)$|\.conf\.(template|tmpl|j2|erb)$/,
        where: ownFile,
        globs: ['**/nginx*.{template,tmpl,j2,erb}', '**/*.conf.{template,tmpl,j2,erb}'],
      },
      content: uncommentedMatch(NGINX_BLOCK, (_m, path, line) => `nginx template ${path}:${line}`),
    },
  ],
});

/** A launcher position: a Dockerfile CMD/ENTRYPOINT, a Procfile or YAML key, a list item, a shell line or `exec`. */
const LAUNCH = String.raw`(?:^|[\[;&|(]|\bCMD\b|\bENTRYPOINT\b|\bexec\b|^[ \t]*[\w-]+:|^[ \t]*-|\b(?:poetry|uv|pipenv|pdm|hatch)\s+run\b|\bbundle\s+exec\b|\bpython3?\s+-m\b)`;
const APP_SERVER_COMMAND = new RegExp(String.raw`${LAUNCH}[ \t]*["']?(gunicorn|uvicorn|hypercorn|daphne|uwsgi|waitress-serve|granian|fastapi["']?[ \t,]+["']?run|puma|unicorn|passenger\s+start)["']?(?=[\s,"'\]])([^\n]*)`, 'gm');

const LAUNCH_FILES = {
  namePattern: /^(dockerfile|containerfile)([.-][\w.-]+)?$|\.dockerfile$|^procfile([.-][\w.-]+)?$|^(docker-)?compose([.-][\w.-]+)?\.ya?ml$|\.sh$|^(render|app|fly)\.(ya?ml|toml)$/,
  where: ownNonTestFile,
  globs: ['**/{Dockerfile,Dockerfile.*,*.Dockerfile,Containerfile,Procfile,Procfile.*,docker-compose*.yml,docker-compose*.yaml,compose*.yml,compose*.yaml,render.yaml,app.yaml,fly.toml}', '**/*.sh'],
};

const appserver = signalDetector({
  id: 'deploy.appserver',
  files: [
    {
      // Auto-reload servers are development servers, not production ones.
      rule: LAUNCH_FILES,
      content: uncommentedMatch(APP_SERVER_COMMAND, (m, path, line) => (/--reload\b|--debug\b/.test(m[2] ?? '') ? undefined : `${m[1]?.replace(/["'\s,]+/g, ' ') ?? ''} in ${path}:${line}`)),
    },
    {
      rule: { namePattern: /^gunicorn([._-]?(conf|config|cfg))?(\.conf)?\.py$/, where: ownNonTestFile, globs: ['**/gunicorn*.py'] },
      content: uncommentedMatch(/^(bind|workers|worker_class|threads|timeout)\s*=/gm, (_m, path) => `gunicorn configuration ${path}`),
    },
    {
      rule: { extensions: ['.ini', '.yaml', '.yml', '.xml'], where: (path) => ownNonTestFile(path) && /uwsgi[^/]*$/i.test(path), globs: ['**/uwsgi*.{ini,yaml,yml,xml}'] },
      content: uncommentedMatch(/^\[uwsgi\]|^uwsgi:|<uwsgi>/gm, (_m, path) => `uWSGI configuration ${path}`),
    },
    {
      // config/puma.rb is written by `rails new`; binding, preloading or a fixed worker count is the learner's tuning.
      rule: { names: ['puma.rb'], extensions: ['.rb'], where: (path) => ownNonTestFile(path) && /(^|\/)(puma\.rb|config\/puma\/[^/]+\.rb)$/.test(path), globs: ['**/puma.rb', '**/config/puma/*.rb'] },
      content: uncommentedMatch(/^[ \t]*(preload_app!|ssl_bind\b|bind\s+\S|workers\s+\d)/gm, (_m, path, line) => `Puma configuration ${path}:${line}`),
    },
    {
      rule: { names: ['unicorn.rb', 'unicorn.conf.rb'], where: ownNonTestFile, globs: ['**/unicorn*.rb'] },
      content: uncommentedMatch(/^[ \t]*worker_processes\b/gm, (_m, path) => `Unicorn configuration ${path}`),
    },
    {
      rule: { names: ['php-fpm.conf', 'www.conf', 'zz-docker.conf'], extensions: ['.conf'], where: (path) => ownNonTestFile(path) && /(php-fpm|fpm)[^/]*\/|(^|\/)(php-fpm\.conf|www\.conf)$/.test(path), globs: ['**/php-fpm*', '**/*fpm*/**/*.conf', '**/www.conf'] },
      content: uncommentedMatch(/^[ \t]*pm(\.max_children)?[ \t]*=|^\[www\]/gm, (_m, path, line) => `PHP-FPM pool ${path}:${line}`),
    },
    { rule: { names: ['passengerfile.json'], where: ownNonTestFile, globs: ['**/Passengerfile.json'] }, describe: (path) => `Passenger configuration ${path}` },
    {
      rule: { namePattern: /^appsettings(\.[\w-]+)?\.json$/, where: ownNonTestFile, globs: ['**/appsettings*.json'] },
      content: uncommentedMatch(/"Kestrel"\s*:\s*\{[\s\S]{0,3000}?"Endpoints"\s*:/g, (_m, path, line) => `Kestrel endpoints in ${path}:${line}`),
    },
    {
      rule: { namePattern: /^application(-[\w-]+)?\.(properties|ya?ml)$/, where: ownNonTestFile, globs: ['**/application*.{properties,yml,yaml}'] },
      content: anyOf(
        uncommentedMatch(/^server\.(tomcat|jetty|undertow)\.[\w.-]+\s*[=:]/gm, (m, path, line) => `${m[1] ?? ''} settings in ${path}:${line}`),
        uncommentedMatch(/^server:[ \t]*\n(?:(?:[ \t]+[^\n]*)?\n){0,40}?[ \t]+(tomcat|jetty|undertow):/gm, (m, path) => `${m[1] ?? ''} settings in ${path}`),
      ),
    },
    {
      rule: { names: ['server.xml'], where: (path) => ownNonTestFile(path) && /tomcat|conf\//i.test(path), globs: ['**/server.xml'] },
      content: uncommentedMatch(/<Connector\b/g, (_m, path, line) => `Tomcat connector in ${path}:${line}`),
    },
  ],
  dependencies: {
    maven: ['org.springframework.boot:spring-boot-starter-undertow', 'org.springframework.boot:spring-boot-starter-jetty'],
  },
  sources: [{ languages: ['csharp'], pattern: /\.(ConfigureKestrel)\s*\(/g, describe: (m) => m[1] ?? '' }],
});

/** Lines `rails new` writes into Procfile.dev (with jsbundling, cssbundling, tailwind or dartsass). */
const GENERATED_PROCFILE_LINE = /^(web|css|js):\s*(env\s+\S+\s+)?(bin\/rails\s+(server|s|tailwindcss:watch|dartsass:watch)\b|(yarn|npm run|bun run|pnpm)\s+build(:css)?\s+(--\s+)?--watch)/;

const processManager = signalDetector({
  id: 'deploy.process',
  files: [
    {
      rule: { namePattern: /^(ecosystem(\.config)?\.(c|m)?js|ecosystem(\.config)?\.(json|ya?ml|ts)|pm2(\.config)?\.(json|c?js|ya?ml))$/, where: ownNonTestFile, globs: ['**/ecosystem*.{js,cjs,mjs,json,yml,yaml,ts}', '**/pm2*.{json,js,cjs,yml,yaml}'] },
      content: uncommentedMatch(/["']?\bapps["']?\s*:/g, (_m, path) => `PM2 ecosystem file ${path}`),
    },
    {
      rule: { ...LAUNCH_FILES, namePattern: /^(dockerfile|containerfile)([.-][\w.-]+)?$|\.dockerfile$|^package\.json$|\.sh$/, globs: ['**/{Dockerfile,Dockerfile.*,Containerfile,package.json}', '**/*.sh'] },
      content: uncommentedMatch(/\bpm2\s+start\b|\bpm2-runtime\b|\bpm2-docker\b/g, (m, path, line) => `${m[0]} in ${path}:${line}`),
    },
    {
      rule: { names: ['supervisord.conf', 'supervisor.conf'], extensions: ['.conf', '.ini'], where: (path) => ownNonTestFile(path) && /supervisor/i.test(path), globs: ['**/supervisor*.conf', '**/*supervisor*/**/*.{conf,ini}'] },
      content: uncommentedMatch(/^\[program:[^\]\n]+\]/gm, (m, path, line) => `supervisord ${m[0]} in ${path}:${line}`),
    },
    {
      rule: { extensions: ['.service'], where: ownNonTestFile, globs: ['**/*.service'] },
      content: (text, path) => {
        const code = withoutComments(text, 'hash');
        const exec = /^ExecStart=\S/m.exec(code);
        return /^\[Service\]/m.test(code) && exec !== null ? { line: lineAt(code, exec.index), summary: `systemd unit ${path}` } : undefined;
      },
    },
    {
      rule: { names: ['run'], where: (path) => ownNonTestFile(path) && /(^|\/)(s6-rc\.d|services\.d|s6-overlay|sv|runit|service)\/[^/]+\/run$/.test(path), globs: ['**/run'] },
      content: (text, path) => (text.startsWith('#!') ? { summary: `supervised service ${path}` } : undefined),
    },
    {
      // foreman/overmind: two or more processes, not only the ones `rails new` writes.
      rule: { namePattern: /^procfile\.(dev|local|development)$/, where: ownNonTestFile, globs: ['**/Procfile.{dev,local,development}'] },
      content: (text, path) => {
        const processes = withoutComments(text, 'hash')
          .split('\n')
          .filter((line) => /^[\w-]+:\s*\S/.test(line));
        return processes.length >= 2 && processes.some((line) => !GENERATED_PROCFILE_LINE.test(line)) ? { summary: `${processes.length} processes in ${path}` } : undefined;
      },
    },
  ],
});

/** Wrapper scripts that build tools and generators write (bin/, where Rails writes its scripts, is never listed). */
const GENERATED_SCRIPT = /(^|\/)(gradlew|mvnw)$|(^|\/)\.husky\//;
const SHELL_SHEBANG = /^#!\s*(?:\/usr)?\/bin\/(?:env\s+)?(?:ba|da|z|k)?sh\b/;

function shellScript(text: string, path: string): { line: number; summary: string } | undefined {
  const code = withoutComments(text, 'hash');
  const command = /^[ \t]*[^\s]/m.exec(code);
  return command === null ? undefined : { line: lineAt(code, command.index), summary: `shell script ${path}` };
}

const shell = signalDetector({
  id: 'linux.shell',
  files: [
    {
      rule: { extensions: ['.sh', '.bash'], where: (path) => ownNonTestFile(path) && !GENERATED_SCRIPT.test(path), globs: ['**/*.{sh,bash}'] },
      content: shellScript,
      maxReads: 60,
    },
    {
      rule: { namePattern: /^[^.]+$/, where: (path) => ownNonTestFile(path) && !GENERATED_SCRIPT.test(path) && /(^|\/)(scripts?|tools|hooks|ci|docker)\/[^/]+$/.test(path), globs: ['**/{script,scripts,tools,hooks,ci,docker}/*'] },
      content: (text, path) => (SHELL_SHEBANG.test(text) ? shellScript(text, path) : undefined),
      maxReads: 60,
    },
  ],
});

export const CONTAINER_DETECTORS: readonly Detector[] = [volumes, networks, multistage, registry, helm, nginx, appserver, processManager, shell];
