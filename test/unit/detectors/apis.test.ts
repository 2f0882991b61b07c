import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('API detectors', () => {
  describe('api.rest', () => {
    const id = 'api.rest';
    it('Express', () =>
      assertPresent({ 'src/app.js': "const app = express();\n\napp.get('/users', (req, res) => res.json([]));\n" }, id, "route app.get('/users') in src/app.js:3"));
    it('Express router in TypeScript', () => assertPresent({ 'src/routes/users.ts': "export const usersRouter = Router();\nusersRouter.post(`/`, create);\n" }, id, "route usersRouter.post('/') in src/routes/users.ts:2"));
    it('NestJS controller', () => assertPresent({ 'src/users/users.controller.ts': "@Controller('users')\nexport class UsersController {\n  @Get(':id')\n  findOne() {}\n}\n" }, id, "route @Get(':id') in src/users/users.controller.ts:3"));
    it('Next.js route handler', () => assertPresent({ 'app/api/users/route.ts': 'export async function GET(request: Request) {\n  return Response.json([]);\n}\n' }, id, 'route handler GET in app/api/users/route.ts:1'));
    it('FastAPI', () => assertPresent({ 'app/main.py': 'app = FastAPI()\n\n@app.get("/items/{item_id}")\nasync def read_item(item_id: int):\n    return {}\n' }, id, "route @app.get('/items/{item_id}') in app/main.py:3"));
    it('Flask blueprint', () => assertPresent({ 'app/views.py': "@bp.route('/login', methods=['POST'])\ndef login():\n    pass\n" }, id, "route @bp.route('/login') in app/views.py:1"));
    it('Django urls.py', () =>
      assertPresent({ 'shop/urls.py': "urlpatterns = [\n    path('admin/', admin.site.urls),\n    path('products/', views.product_list),\n]\n" }, id, "route path('products/', views.product_list) in shop/urls.py:3"));
    it('Go net/http', () => assertPresent({ 'main.go': 'package main\n\nfunc main() {\n\thttp.HandleFunc("/health", health)\n}\n' }, id, 'route http.HandleFunc("/health") in main.go:4'));
    it('Go 1.22 method patterns', () => assertPresent({ 'cmd/api/main.go': 'package main\n\nfunc routes(mux *http.ServeMux) {\n\tmux.HandleFunc("GET /users/{id}", getUser)\n}\n' }, id, 'route mux.HandleFunc("GET /users/{id}") in cmd/api/main.go:4'));
    it('gin', () => assertPresent({ 'main.go': 'package main\n\nfunc main() {\n\tr := gin.Default()\n\tr.GET("/ping", ping)\n}\n' }, id, 'route r.GET("/ping") in main.go:5'));
    it('Spring', () =>
      assertPresent({ 'src/main/java/com/x/UserController.java': '@RestController\nclass UserController {\n  @GetMapping("/users")\n  List<User> all() { return List.of(); }\n}\n' }, id, 'route @GetMapping("/users") in src/main/java/com/x/UserController.java:3'));
    it('Ktor routing', () => assertPresent({ 'src/main/kotlin/Routing.kt': 'fun Application.routes() {\n  routing {\n    get("/hello") {\n      call.respondText("hi")\n    }\n  }\n}\n' }, id, 'route get("/hello") in src/main/kotlin/Routing.kt:3'));
    it('ASP.NET Core controller', () => assertPresent({ 'Controllers/OrdersController.cs': '[ApiController]\npublic class OrdersController {\n  [HttpPost("{id}")]\n  public IActionResult Create() => Ok();\n}\n' }, id, 'route [HttpPost("{id}")] in Controllers/OrdersController.cs:3'));
    it('ASP.NET Core minimal API', () => assertPresent({ 'Program.cs': 'var app = builder.Build();\napp.MapGet("/todos", () => todos);\n' }, id, 'route app.MapGet("/todos") in Program.cs:2'));
    it('Laravel', () => assertPresent({ 'routes/api.php': "<?php\nRoute::get('/orders', [OrderController::class, 'index']);\n" }, id, "route Route::get('/orders') in routes/api.php:2"));
    it('Symfony attribute', () => assertPresent({ 'src/Controller/BlogController.php': "<?php\nclass BlogController {\n    #[Route('/blog', name: 'blog')]\n    public function list() {}\n}\n" }, id, "route #[Route('/blog')] in src/Controller/BlogController.php:3"));
    it('Sinatra', () => assertPresent({ 'app.rb': "require 'sinatra'\n\nget '/hello' do\n  'hi'\nend\n" }, id, "route get '/hello' in app.rb:3"));
    it('Rails routes.rb', () =>
      assertPresent({ 'config/routes.rb': 'Rails.application.routes.draw do\n  get "up" => "rails/health#show", as: :rails_health_check\n  resources :articles\nend\n' }, id, 'route resources :articles in config/routes.rb:3'));
    it('actix-web', () => assertPresent({ 'src/main.rs': '#[get("/hello")]\nasync fn hello() -> impl Responder { "hi" }\n' }, id, 'route #[get("/hello")] in src/main.rs:1'));
    it('axum', () => assertPresent({ 'src/main.rs': 'let app = Router::new()\n    .route("/users", get(list_users));\n' }, id, 'route .route("/users") in src/main.rs:2'));

    describe('near misses', () => {
      it('a route in a comment', () => assertAbsent({ 'src/app.js': "// TODO: app.get('/users', handler)\n/* app.post('/x', h) */\n" }, id));
      it('a route only inside a string', () => assertAbsent({ 'src/app.js': 'console.log("app.get(\'/users\', handler)");\n' }, id));
      it('a route in a Python docstring or comment', () => assertAbsent({ 'main.py': '"""\n@app.get("/x")\n"""\n# @app.post("/y")\n' }, id));
      it('an HTTP client call', () => assertAbsent({ 'src/api.js': "axios.get('/users', { params });\napi.get('/users', opts);\nhttp.get('/x', cb);\n" }, id));
      it('Go http.Get client call', () => assertAbsent({ 'main.go': 'package main\nfunc f() { resp, _ := http.Get("/x") ; _ = resp }\n' }, id));
      it('routes only under node_modules, dist or vendor', () =>
        assertAbsent({ 'node_modules/x/index.js': "app.get('/x', h);\n", 'dist/app.js': "app.get('/x', h);\n", 'vendor/x/routes.php': "<?php Route::get('/x', 'h');\n" }, id));
      it('routes only in test files', () => assertAbsent({ 'test/app.test.js': "app.get('/x', h);\n", 'src/app.spec.ts': "router.get('/y', h);\n" }, id));
      it('the routes that generators write (Django admin, Rails health, Laravel welcome, dotnet weatherforecast)', () =>
        assertAbsent(
          {
            'mysite/urls.py': "urlpatterns = [\n    path('admin/', admin.site.urls),\n]\n",
            'config/routes.rb': 'Rails.application.routes.draw do\n  get "up" => "rails/health#show", as: :rails_health_check\n  # root "posts#index"\nend\n',
            'routes/web.php': "<?php\nRoute::get('/', function () {\n    return view('welcome');\n});\n",
            'Program.cs': 'app.MapGet("/weatherforecast", () => forecast);\n',
          },
          id,
        ));
      it('a file larger than the size cap', () => assertAbsent({ 'src/big.js': `${'// filler\n'.repeat(30_000)}app.get('/x', h);\n` }, id));
    });
  });

  describe('api.openapi', () => {
    const id = 'api.openapi';
    it('openapi.yaml', () => assertPresent({ 'docs/openapi.yaml': 'openapi: 3.0.3\ninfo:\n  title: x\n' }, id, 'OpenAPI document docs/openapi.yaml'));
    it('swagger.json', () => assertPresent({ 'swagger.json': '{\n  "swagger": "2.0"\n}' }, id, 'Swagger document swagger.json'));
    it('FastAPI counts', () => assertPresent({ 'requirements.txt': 'fastapi==0.111\n' }, id, 'fastapi in requirements.txt'));
    it('springdoc', () => assertPresent({ 'build.gradle': "dependencies {\n  implementation 'org.springdoc:springdoc-openapi-starter-webmvc-ui:2.5.0'\n}\n" }, id, /^org\.springdoc:springdoc-openapi-starter-webmvc-ui in build\.gradle/));
    it('Swashbuckle', () => assertPresent({ 'Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Swashbuckle.AspNetCore" Version="6.5.0" /></ItemGroup></Project>' }, id, 'Swashbuckle.AspNetCore in Api.csproj (PackageReference)'));
    it('not a file named openapi.yaml that is no OpenAPI document', () => assertAbsent({ 'openapi.yaml': '# openapi: 3.0\nname: generator config\n' }, id));
  });

  describe('api.graphql', () => {
    const id = 'api.graphql';
    it('a schema file', () => assertPresent({ 'src/schema.graphql': 'type Query {\n  users: [User!]!\n}\n' }, id, 'GraphQL schema src/schema.graphql'));
    it('Apollo Server', () => assertPresent({ 'package.json': '{"dependencies":{"@apollo/server":"4"}}' }, id, '@apollo/server in package.json (dependencies)'));
    it('strawberry', () => assertPresent({ 'requirements.txt': 'strawberry-graphql[fastapi]==0.230\n' }, id, 'strawberry-graphql in requirements.txt'));
    it('gqlgen', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/99designs/gqlgen v0.17.49\n' }, id, 'github.com/99designs/gqlgen in go.mod (require)'));
    it('not client queries, nor the bare graphql package of a frontend', () =>
      assertAbsent({ 'src/queries/user.graphql': 'query GetUser($id: ID!) {\n  user(id: $id) { name }\n}\n', 'package.json': '{"dependencies":{"graphql":"16","@apollo/client":"3"}}' }, id));
  });

  describe('api.grpc', () => {
    const id = 'api.grpc';
    it('a .proto service', () => assertPresent({ 'proto/users.proto': 'syntax = "proto3";\n\nservice Users {\n  rpc Get (GetRequest) returns (User);\n}\n' }, id, 'gRPC service Users in proto/users.proto:3'));
    it('grpc-go', () => assertPresent({ 'go.mod': 'module x\nrequire google.golang.org/grpc v1.64.0\n' }, id, 'google.golang.org/grpc in go.mod (require)'));
    it('tonic', () => assertPresent({ 'Cargo.toml': '[dependencies]\ntonic = "0.11"\n' }, id, 'tonic in Cargo.toml (dependencies)'));
    it('not a .proto with messages only, nor a commented-out service', () =>
      assertAbsent({ 'events.proto': 'syntax = "proto3";\n// service Later {}\nmessage Event {\n  string id = 1;\n}\n' }, id));
  });

  describe('api.realtime', () => {
    const id = 'api.realtime';
    it('socket.io', () => assertPresent({ 'package.json': '{"dependencies":{"socket.io":"4"}}' }, id, 'socket.io in package.json (dependencies)'));
    it('Server-Sent Events in Express', () =>
      assertPresent({ 'src/server.js': "res.writeHead(200, {\n  'Content-Type': 'text/event-stream',\n});\n" }, id, 'Server-Sent Events (Content-Type: text/event-stream) in src/server.js:2'));
    it('FastAPI websocket endpoint', () => assertPresent({ 'app/main.py': '@app.websocket("/ws")\nasync def ws(websocket):\n    pass\n' }, id, 'WebSocket endpoint @app.websocket( in app/main.py:1'));
    it('gorilla/websocket', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/gorilla/websocket v1.5.1\n' }, id, 'github.com/gorilla/websocket in go.mod (require)'));
    it('Spring SseEmitter', () => assertPresent({ 'src/main/java/x/Events.java': 'class Events {\n  SseEmitter stream() { return new SseEmitter(); }\n}\n' }, id, 'SseEmitter in src/main/java/x/Events.java:2'));
    it('SignalR', () => assertPresent({ 'Program.cs': 'builder.Services.AddSignalR();\napp.MapHub<ChatHub>("/chat");\n' }, id, 'AddSignalR in Program.cs:1'));
    it('not an EventSource client mention in a comment or a string', () =>
      assertAbsent({ 'src/client.js': "// server sends 'Content-Type': 'text/event-stream'\nconst s = \"'Content-Type': 'text/event-stream'\";\n" }, id));
  });
});
