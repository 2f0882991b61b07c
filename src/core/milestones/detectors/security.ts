import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import { codeMatch, ownFile } from './common';

const cors = signalDetector({
  id: 'security.cors',
  dependencies: {
    npm: ['cors', '@fastify/cors', '@koa/cors', 'koa2-cors', 'koa-cors', 'hono-cors'],
    pypi: ['flask-cors', 'django-cors-headers', 'fastapi-cors', 'aiohttp-cors'],
    go: ['github.com/rs/cors', 'github.com/gin-contrib/cors', 'github.com/go-chi/cors'],
    composer: ['fruitcake/laravel-cors', 'fruitcake/php-cors', 'nelmio/cors-bundle'],
    rubygems: ['rack-cors'],
    cargo: ['actix-cors'],
  },
  sources: [
    { languages: ['js'], pattern: /\.enableCors\s*\(|\bfrom\s+['"]hono\/cors['"]/g, describe: (m) => (m[0].includes('hono') ? 'hono/cors' : 'enableCors()') },
    { languages: ['js', 'go', 'php', 'csharp', 'java', 'kotlin', 'python', 'ruby', 'rust'], pattern: /(['"])Access-Control-Allow-Origin\1/g, describe: () => 'Access-Control-Allow-Origin header' },
    { languages: ['python'], pattern: /\bCORSMiddleware\b/g, describe: () => 'CORSMiddleware' },
    { languages: ['go'], pattern: /\b(cors\.New|cors\.Default|cors\.AllowAll|handlers\.CORS)\s*\(/g, describe: (m) => `${m[1] ?? ''}()` },
    { languages: ['java', 'kotlin'], pattern: /@CrossOrigin\b|\b(addCorsMappings|CorsConfiguration|CorsWebFilter)\b|\.cors\s*\(/g, describe: (m) => m[1] ?? m[0].replace(/\s*\($/, '()') },
    { languages: ['csharp'], pattern: /\b(AddCors|UseCors)\s*\(/g, describe: (m) => `${m[1] ?? ''}()` },
    { languages: ['rust'], pattern: /\bCorsLayer\b|\btower_http::cors\b/g, describe: () => 'tower-http CorsLayer' },
  ],
  sourceHint: /app|main|server|program|startup|config|cors|security|middleware/,
});

const rateLimit = signalDetector({
  id: 'security.ratelimit',
  files: [
    {
      // Rate limiting at the reverse proxy counts too.
      rule: { extensions: ['.conf', '.conf.template'], where: (path) => ownFile(path) && /nginx/i.test(path), globs: ['**/*nginx*/**/*.conf', '**/*nginx*.conf', '**/*.conf.template'] },
      content: codeMatch(/^\s*(limit_req_zone|limit_req)\b/gm, 'hash', (m, path, line) => `nginx ${m[1] ?? ''} in ${path}:${line}`),
    },
  ],
  dependencies: {
    npm: ['express-rate-limit', 'rate-limiter-flexible', '@nestjs/throttler', '@fastify/rate-limit', 'koa-ratelimit', 'express-slow-down', 'bottleneck', '@upstash/ratelimit', 'hono-rate-limiter'],
    pypi: ['slowapi', 'django-ratelimit', 'flask-limiter', 'fastapi-limiter', 'limits'],
    go: ['github.com/ulule/limiter', 'github.com/didip/tollbooth', 'github.com/go-chi/httprate', 'github.com/sethvargo/go-limiter', 'go.uber.org/ratelimit'],
    maven: ['com.bucket4j:*', 'com.github.vladimir-bukhtoyarov:bucket4j-core', 'io.github.resilience4j:resilience4j-ratelimiter', 'io.github.resilience4j:resilience4j-spring-boot*', 'com.giffing.bucket4j.spring.boot.starter:*'],
    nuget: ['AspNetCoreRateLimit', 'Microsoft.AspNetCore.RateLimiting', 'System.Threading.RateLimiting'],
    composer: ['symfony/rate-limiter'],
    rubygems: ['rack-attack', 'rack-throttle'],
    cargo: ['governor', 'tower_governor', 'actix-governor', 'actix-limitation'],
  },
  sources: [
    { languages: ['go'], pattern: /\brate\.NewLimiter\s*\(/g, describe: () => 'rate.NewLimiter()' },
    { languages: ['csharp'], pattern: /\b(AddRateLimiter|UseRateLimiter)\s*\(|\[EnableRateLimiting\b/g, describe: (m) => (m[1] === undefined ? '[EnableRateLimiting]' : `${m[1]}()`) },
    { languages: ['java', 'kotlin'], pattern: /@RateLimiter\s*\(/g, describe: () => '@RateLimiter' },
    {
      // Laravel's generated RouteServiceProvider defines the "api" limiter; a learner's own limiter lives elsewhere.
      languages: ['php'],
      pattern: /\bRateLimiter::(for|attempt|hit)\s*\(/g,
      describe: (m) => `RateLimiter::${m[1] ?? ''}()`,
      where: (path) => !path.endsWith('RouteServiceProvider.php'),
    },
    { languages: ['python'], pattern: /(['"])DEFAULT_THROTTLE_RATES\1|\bthrottle_classes\b/g, describe: (m) => (m[1] === undefined ? 'throttle_classes' : 'DEFAULT_THROTTLE_RATES') },
    { languages: ['rust'], pattern: /\b(RateLimitLayer|GovernorLayer)\b/g, describe: (m) => m[1] ?? '' },
  ],
  sourceHint: /app|main|server|program|startup|config|limit|throttl|security|middleware|settings/,
});

export const SECURITY_DETECTORS: readonly Detector[] = [cors, rateLimit];
