import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import { codeMatch, ownFile } from './common';

/** Express generator's app.js: its 404 forwarder and error handler are not the learner's middleware. */
const EXPRESS_GENERATED_MIDDLEWARE = /createError\(404\)|res\.locals\.message\s*=\s*err\.message/;

/** Middleware classes that Laravel writes with a new project. */
const LARAVEL_GENERATED_MIDDLEWARE =
  /(^|\/)app\/Http\/Middleware\/(Authenticate|EncryptCookies|PreventRequestsDuringMaintenance|RedirectIfAuthenticated|TrimStrings|TrustHosts|TrustProxies|ValidateSignature|VerifyCsrfToken|HandleInertiaRequests)\.php$/;

const middleware = signalDetector({
  id: 'framework.middleware',
  sources: [
    {
      // Express/Connect: a (req, res, next) function that passes the request on with next()
      languages: ['js'],
      pattern: /\(\s*req\b[^,()]*,\s*res\b[^,()]*,\s*next\b[^()]*\)[^{]*\{[\s\S]{0,600}?\bnext\(\s*\)/g,
      describe: () => 'middleware (req, res, next) calling next()',
      unless: EXPRESS_GENERATED_MIDDLEWARE,
    },
    {
      // Koa and Hono: async (ctx, next) => { …; await next(); }
      languages: ['js'],
      pattern: /\(\s*(?:ctx|c)\b[^,()]*,\s*next\b[^()]*\)[^{]*\{[\s\S]{0,600}?\bawait\s+next\(\s*\)/g,
      describe: () => 'middleware (ctx, next) awaiting next()',
    },
    {
      languages: ['js'],
      pattern: /\.addHook\(\s*(['"])(onRequest|preParsing|preValidation|preHandler|preSerialization|onSend|onResponse|onError)\1/g,
      describe: (m) => `Fastify hook ${m[2] ?? ''}`,
    },
    {
      languages: ['js'],
      pattern: /\bimplements\s+(NestMiddleware|NestInterceptor)\b/g,
      describe: (m) => `Nest ${m[1] ?? ''}`,
    },
    {
      // Django middleware (class or function), Starlette/FastAPI middleware, raw ASGI middleware
      languages: ['python'],
      pattern:
        /\bdef\s+__init__\(\s*self\s*,\s*get_response\b|^[ \t]*def\s+\w+\(\s*get_response\s*\)|\bclass\s+\w+\(\s*(?:[\w.]*\.)?(?:BaseHTTPMiddleware|MiddlewareMixin)\s*\)|^[ \t]*@\w+\.middleware\(\s*(['"])http\1|\basync\s+def\s+__call__\(\s*self\s*,\s*scope\b[^)]*\breceive\b[^)]*\bsend\b/gm,
      describe: (m) => `middleware ${m[0].trim().replace(/\s+/g, ' ').slice(0, 60)}`,
    },
    {
      languages: ['python'],
      pattern: /^[ \t]*@\w+\.(before_request|after_request|before_app_request|after_app_request)\b/gm,
      describe: (m) => `Flask hook @${m[1] ?? ''}`,
    },
    {
      languages: ['java', 'kotlin'],
      pattern: /\b(?:implements\s+(?:[\w.]+\s*,\s*)*(?:jakarta\.servlet\.|javax\.servlet\.)?(Filter|HandlerInterceptor|WebFilter|ContainerRequestFilter)\b|extends\s+(OncePerRequestFilter|GenericFilterBean)\b|:\s*(OncePerRequestFilter|HandlerInterceptor|WebFilter|Filter)\b(?:\(\))?\s*\{)/g,
      describe: (m) => `request filter (${m[1] ?? m[2] ?? m[3] ?? ''})`,
    },
    {
      languages: ['go'],
      pattern:
        /\(\s*next\s+http\.Handler\s*\)\s*http\.Handler\b|\bfunc\s+\w+\([^)]*\)\s*gin\.HandlerFunc\s*\{|\(\s*next\s+echo\.HandlerFunc\s*\)\s*echo\.HandlerFunc\b|\bfunc\s*\(\s*c\s+\*(?:gin\.Context|fiber\.Ctx)\s*\)\s*(?:error\s*)?\{[\s\S]{0,600}?\bc\.Next\(\)/g,
      describe: () => 'HTTP middleware',
    },
    {
      languages: ['csharp'],
      pattern: /\.Use\(\s*async\s*\(\s*\w+\s*,\s*\w+\s*\)\s*=>|:\s*(?:[\w.]+\s*,\s*)*I(?:Middleware|ActionFilter|AsyncActionFilter)\b|\bRequestDelegate\s+_?next\b|:\s*ActionFilterAttribute\b/g,
      describe: (m) => `middleware ${m[0].replace(/^[:.\s]+/, '').replace(/\s+/g, ' ').slice(0, 40)}`,
    },
    {
      // Laravel middleware handle($request, Closure $next); PSR-15 middleware (Slim, Mezzio)
      languages: ['php'],
      pattern: /\bfunction\s+handle\(\s*(?:\??[\w\\]*Request\s+)?\$request\s*,\s*(?:[\w\\]*Closure\s+)?\$next\b|\bimplements\s+(?:[\w\\]+\s*,\s*)*\\?(?:Psr\\Http\\Server\\)?MiddlewareInterface\b/g,
      describe: () => 'HTTP middleware',
      where: (path) => !LARAVEL_GENERATED_MIDDLEWARE.test(path),
    },
    {
      // Rack middleware passes the request on with @app.call(env)
      languages: ['ruby'],
      pattern: /@app\.call\(\s*env\s*\)/g,
      describe: () => 'Rack middleware',
    },
    {
      languages: ['rust'],
      pattern: /\bfrom_fn(?:_with_state)?\(\s*(?:[\w:]+\s*,\s*)?\w+\s*\)|\bimpl\s*<[^>]*>\s*(?:Layer|Transform)\s*<[^{]*\bfor\b|\.wrap_fn\(/g,
      describe: (m) => `middleware ${m[0].replace(/\s+/g, ' ').slice(0, 40)}`,
    },
  ],
  sourceHint: /middleware|filter|interceptor|hook|app\.|server|main|program|startup|bootstrap/,
});

const dependencyInjection = signalDetector({
  id: 'framework.di',
  dependencies: {
    npm: ['inversify', 'tsyringe', 'awilix', 'typedi', '@inversifyjs/core'],
    pypi: ['dependency-injector', 'injector', 'punq', 'lagom', 'wireup', 'svcs', 'that-depends', 'dishka'],
    go: ['github.com/google/wire', 'go.uber.org/fx', 'go.uber.org/dig', 'github.com/samber/do'],
    composer: ['php-di/php-di'],
    rubygems: ['dry-auto_inject'],
    cargo: ['shaku'],
  },
  sources: [
    {
      // NestJS providers; Nest's generated AppService (getHello) is not the learner's
      languages: ['js'],
      pattern: /\bimport\s*\{[^}]*\bInjectable\b[^}]*\}\s*from\s*['"]@nestjs\/common['"]/g,
      describe: () => 'NestJS @Injectable provider',
      unless: /getHello\(/,
    },
    { languages: ['python'], pattern: /\bDepends\(\s*\w/g, describe: () => 'FastAPI Depends()' },
    { languages: ['java', 'kotlin'], pattern: /@(Autowired|Inject|Service|Component|Bean)\b/g, describe: (m) => `Spring/CDI @${m[1] ?? ''}` },
    { languages: ['csharp'], pattern: /\.Add(Scoped|Singleton|Transient)\s*[<(]/g, describe: (m) => `services.Add${m[1] ?? ''}` },
    { languages: ['php'], pattern: /(?:\$this->app|\bapp\(\s*\))->(bind|singleton|scoped)\(|\bApp::(bind|singleton|scoped)\(/g, describe: (m) => `container ${m[1] ?? m[2] ?? ''}()` },
  ],
  sourceHint: /service|provider|module|container|config|program|startup|main|inject|deps|dependencies/,
});

/** Views that `dotnet new mvc` / `dotnet new webapp` write. */
const GENERATED_RAZOR = /(^|\/)(Views|Pages)\/(Shared\/|_View(Start|Imports)\.cshtml$)|(^|\/)Views\/Home\/(Index|Privacy)\.cshtml$|(^|\/)Pages\/(Index|Privacy|Error)\.cshtml$/;

const serverViews = signalDetector({
  id: 'framework.mvc',
  files: [
    {
      // Thymeleaf templates of a Spring app
      rule: { extensions: ['.html'], where: (path) => ownFile(path) && /(^|\/)src\/main\/resources\/templates\//.test(path), globs: ['**/src/main/resources/templates/**/*.html'] },
      content: codeMatch(/\bth:[\w-]+\s*=/g, 'xml', (_m, path) => `Thymeleaf template ${path}`),
    },
    {
      // Razor views and pages, without the ones the project template wrote
      rule: { extensions: ['.cshtml'], where: (path) => ownFile(path) && /(^|\/)(Views|Pages)\//.test(path) && !GENERATED_RAZOR.test(path), globs: ['**/Views/**/*.cshtml', '**/Pages/**/*.cshtml'] },
      content: (text, path) => (text.trim() === '' ? undefined : { summary: `Razor view ${path}` }),
    },
    {
      // Rails views (ERB, Haml, Slim), without the generated layouts
      rule: {
        extensions: ['.erb', '.haml', '.slim'],
        where: (path) => ownFile(path) && /(^|\/)app\/views\//.test(path) && !/(^|\/)app\/views\/(layouts|pwa)\//.test(path),
        globs: ['**/app/views/**/*.{erb,haml,slim}'],
      },
      content: (text, path) => (text.trim() === '' ? undefined : { summary: `Rails view ${path}` }),
    },
  ],
  sources: [
    {
      // Express views; the generator's index route (title 'Express') and error page are not the learner's
      languages: ['js'],
      pattern: /\bres\.render\(\s*(['"`])(?!error\1)[\w./-]+\1|@Render\(\s*['"`]|\breply\.view\(\s*['"`]/g,
      describe: (m) => `server-rendered view ${m[0].replace(/\s+/g, '')}`,
      unless: /title:\s*['"]Express['"]/,
    },
    {
      languages: ['python'],
      pattern: /\brender_template\(\s*['"]|\brender\(\s*request\s*,\s*['"]|\bTemplateResponse\(|^[ \t]+template_name\s*=\s*['"]|\brender_to_response\(\s*['"]/gm,
      describe: (m) => `server-rendered view ${m[0].trim().replace(/\s+/g, '')}`,
    },
    { languages: ['java'], pattern: /\bnew\s+ModelAndView\(|\(\s*(?:[\w@]+\s+)*Model\s+\w+\s*[,)]|,\s*Model\s+\w+\s*[,)]/g, describe: () => 'Spring MVC controller with a view model' },
    { languages: ['kotlin'], pattern: /\bModelAndView\(|\b\w+\s*:\s*Model\s*[,)]/g, describe: () => 'Spring MVC controller with a view model' },
    {
      languages: ['csharp'],
      pattern: /\breturn\s+(?:Partial)?View\(/g,
      describe: () => 'MVC controller returning a view',
      where: (path) => !/(^|\/)HomeController\.cs$/.test(path),
    },
    {
      // Laravel Blade views (not the welcome page, nor Breeze's dashboard/profile/auth scaffold); Symfony Twig
      languages: ['php'],
      pattern: /\bview\(\s*(['"])(?!(?:welcome|dashboard|profile\.edit|auth\.[\w.-]+)\1)[\w.:-]+\1|\$this->render\(\s*['"][^'"]+\.twig['"]/g,
      describe: (m) => `server-rendered view ${m[0].replace(/\s+/g, '')}`,
    },
    {
      languages: ['go'],
      pattern: /\bc\.(?:HTML|Render)\(\s*(?:http\.Status\w+|\d{3})\s*,\s*"|\.ExecuteTemplate\(\s*\w+\s*,\s*"/g,
      describe: () => 'server-rendered HTML template',
    },
    { languages: ['rust'], pattern: /#\[template\(\s*path\s*=|\bTera::new\(/g, describe: () => 'server-rendered template (Askama/Tera)' },
  ],
  sourceHint: /controller|views?|routes?|pages|handlers?|app\.|server|main/,
});

export const SERVER_PRACTICE_DETECTORS: readonly Detector[] = [middleware, dependencyInjection, serverViews];
