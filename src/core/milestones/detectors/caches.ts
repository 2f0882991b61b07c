import type { Detector } from '../detector';
import type { PathRule } from '../pathRule';
import type { ContentMatch } from '../signals';
import { signalDetector } from '../signals';
import { codeMatch, ownFile } from './common';
import { serverSideDetector } from './serverSide';

const HTTP_CACHE_HEADER = String.raw`(?:cache-control|etag|last-modified|expires)`;

/** nginx and Caddy configuration files (the names `deploy.proxy` reads). */
const NGINX_FILES: PathRule = {
  names: ['nginx.conf', 'default.conf'],
  extensions: ['.conf', '.conf.template', '.vhost'],
  where: (path) => ownFile(path) && (/(^|\/)(nginx\.conf|default\.conf)$/.test(path) || /nginx|sites-(available|enabled)|conf\.d/i.test(path)),
  globs: ['**/{nginx.conf,default.conf}', '**/*nginx*', '**/*nginx*/**', '**/sites-available/*', '**/sites-enabled/*', '**/conf.d/*.conf'],
};

const httpCache = signalDetector({
  id: 'cache.http',
  files: [
    {
      rule: NGINX_FILES,
      content: codeMatch(/^[ \t]*(?:expires[ \t]+[\w-]+[ \t]*;|add_header[ \t]+['"]?(?:Cache-Control|ETag|Expires)\b|proxy_cache_valid\b|etag[ \t]+on[ \t]*;)/gim, 'hash', (_m, path, line) => `HTTP caching in nginx ${path}:${line}`),
    },
    {
      rule: { names: ['caddyfile'], where: ownFile, globs: ['**/Caddyfile'] },
      content: codeMatch(/^[ \t]*header\b[^\n]*\bCache-Control\b/gim, 'hash', (_m, path, line) => `Cache-Control in ${path}:${line}`),
    },
  ],
  dependencies: {
    npm: ['@fastify/caching', 'fastify-caching', 'koa-etag', 'koa-conditional-get', 'express-cache-controller'],
  },
  sources: [
    {
      // Server responses only: res.set / reply.header / ctx.set (a browser's fetch headers are not caching)
      languages: ['js'],
      pattern: new RegExp(String.raw`\b(?:res|reply|response|resp|ctx|context|c)(?:\.response)?\.(?:set|setHeader|header|append)\(\s*(['"])${HTTP_CACHE_HEADER}\1`, 'gi'),
      describe: (m) => `${m[0].replace(/\s+/g, '')}…) set on the response`,
    },
    {
      // Express static files and sendFile with maxAge send Cache-Control
      languages: ['js'],
      pattern: /\b(?:express\.static|serveStatic|res\.sendFile)\((?:[^(){}]|\([^()]*\))*\{[^}]*\bmaxAge\s*:/g,
      describe: () => 'Cache-Control max-age on static files',
    },
    {
      languages: ['python', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby', 'rust'],
      pattern: new RegExp(String.raw`(?:\.|->)(?:set|setHeader|header|Header|append|add|Add|AddHeader|set_header|Set|setdefault|withHeader|headers\.set)\(\s*(['"])${HTTP_CACHE_HEADER}\1|\[\s*(['"])${HTTP_CACHE_HEADER}\2\s*\]\s*=(?!=)`, 'gi'),
      describe: (m) => `HTTP caching header ${m[0].replace(/\s+/g, '').replace(/^[.\->[]+/, '')} set`,
    },
    {
      languages: ['python'],
      pattern: /^[ \t]*@(cache_control|cache_page|condition|etag|last_modified)\(|\bpatch_cache_control\(|\.cache_control\.\w+\s*=(?!=)/gm,
      describe: (m) => (m[1] === undefined ? 'Cache-Control set on the response' : `@${m[1]}`),
    },
    {
      languages: ['java', 'kotlin'],
      pattern: /\bCacheControl\.(?:maxAge|noCache|noStore|empty)\(|\.(?:eTag|cacheControl)\(|\bShallowEtagHeaderFilter\b/g,
      describe: (m) => `HTTP caching ${m[0].replace(/[\s(]+$/, '').replace(/^\./, '')}`,
    },
    {
      languages: ['csharp'],
      pattern: /\[(?:ResponseCache|OutputCache)\b|\.(?:AddResponseCaching|UseResponseCaching|AddOutputCache|UseOutputCache|CacheOutput)\(|\.Headers\.CacheControl\s*=|\bCacheControlHeaderValue\b/g,
      describe: (m) => `HTTP caching ${m[0].replace(/[\s(=]+$/, '').replace(/^[.[]/, '')}`,
    },
    { languages: ['ruby'], pattern: /^[ \t]*expires_in\s+\d|\bfresh_when\b|\bstale\?\(|\bhttp_cache_forever\b/gm, describe: (m) => `HTTP caching ${m[0].trim().split(/[\s(]/)[0] ?? ''}` },
    // Used with its directives (`cache.headers:public;max_age=3600;etag`); the bare alias is the skeleton's Kernel.
    { languages: ['php'], pattern: /(['"])cache\.headers:[^'"]+\1/g, describe: () => 'Laravel cache.headers middleware' },
    { languages: ['rust'], pattern: /\bheader::(CACHE_CONTROL|ETAG|LAST_MODIFIED|EXPIRES)\b/g, describe: (m) => `HTTP caching header ${m[1] ?? ''}` },
  ],
  sourceHint: /controller|route|handler|middleware|server|app\.|main|views|api|static|program|startup/,
});

/** Cache libraries count in server code only: browser apps and build tools use lru-cache too. */
const appCache = serverSideDetector({
  id: 'cache.app',
  // Framework validation/caching APIs in code are server code by themselves.
  sourcesAlone: true,
  dependencies: {
    npm: ['cache-manager', 'keyv', 'node-cache', 'lru-cache', '@nestjs/cache-manager', 'memory-cache', 'apicache', '@isaacs/ttlcache'],
    pypi: ['aiocache', 'cachetools', 'flask-caching', 'fastapi-cache2', 'dogpile-cache', 'cachelib', 'diskcache', 'django-cacheops', 'requests-cache'],
    go: [
      'github.com/patrickmn/go-cache', 'github.com/dgraph-io/ristretto', 'github.com/allegro/bigcache', 'github.com/eko/gocache*', 'github.com/coocood/freecache',
      'github.com/hashicorp/golang-lru', 'github.com/jellydator/ttlcache', 'github.com/maypok86/otter',
    ],
    maven: ['org.springframework.boot:spring-boot-starter-cache', 'com.github.ben-manes.caffeine:caffeine', 'org.ehcache:ehcache', 'javax.cache:cache-api'],
    nuget: ['Microsoft.Extensions.Caching.Memory', 'Microsoft.Extensions.Caching.Hybrid', 'LazyCache', 'ZiggyCreatures.FusionCache', 'EasyCaching.*', 'CacheManager.Core'],
    composer: ['symfony/cache'],
    cargo: ['moka', 'cached', 'quick_cache', 'mini-moka'],
  },
  sources: [
    {
      languages: ['python'],
      pattern: /\bfrom\s+django\.core\.cache\s+import\s+(?:cache|caches)\b|^[ \t]*@(?:\w+\.)?(cached|memoize)\(/gm,
      describe: (m) => (m[1] === undefined ? 'Django cache framework' : `@${m[1]} cache decorator`),
    },
    { languages: ['java', 'kotlin'], pattern: /@(Cacheable|EnableCaching|CacheEvict|CachePut)\b/g, describe: (m) => `Spring @${m[1] ?? ''}` },
    { languages: ['ruby'], pattern: /\bRails\.cache\.(fetch|read|write|delete|exist\?|increment)/g, describe: (m) => `Rails.cache.${m[1] ?? ''}` },
    {
      languages: ['php'],
      pattern: /\bCache::(remember|rememberForever|put|get|forever|forget|add|has|pull|tags|flexible)\(|\bcache\(\)->(remember|put|get)\(/g,
      describe: (m) => `Laravel cache ${m[1] ?? m[2] ?? ''}()`,
    },
    { languages: ['csharp'], pattern: /\b(IMemoryCache|IDistributedCache|HybridCache|IFusionCache|IAppCache)\s+_?\w+/g, describe: (m) => `${m[1] ?? ''} used` },
  ],
  sourceHint: /cache|service|repository|settings|config|controller|views/,
});

/** `.env` files, where Laravel and other twelve-factor apps choose their cache and queue drivers. */
const ENV_FILES: PathRule = { namePattern: /^\.env(\.[\w-]+)?$/, where: ownFile, globs: ['**/.env', '**/.env.*'] };

/** Compose files (as `docker.compose` reads them). */
export const COMPOSE_FILES: PathRule = { namePattern: /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/, where: ownFile, globs: ['**/docker-compose*.{yml,yaml}', '**/compose*.{yml,yaml}'] };

/** A compose service running an image with this name (any registry or namespace, any tag). */
export function composeImage(name: string, label: string): (text: string, path: string) => ContentMatch | undefined {
  return codeMatch(new RegExp(String.raw`^[ \t]*image:[ \t]*['"]?(?:[\w.:-]+\/)*${name}(?::[\w.-]+)?['"]?[ \t]*$`, 'gm'), 'hash', (_m, path, line) => `${label} service in ${path}:${line}`);
}

const memcached = signalDetector({
  id: 'cache.memcached',
  files: [
    { rule: ENV_FILES, content: codeMatch(/^CACHE_(?:DRIVER|STORE)[ \t]*=[ \t]*['"]?memcached\b/gm, 'hash', (_m, path, line) => `memcached cache driver in ${path}:${line}`) },
    { rule: COMPOSE_FILES, content: composeImage('memcached', 'Memcached') },
  ],
  dependencies: {
    npm: ['memjs', 'memcached', 'memcache-client'],
    pypi: ['pymemcache', 'pylibmc', 'python-memcached', 'python-binary-memcached', 'aiomcache', 'django-pylibmc'],
    go: ['github.com/bradfitz/gomemcache'],
    maven: ['net.spy:spymemcached', 'com.googlecode.xmemcached:xmemcached'],
    nuget: ['EnyimMemcachedCore', 'EnyimMemcached', 'Microsoft.Extensions.Caching.Memcached'],
    composer: ['ext-memcached'],
    rubygems: ['dalli'],
    cargo: ['memcache', 'async-memcached'],
  },
  sources: [
    { languages: ['ruby'], pattern: /\bcache_store\s*=\s*:mem_cache_store\b/g, describe: () => 'cache_store :mem_cache_store' },
    { languages: ['python'], pattern: /(['"])django\.core\.cache\.backends\.memcached\.\w+\1/g, describe: () => 'Django memcached cache backend' },
    // Laravel's generated config lists a memcached store; choosing it as the default is the learner's
    { languages: ['php'], pattern: /\benv\(\s*(['"])CACHE_(?:DRIVER|STORE)\1\s*,\s*(['"])memcached\2/g, describe: () => 'memcached as the default Laravel cache store' },
  ],
  sourceHint: /settings|config|environments|cache/,
});

/** A Redis client (the existing `cache.redis` also accepts Memcached). */
const redisClient = signalDetector({
  id: 'cache.redis-client',
  files: [{ rule: ENV_FILES, content: codeMatch(/^(?:CACHE_DRIVER|CACHE_STORE|QUEUE_CONNECTION|SESSION_DRIVER)[ \t]*=[ \t]*['"]?redis\b/gm, 'hash', (_m, path, line) => `Redis driver configured in ${path}:${line}`) }],
  dependencies: {
    npm: ['ioredis', 'redis', '@redis/client', '@upstash/redis'],
    pypi: ['redis', 'aioredis'],
    go: ['github.com/redis/go-redis', 'github.com/go-redis/redis', 'github.com/gomodule/redigo', 'github.com/redis/rueidis', 'github.com/rueian/rueidis'],
    maven: ['redis.clients:jedis', 'io.lettuce:lettuce-core', 'org.springframework.boot:spring-boot-starter-data-redis', 'org.springframework.boot:spring-boot-starter-data-redis-reactive', 'org.redisson:redisson', 'org.redisson:redisson-spring-boot-starter'],
    nuget: ['StackExchange.Redis', 'Microsoft.Extensions.Caching.StackExchangeRedis'],
    composer: ['predis/predis', 'ext-redis'],
    rubygems: ['redis', 'redis-rails'],
    cargo: ['redis', 'fred', 'deadpool-redis'],
  },
  sources: [
    { languages: ['ruby'], pattern: /\bcache_store\s*=\s*:redis_cache_store\b/g, describe: () => 'cache_store :redis_cache_store' },
    { languages: ['python'], pattern: /(['"])django\.core\.cache\.backends\.redis\.RedisCache\1/g, describe: () => 'Django Redis cache backend' },
    // Laravel's generated config defaults to the database/file drivers; a redis default is the learner's choice
    {
      languages: ['php'],
      pattern: /\benv\(\s*(['"])(?:CACHE_DRIVER|CACHE_STORE|QUEUE_CONNECTION|SESSION_DRIVER)\1\s*,\s*(['"])redis\2/g,
      describe: () => 'Redis as a default Laravel driver',
    },
  ],
  sourceHint: /settings|config|environments|cache/,
});

export const CACHE_DETECTORS: readonly Detector[] = [httpCache, appCache, memcached, redisClient];
