import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('server and API practice detectors', () => {
  describe('framework.middleware', () => {
    const id = 'framework.middleware';
    it('Express middleware calling next()', () =>
      assertPresent({ 'src/middleware/auth.js': 'export function auth(req, res, next) {\n  if (!req.user) return res.sendStatus(401);\n  next();\n}\n' }, id, /^middleware \(req, res, next\) calling next\(\) in src\/middleware\/auth\.js:1$/));
    it('Koa middleware', () => assertPresent({ 'src/app.ts': 'app.use(async (ctx, next) => {\n  const start = Date.now();\n  await next();\n});\n' }, id, /middleware \(ctx, next\) awaiting next\(\) in src\/app\.ts:1/));
    it('Fastify hook', () => assertPresent({ 'src/server.ts': "fastify.addHook('onRequest', async (request) => {});\n" }, id, /Fastify hook onRequest/));
    it('Django middleware class', () =>
      assertPresent({ 'shop/middleware.py': 'class Timing:\n    def __init__(self, get_response):\n        self.get_response = get_response\n' }, id, /middleware def __init__\(self, get_response in shop\/middleware\.py:2/));
    it('FastAPI middleware', () => assertPresent({ 'app/main.py': '@app.middleware("http")\nasync def add_header(request, call_next):\n    return await call_next(request)\n' }, id, /app\/main\.py:1/));
    it('Spring filter', () => assertPresent({ 'src/main/java/x/LogFilter.java': 'public class LogFilter extends OncePerRequestFilter {\n}\n' }, id, /request filter \(OncePerRequestFilter\)/));
    it('Go net/http middleware', () => assertPresent({ 'internal/mw.go': 'package mw\n\nfunc Logging(next http.Handler) http.Handler {\n\treturn next\n}\n' }, id, 'HTTP middleware in internal/mw.go:3'));
    it('gin middleware', () => assertPresent({ 'mw.go': 'package main\n\nfunc Auth() gin.HandlerFunc {\n\treturn func(c *gin.Context) { c.Next() }\n}\n' }, id, 'HTTP middleware in mw.go:3'));
    it('ASP.NET middleware', () => assertPresent({ 'Middleware/Timing.cs': 'public class Timing {\n  private readonly RequestDelegate _next;\n}\n' }, id, /Middleware\/Timing\.cs:2/));
    it('Laravel middleware of its own', () =>
      assertPresent({ 'app/Http/Middleware/EnsureAdmin.php': '<?php\nclass EnsureAdmin {\n  public function handle(Request $request, Closure $next) { return $next($request); }\n}\n' }, id, 'HTTP middleware in app/Http/Middleware/EnsureAdmin.php:3'));
    it('Rack middleware', () => assertPresent({ 'lib/timing.rb': 'class Timing\n  def call(env)\n    @app.call(env)\n  end\nend\n' }, id, 'Rack middleware in lib/timing.rb:3'));
    it('axum middleware', () => assertPresent({ 'src/main.rs': 'let app = Router::new().layer(middleware::from_fn(auth));\n' }, id, /middleware from_fn\(auth\)/));
    describe('near misses', () => {
      it('Express generator’s 404 and error handlers, and route handlers taking next', () =>
        assertAbsent(
          {
            'app.js': "app.use(function(req, res, next) {\n  next(createError(404));\n});\napp.use(function(err, req, res, next) {\n  res.locals.message = err.message;\n  res.render('error');\n});\n",
            'routes/index.js': "router.get('/', function(req, res, next) {\n  res.render('index', { title: 'Express' });\n});\n",
          },
          id,
        ));
      it('Laravel’s generated middleware, a middleware in a comment, and one in a test', () =>
        assertAbsent(
          {
            'app/Http/Middleware/RedirectIfAuthenticated.php': '<?php\nclass RedirectIfAuthenticated {\n  public function handle(Request $request, Closure $next, string ...$guards) {}\n}\n',
            'src/app.js': '// app.use((req, res, next) => { next(); });\n',
            'test/helpers.js': 'function fake(req, res, next) { next(); }\n',
          },
          id,
        ));
      it('Django’s own middleware only listed in settings', () => assertAbsent({ 'mysite/settings.py': "MIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n]\n" }, id));
      it('Go handlers and rows.Next()', () => assertAbsent({ 'main.go': 'package main\n\nfunc list(w http.ResponseWriter, r *http.Request) {\n\tfor rows.Next() {}\n}\n' }, id));
    });
  });

  describe('framework.di', () => {
    const id = 'framework.di';
    it('NestJS provider', () =>
      assertPresent({ 'src/users/users.service.ts': "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class UsersService {\n  findAll() { return []; }\n}\n" }, id, /NestJS @Injectable provider in src\/users\/users\.service\.ts:1/));
    it('FastAPI Depends', () => assertPresent({ 'app/routes.py': 'async def items(db: Session = Depends(get_db)):\n    pass\n' }, id, /FastAPI Depends\(\)/));
    it('Spring @Service', () => assertPresent({ 'src/main/java/x/UserService.java': '@Service\npublic class UserService {}\n' }, id, /Spring\/CDI @Service/));
    it('ASP.NET AddScoped', () => assertPresent({ 'Program.cs': 'builder.Services.AddScoped<IUserRepo, UserRepo>();\n' }, id, /services\.AddScoped in Program\.cs:1/));
    it('inversify', () => assertPresent({ 'package.json': '{"dependencies":{"inversify":"6"}}' }, id, 'inversify in package.json (dependencies)'));
    it('uber fx', () => assertPresent({ 'go.mod': 'module x\nrequire go.uber.org/fx v1.22.0\n' }, id, /go\.uber\.org\/fx in go\.mod/));
    it('Laravel container binding', () => assertPresent({ 'app/Providers/AppServiceProvider.php': '<?php\n$this->app->singleton(Payment::class, fn () => new Stripe());\n' }, id, /container singleton\(\)/));
    it('dependency-injector', () => assertPresent({ 'requirements.txt': 'dependency-injector==4.41\n' }, id, 'dependency-injector in requirements.txt'));
    describe('near misses', () => {
      it('Nest’s generated AppService, and an Angular service', () =>
        assertAbsent(
          {
            'src/app.service.ts': "import { Injectable } from '@nestjs/common';\n\n@Injectable()\nexport class AppService {\n  getHello(): string {\n    return 'Hello World!';\n  }\n}\n",
            'web/src/app/data.service.ts': "import { Injectable } from '@angular/core';\n\n@Injectable({ providedIn: 'root' })\nexport class DataService {}\n",
          },
          id,
        ));
      it('a Spring annotation in a comment or a test', () =>
        assertAbsent({ 'src/main/java/x/A.java': '// @Autowired later\nclass A {}\n', 'src/test/java/x/ATest.java': '@Autowired\nA a;\n' }, id));
    });
  });

  describe('framework.mvc', () => {
    const id = 'framework.mvc';
    it('Thymeleaf template', () => assertPresent({ 'src/main/resources/templates/users.html': '<ul><li th:each="u : ${users}" th:text="${u.name}"></li></ul>\n' }, id, 'Thymeleaf template src/main/resources/templates/users.html'));
    it('Flask render_template', () => assertPresent({ 'app/views.py': "def home():\n    return render_template('home.html', items=items)\n" }, id, /server-rendered view render_template\('/));
    it('Django render', () => assertPresent({ 'blog/views.py': "def index(request):\n    return render(request, 'blog/index.html', {})\n" }, id, /render\(request,'/));
    it('Express res.render', () => assertPresent({ 'src/routes/posts.js': "router.get('/posts', (req, res) => res.render('posts', { posts }));\n" }, id, /res\.render\('posts'/));
    it('Laravel view', () => assertPresent({ 'app/Http/Controllers/PostController.php': "<?php\nreturn view('posts.index', ['posts' => $posts]);\n" }, id, /view\('posts\.index'/));
    it('Rails view', () => assertPresent({ 'app/views/articles/index.html.erb': '<% @articles.each do |a| %><%= a.title %><% end %>\n' }, id, 'Rails view app/views/articles/index.html.erb'));
    it('Razor view of its own', () => assertPresent({ 'Views/Products/Index.cshtml': '@model IEnumerable<Product>\n<h1>Products</h1>\n' }, id, 'Razor view Views/Products/Index.cshtml'));
    it('gin HTML template', () => assertPresent({ 'main.go': 'package main\n\nfunc home(c *gin.Context) {\n\tc.HTML(http.StatusOK, "index.tmpl", nil)\n}\n' }, id, 'server-rendered HTML template in main.go:4'));
    describe('near misses', () => {
      it('what generators write: Express index/error views, Laravel welcome, Rails layouts, dotnet Home views', () =>
        assertAbsent(
          {
            'routes/index.js': "router.get('/', function(req, res, next) {\n  res.render('index', { title: 'Express' });\n});\n",
            'app.js': "app.use(function(err, req, res, next) {\n  res.render('error');\n});\n",
            'routes/web.php': "<?php\nRoute::get('/', function () {\n    return view('welcome');\n});\n",
            'app/views/layouts/application.html.erb': '<html><%= yield %></html>\n',
            'Views/Home/Index.cshtml': '<h1>Welcome</h1>\n',
            'Views/Shared/_Layout.cshtml': '<html>@RenderBody()</html>\n',
          },
          id,
        ));
      it('an HTML file without Thymeleaf attributes, and a render call in a comment', () =>
        assertAbsent({ 'src/main/resources/templates/static.html': '<p>hi</p>\n', 'app/views.py': "# return render_template('x.html')\n" }, id));
    });
  });

  describe('api.validation', () => {
    const id = 'api.validation';
    it('zod in a server package', () => assertPresent({ 'package.json': '{"dependencies":{"express":"4","zod":"3"}}' }, id, 'zod in package.json (dependencies)'));
    it('validator.js in a server package', () => assertPresent({ 'package.json': '{"dependencies":{"express":"5","validator":"13"}}' }, id, 'validator in package.json (dependencies)'));
    it('FastAPI constraints', () => assertPresent({ 'app/main.py': 'async def items(q: str = Query(None, max_length=50)):\n    pass\n' }, id, /Query\(max_length=…\) constraint/));
    it('DRF is_valid', () => assertPresent({ 'api/views.py': 'serializer.is_valid(raise_exception=True)\n' }, id, /\.is_valid\(\)/));
    it('Bean Validation @Valid', () => assertPresent({ 'src/main/java/x/C.java': 'ResponseEntity<?> create(@Valid @RequestBody UserDto dto) {}\n' }, id, /Bean Validation @Valid/));
    it('FluentValidation in a web project', () =>
      assertPresent({ 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="FluentValidation" Version="11" /></ItemGroup></Project>' }, id, 'FluentValidation in Api.csproj (PackageReference)'));
    it('go-playground/validator with gin', () =>
      assertPresent({ 'go.mod': 'module x\nrequire (\n\tgithub.com/gin-gonic/gin v1.9.1\n\tgithub.com/go-playground/validator/v10 v10.19.0\n)\n' }, id, /go-playground\/validator\/v10 in go\.mod/));
    it('gin binding tags', () => assertPresent({ 'models.go': 'package m\n\ntype Login struct {\n\tUser string `json:"user" binding:"required"`\n}\n' }, id, /struct validation/));
    it('Laravel validate()', () => assertPresent({ 'app/Http/Controllers/PostController.php': "<?php\n$request->validate(['title' => 'required']);\n" }, id, /Laravel validation \$request->validate\(/));
    it('Rails validates', () => assertPresent({ 'app/models/user.rb': 'class User < ApplicationRecord\n  validates :email, presence: true\nend\n' }, id, 'Rails validates in app/models/user.rb:2'));
    describe('near misses', () => {
      it('zod or yup in a browser app’s package.json', () => assertAbsent({ 'web/package.json': '{"dependencies":{"react":"18","zod":"3","yup":"1"}}', 'package.json': '{"dependencies":{"express":"4"}}' }, id));
      it('EF entity annotations, JetBrains @NotNull, a validates in a comment', () =>
        assertAbsent(
          {
            'Models/User.cs': 'public class User {\n  [Required]\n  [MaxLength(50)]\n  public string Name { get; set; }\n}\n',
            'src/main/java/x/U.java': 'void f(@NotNull String s) {}\n',
            'app/models/user.rb': '# validates :email\n',
          },
          id,
        ));
    });
  });

  describe('api.pagination', () => {
    const id = 'api.pagination';
    it('Express query parameters', () => assertPresent({ 'src/routes/users.js': 'const page = Number(req.query.page) || 1;\n' }, id, /pagination parameter page read from the query/));
    it('DRF pagination class', () => assertPresent({ 'api/views.py': 'class UserList(ListAPIView):\n    pagination_class = PageNumberPagination\n' }, id, /pagination pagination_class =/));
    it('FastAPI skip/limit', () => assertPresent({ 'app/main.py': 'def read_users(skip: int = 0, limit: int = 100):\n    pass\n' }, id, /pagination skip: int = 0, limit: int/));
    it('Spring Pageable', () => assertPresent({ 'src/main/java/x/C.java': 'Page<User> list(Pageable pageable) { return repo.findAll(pageable); }\n' }, id, /Spring Data Pageable/));
    it('EF Skip/Take', () => assertPresent({ 'Controllers/C.cs': 'var items = db.Items.Skip((page - 1) * size).Take(size);\n' }, id, /Skip\(\)\.Take\(\)/));
    it('gin query', () => assertPresent({ 'handlers.go': 'package h\n\nfunc list(c *gin.Context) {\n\tpage := c.DefaultQuery("page", "1")\n}\n' }, id, /pagination parameter page/));
    it('Laravel paginate', () => assertPresent({ 'app/Http/Controllers/PostController.php': '<?php\nreturn Post::latest()->paginate(15);\n' }, id, /Laravel paginate\(\)/));
    it('kaminari', () => assertPresent({ 'Gemfile': "gem 'kaminari'\n" }, id, 'kaminari in Gemfile'));
    it('Rails offset/limit from params', () =>
      assertPresent({ 'app/controllers/articles_controller.rb': 'class ArticlesController < ApplicationController\n  def index\n    @articles = Article.offset(params[:offset] || 0).limit(params[:limit] || 20)\n  end\nend\n' }, id, /pagination \.offset\(params\[:offset\]/));
    it('Laravel offset from the request filters', () =>
      assertPresent({ 'app/Models/Article.php': "<?php\n$q->offset($filters['offset'])->limit($filters['limit']);\n" }, id, /pagination parameter offset read from the request/));
    it('near miss: a fixed limit in Rails and a constant offset in PHP', () =>
      assertAbsent({ 'app/controllers/home_controller.rb': 'class HomeController\n  def index\n    @top = Article.limit(5)\n  end\nend\n', 'app/Models/Top.php': '<?php\n$q->offset(10)->limit(5);\n' }, id));
    describe('near misses', () => {
      it('a limit without a page/offset, a LINQ Take alone, a paginate in a comment', () =>
        assertAbsent(
          {
            'app/main.py': 'def top(limit: int = 10):\n    pass\n',
            'Services/S.cs': 'var top = items.Take(5);\n',
            'app/Http/Controllers/C.php': '<?php\n// ->paginate(10)\n',
            'src/ui.js': 'const page = params.page;\n',
          },
          id,
        ));
    });
  });

  describe('api.client', () => {
    const id = 'api.client';
    it('axios next to Express', () => assertPresent({ 'package.json': '{"dependencies":{"express":"4","axios":"1"}}' }, id, 'axios in package.json (dependencies)'));
    it('httpx in a FastAPI project', () => assertPresent({ 'requirements.txt': 'fastapi\nhttpx\n' }, id, 'httpx in requirements.txt'));
    it('Spring WebClient', () =>
      assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-web</artifactId></dependency></dependencies></project>', 'src/main/java/x/C.java': 'WebClient client = WebClient.create("http://x");\n' }, id, /HTTP client WebClient\.create/));
    it('IHttpClientFactory', () =>
      assertPresent({ 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"></Project>', 'Services/Weather.cs': 'public Weather(IHttpClientFactory factory) {}\n' }, id, /HTTP client IHttpClientFactory/));
    it('Go net/http client in a server', () =>
      assertPresent({ 'go.mod': 'module x\n', 'main.go': 'package main\n\nfunc main() {\n\thttp.HandleFunc("/x", h)\n}\n', 'client.go': 'package main\n\nfunc call() {\n\treq, _ := http.NewRequestWithContext(ctx, "GET", u, nil)\n}\n' }, id, /net\/http client http\.NewRequestWithContext/));
    it('Guzzle used in Laravel code', () =>
      assertPresent({ 'composer.json': '{"require":{"laravel/framework":"^11","guzzlehttp/guzzle":"^7"}}', 'app/Services/Weather.php': '<?php\nuse GuzzleHttp\\Client;\n$client = new Client();\n' }, id, /^Guzzle HTTP client in app\/Services\/Weather.php:2$/));
    it('near miss: the Laravel skeleton declares guzzlehttp/guzzle before anyone calls it', () =>
      assertAbsent({ 'composer.json': '{"require":{"laravel/framework":"^8.65","guzzlehttp/guzzle":"^7.0.1"}}', 'app/Http/Controllers/Controller.php': '<?php\nclass Controller {}\n' }, id));
    it('Faraday in Rails', () => assertPresent({ 'Gemfile': "gem 'rails'\ngem 'faraday'\n" }, id, 'faraday in Gemfile'));
    it('reqwest next to axum', () => assertPresent({ 'Cargo.toml': '[dependencies]\naxum = "0.7"\nreqwest = "0.12"\n' }, id, /reqwest in Cargo\.toml/));
    describe('near misses', () => {
      it('axios in a browser app (React), requests in a script with no server', () =>
        assertAbsent({ 'web/package.json': '{"dependencies":{"react":"18","axios":"1"}}', 'scripts/requirements.txt': 'requests\n', 'scripts/fetch.py': 'import requests\n' }, id));
      it('an HttpClient in a console app without a web framework', () => assertAbsent({ 'Tool.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>', 'Program.cs': 'var c = new HttpClient();\n' }, id));
    });
  });

  describe('api.webhooks', () => {
    const id = 'api.webhooks';
    it('Stripe constructEvent (Node)', () =>
      assertPresent({ 'src/webhooks/stripe.ts': "const event = stripe.webhooks.constructEvent(req.body, req.headers['stripe-signature'], secret);\n" }, id, /webhook signature verified with stripe\.webhooks\.constructEvent\(\) in src\/webhooks\/stripe\.ts:1|webhooks\.constructEvent/));
    it('Stripe construct_event (Python)', () => assertPresent({ 'payments/views.py': 'event = stripe.Webhook.construct_event(payload, sig, secret)\n' }, id, /Webhook\.construct_event/));
    it('GitHub X-Hub-Signature with an HMAC (Express)', () =>
      assertPresent({ 'src/github.js': "const sig = req.get('X-Hub-Signature-256');\nconst digest = crypto.createHmac('sha256', secret).update(body).digest('hex');\n" }, id, 'webhook signature header checked with an HMAC in src/github.js:1'));
    it('HMAC then header (Go)', () =>
      assertPresent({ 'hook.go': 'package h\n\nfunc verify(r *http.Request) bool {\n\tmac := hmac.New(sha256.New, key)\n\treturn check(mac, r.Header.Get("X-Signature"))\n}\n' }, id, 'webhook signature header checked with an HMAC in hook.go:4'));
    it('Laravel hash_hmac with a signature header', () =>
      assertPresent({ 'app/Http/Controllers/HookController.php': "<?php\n$expected = hash_hmac('sha256', $payload, $secret);\n$given = $request->header('X-Signature');\n" }, id, /HookController\.php:2/));
    describe('near misses', () => {
      it('an HMAC without a signature header, a header sent by a client without an HMAC, a verification in a comment', () =>
        assertAbsent(
          {
            'src/tokens.js': "const mac = crypto.createHmac('sha256', key).update(id).digest('hex');\n",
            'src/send.js': "fetch(url, { headers: { 'X-Signature': sig } });\n",
            'src/hook.js': '// stripe.webhooks.constructEvent(body, sig, secret)\n',
          },
          id,
        ));
    });
  });
});
