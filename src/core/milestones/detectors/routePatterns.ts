import { declareSourceHint } from '../pathHints';
import type { SourceSignal } from '../sourceScan';

/** Sample routes that project generators write; a learner did not write these. */
export const GENERATED_SAMPLE = /weatherforecast|view\(\s*['"]welcome['"]|getHello\(|title:\s*['"]Express['"]|respond with a resource|rails\/health#show/i;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * A route registration pattern, and which HTTP methods one match registers. `after` is the code from the
 * match on (400 characters), for methods written after the path (`methods=['POST']`, `only: [:index]`).
 * An empty list means the registration does not say (Django `path()`, net/http `HandleFunc("/x")`).
 */
export interface RouteSignal extends SourceSignal {
  readonly methods: (match: RegExpExecArray, after: string) => readonly HttpMethod[];
}

const JS_ROUTE_RECEIVER = String.raw`\b(app|server|fastify|routes?|\w*[Rr]outer)`;

/** The method named by a verb such as `get`, `MapPost` or `HttpDelete`; undefined for anything else. */
export function methodOf(verb: string | undefined): HttpMethod | undefined {
  const upper = verb?.toUpperCase();
  return HTTP_METHODS.find((method) => method === upper);
}

function single(verb: string | undefined): readonly HttpMethod[] {
  const method = methodOf(verb);
  return method === undefined ? [] : [method];
}

/** Methods listed as strings or symbols in the first `[...]` after `key` (e.g. `methods=["GET", "POST"]`). */
function listedAfter(key: RegExp, after: string): readonly HttpMethod[] | undefined {
  const list = new RegExp(`${key.source}\\s*[=:]?>?\\s*[\\[(]([^\\])]*)[\\])]`, 'i').exec(after.split(/\n\s*\n/)[0] ?? '');
  if (list === null) {
    return undefined;
  }
  return HTTP_METHODS.filter((method) => new RegExp(`['":]${method}\\b`, 'i').test(list[1] ?? ''));
}

/** Text up to the end of the current call or decorator line: where its options are written. */
function callTail(after: string): string {
  return after.split('\n')[0] ?? '';
}

/** Rails actions of `resources :x, only: [...]` / `except: [...]`, as HTTP methods. */
function railsResourceMethods(after: string): readonly HttpMethod[] {
  const line = callTail(after);
  const actionMethods: Readonly<Record<string, readonly HttpMethod[]>> = {
    index: ['GET'], show: ['GET'], new: ['GET'], edit: ['GET'], create: ['POST'], update: ['PUT', 'PATCH'], destroy: ['DELETE'],
  };
  const actions = (text: string): string[] => [...text.matchAll(/:(\w+)|['"](\w+)['"]/g)].map((m) => m[1] ?? m[2] ?? '');
  const only = /\bonly:\s*(\[[^\]]*\]|:\w+)/.exec(line);
  if (only !== null) {
    return [...new Set(actions(only[1] ?? '').flatMap((action) => actionMethods[action] ?? []))];
  }
  const except = /\bexcept:\s*(\[[^\]]*\]|:\w+)/.exec(line);
  if (except !== null) {
    const excluded = new Set(actions(except[1] ?? ''));
    return [...new Set(Object.entries(actionMethods).filter(([action]) => !excluded.has(action)).flatMap(([, methods]) => methods))];
  }
  return HTTP_METHODS;
}

/** Route registrations of every stack. Each names a path or an HTTP verb, so a mere call to `get` is not enough. */
export const ROUTE_SIGNALS: readonly RouteSignal[] = [
  {
    // Express, Koa router, Fastify, Hono: app.get('/users', handler)
    languages: ['js'],
    pattern: new RegExp(String.raw`${JS_ROUTE_RECEIVER}\.(get|post|put|patch|delete)\(\s*(['"\`])(\/[^'"\`]*)\3\s*,`, 'g'),
    describe: (m) => `route ${m[1] ?? ''}.${m[2] ?? ''}('${m[4] ?? ''}')`,
    unless: GENERATED_SAMPLE,
    methods: (m) => single(m[2]),
  },
  {
    // Express: app.route('/users').get(handler)
    languages: ['js'],
    pattern: new RegExp(String.raw`${JS_ROUTE_RECEIVER}\.route\(\s*(['"\`])(\/[^'"\`]*)\2\s*\)\s*\.(get|post|put|patch|delete)\(`, 'g'),
    describe: (m) => `route ${m[1] ?? ''}.route('${m[3] ?? ''}').${m[4] ?? ''}()`,
    // The chain may go on: .get(list).post(create)
    methods: (m, after) => {
      const statement = after.slice(m[0].length).split(/;|\n\s*\n/)[0] ?? '';
      return [...new Set([...single(m[4]), ...[...statement.matchAll(/\)\s*\.(get|post|put|patch|delete)\(/g)].flatMap((c) => single(c[1]))])];
    },
  },
  {
    // NestJS controllers: @Get(':id')
    languages: ['js'],
    pattern: /@(Get|Post|Put|Patch|Delete)\(\s*(?:(['"`])([^'"`]*)\2\s*)?\)/g,
    describe: (m) => `route @${m[1] ?? ''}(${m[3] === undefined ? '' : `'${m[3]}'`})`,
    unless: GENERATED_SAMPLE,
    methods: (m) => single(m[1]),
  },
  {
    // Next.js route handlers: app/api/users/route.ts exporting GET/POST
    languages: ['js'],
    pattern: /\bexport\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE)\s*\(/g,
    describe: (m) => `route handler ${m[1] ?? ''}`,
    where: (path) => /(^|\/)route\.[cm]?[jt]sx?$/.test(path),
    methods: (m) => single(m[1]),
  },
  {
    // FastAPI, Flask, Starlette decorators: @app.get("/users"), @bp.route("/")
    languages: ['python'],
    pattern: /^[ \t]*@(\w+)\.(get|post|put|patch|delete|route|api_route)\(\s*(['"])(\/[^'"]*)\3/gm,
    describe: (m) => `route @${m[1] ?? ''}.${m[2] ?? ''}('${m[4] ?? ''}')`,
    // Flask's route() serves GET unless methods= says otherwise.
    methods: (m, after) => single(m[2]).length > 0 ? single(m[2]) : (listedAfter(/\bmethods/, callTail(after)) ?? (m[2] === 'route' ? ['GET'] : [])),
  },
  {
    // Django REST framework function views
    languages: ['python'],
    pattern: /^[ \t]*@api_view\(/gm,
    describe: () => 'route @api_view',
    methods: (_m, after) => listedAfter(/@api_view\(\s*(?:http_method_names\s*=)?/, callTail(after)) ?? ['GET'],
  },
  {
    // Django urls.py; the generated admin route and include() are not handlers
    languages: ['python'],
    pattern: /^[ \t]*(re_path|path)\(\s*(['"])([^'"]*)\2\s*,\s*(?!admin\.site\.urls|include\()([\w.]+)/gm,
    describe: (m) => `route ${m[1] ?? ''}('${m[3] ?? ''}', ${m[4] ?? ''})`,
    where: (path) => path.endsWith('urls.py'),
    methods: () => [],
  },
  {
    // Go net/http and gorilla/mux: http.HandleFunc("/users", h), mux.HandleFunc("GET /users", h)
    languages: ['go'],
    pattern: /\b(\w+)\.(HandleFunc|Handle)\(\s*"((?:[A-Z]+ )?\/[^"]*)"/g,
    describe: (m) => `route ${m[1] ?? ''}.${m[2] ?? ''}("${m[3] ?? ''}")`,
    // gorilla/mux: r.HandleFunc("/x", h).Methods("GET", "POST")
    methods: (m, after) => {
      const verb = /^([A-Z]+) /.exec(m[3] ?? '');
      if (verb !== null) {
        return single(verb[1]);
      }
      const listed = /^[^\n]*?\)\s*\.Methods\(([^)]*)\)/.exec(after);
      return listed === null ? [] : HTTP_METHODS.filter((method) => (listed[1] ?? '').includes(`"${method}"`) || (listed[1] ?? '').includes(`Method${method.charAt(0)}${method.slice(1).toLowerCase()}`));
    },
  },
  {
    // gin/echo r.GET("/x", h); fiber/chi app.Get("/x", h) (http.Get is a client call)
    languages: ['go'],
    pattern: /\b(?!http\.)(\w+)\.(GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Patch|Delete)\(\s*"(\/[^"]*)"\s*,/g,
    describe: (m) => `route ${m[1] ?? ''}.${m[2] ?? ''}("${m[3] ?? ''}")`,
    methods: (m) => single(m[2]),
  },
  {
    // Spring MVC/WebFlux
    languages: ['java', 'kotlin'],
    pattern: /@(Get|Post|Put|Patch|Delete|Request)Mapping\b(?:\(\s*(?:(?:value|path)\s*=\s*)?"([^"]*)")?/g,
    describe: (m) => `route @${m[1] ?? ''}Mapping${m[2] === undefined ? '' : `("${m[2]}")`}`,
    // @RequestMapping names its method as method = RequestMethod.POST (or not at all, on a controller class).
    methods: (m, after) =>
      m[1] === 'Request' ? HTTP_METHODS.filter((method) => new RegExp(`RequestMethod\\.${method}\\b`).test(/^[^\n]*/.exec(after)?.[0] ?? '')) : single(m[1]),
  },
  {
    // JAX-RS (@GET without arguments; Retrofit's client @GET("x") has one)
    languages: ['java', 'kotlin'],
    pattern: /@(GET|POST|PUT|PATCH|DELETE)\b(?!\s*\()/g,
    describe: (m) => `route @${m[1] ?? ''}`,
    methods: (m) => single(m[1]),
  },
  {
    // Javalin, Spark, Ktor: app.get("/x", ctx -> …), get("/x") { … }
    languages: ['java', 'kotlin'],
    pattern: /(?:\b(app|router|\w*[Rr]outer)\.|^[ \t]*)(get|post|put|patch|delete)\(\s*"(\/[^"]*)"\s*(?:,|\)\s*\{)/gm,
    describe: (m) => `route ${m[1] === undefined ? '' : `${m[1]}.`}${m[2] ?? ''}("${m[3] ?? ''}")`,
    methods: (m) => single(m[2]),
  },
  {
    // ASP.NET Core controllers
    languages: ['csharp'],
    pattern: /\[Http(Get|Post|Put|Patch|Delete)\b[^\]\n]*\]/g,
    describe: (m) => `route ${m[0]}`,
    unless: GENERATED_SAMPLE,
    methods: (m) => single(m[1]),
  },
  {
    // ASP.NET Core minimal APIs
    languages: ['csharp'],
    pattern: /\b(\w+)\.Map(Get|Post|Put|Patch|Delete)\(\s*"([^"]*)"/g,
    describe: (m) => `route ${m[1] ?? ''}.Map${m[2] ?? ''}("${m[3] ?? ''}")`,
    unless: GENERATED_SAMPLE,
    methods: (m) => single(m[2]),
  },
  {
    // Laravel
    languages: ['php'],
    pattern: /\bRoute::(get|post|put|patch|delete|any|match|resource|apiResource)\(\s*(['"])([^'"]*)\2/g,
    describe: (m) => `route Route::${m[1] ?? ''}('${m[3] ?? ''}')`,
    unless: GENERATED_SAMPLE,
    // A resource controller registers every method; any() is one handler for all, not routes per method.
    methods: (m) => (m[1] === 'resource' || m[1] === 'apiResource' ? HTTP_METHODS : single(m[1])),
  },
  {
    // Symfony PHP 8 attributes
    languages: ['php'],
    pattern: /#\[Route\(\s*(?:path:\s*)?(['"])([^'"]*)\1/g,
    describe: (m) => `route #[Route('${m[2] ?? ''}')]`,
    methods: (_m, after) => listedAfter(/\bmethods/, callTail(after)) ?? [],
  },
  {
    // Slim
    languages: ['php'],
    pattern: /\$(app|router|group)->(get|post|put|patch|delete)\(\s*(['"])(\/[^'"]*)\3/g,
    describe: (m) => `route $${m[1] ?? ''}->${m[2] ?? ''}('${m[4] ?? ''}')`,
    methods: (m) => single(m[2]),
  },
  {
    // Sinatra
    languages: ['ruby'],
    pattern: /^[ \t]*(get|post|put|patch|delete)\s+(['"])(\/[^'"]*)\2\s*(?:do\b|\{)/gm,
    describe: (m) => `route ${m[1] ?? ''} '${m[3] ?? ''}'`,
    methods: (m) => single(m[1]),
  },
  {
    // Rails config/routes.rb
    languages: ['ruby'],
    pattern: /^[ \t]*(resources|resource|get|post|put|patch|delete|match|root)\b[ \t(]*(:\w+|(['"])[^'"\n]*\3)/gm,
    describe: (m) => `route ${m[1] ?? ''} ${m[2] ?? ''}`,
    where: (path) => path.endsWith('config/routes.rb') || path.includes('config/routes/'),
    unless: GENERATED_SAMPLE,
    methods: (m, after) => {
      switch (m[1]) {
        case 'resources':
        case 'resource':
          return railsResourceMethods(after);
        case 'root':
          return ['GET'];
        case 'match':
          return listedAfter(/\bvia:/, callTail(after)) ?? single(/\bvia:\s*:(\w+)/.exec(callTail(after))?.[1]);
        default:
          return single(m[1]);
      }
    },
  },
  {
    // actix-web and Rocket attribute macros
    languages: ['rust'],
    pattern: /#\[(get|post|put|patch|delete)\(\s*"(\/[^"]*)"/g,
    describe: (m) => `route #[${m[1] ?? ''}("${m[2] ?? ''}")]`,
    methods: (m) => single(m[1]),
  },
  {
    // axum Router::route, actix App::route
    languages: ['rust'],
    pattern: /\.route\(\s*"(\/[^"]*)"\s*,/g,
    describe: (m) => `route .route("${m[1] ?? ''}")`,
    // axum: get(list).post(create); actix: web::get().to(h)
    methods: (m, after) => {
      const args = after.slice(m[0].length).split(/\.route\(/)[0] ?? '';
      return [...new Set([...args.matchAll(/(?:^|[\s,(.:])(get|post|put|patch|delete)\(/g)].flatMap((c) => single(c[1])))];
    },
  },
];

/** Paths (lower case) where route registrations usually are; read first. */
export const ROUTE_SOURCE_HINT = declareSourceHint(/rout|controller|server|app\.|main\.|api|handler|urls\.py|views|endpoint|program\.cs/);
