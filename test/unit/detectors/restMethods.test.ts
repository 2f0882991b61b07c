import * as assert from 'node:assert/strict';
import { assertAbsent, assertPresent, detect } from '../helpers/scanFixtures';

const id = 'api.rest-methods';

describe('api.rest-methods', () => {
  it('Express: GET, POST and DELETE across files', async () => {
    const result = await assertPresent(
      {
        'src/routes/users.js': "router.get('/users', list);\nrouter.post('/users', create);\n",
        'src/routes/items.js': "router.delete('/items/:id', remove);\n",
      },
      id,
      "GET: route router.get('/users') in src/routes/users.js:1",
    );
    assert.equal(result.evidence.length, 3);
  });
  it('Express app.route() chain', () => assertPresent({ 'src/app.js': "app.route('/books').get(list).post(create).put(update);\n" }, id, /^PUT: /));
  it('NestJS controller', () =>
    assertPresent({ 'src/cats/cats.controller.ts': "@Controller('cats')\nclass C {\n  @Get()\n  all() {}\n  @Post()\n  add() {}\n  @Patch(':id')\n  edit() {}\n}\n" }, id, /^PATCH: route @Patch\(':id'\)/));
  it('Flask routes with methods=', () =>
    assertPresent({ 'app/views.py': "@bp.route('/todos', methods=['GET', 'POST'])\ndef todos():\n    pass\n\n@bp.delete('/todos/<id>')\ndef rm(id):\n    pass\n" }, id, /^DELETE: route @bp\.delete/));
  it('DRF ModelViewSet counts for every method', () => assertPresent({ 'api/views.py': 'class NoteViewSet(viewsets.ModelViewSet):\n    queryset = Note.objects.all()\n' }, id, /^GET: view class NoteViewSet in api\/views\.py:1$/));
  it('Django class-based view methods', () =>
    assertPresent({ 'shop/views.py': 'class Cart(APIView):\n    def get(self, request):\n        pass\n    def post(self, request):\n        pass\n    def delete(self, request, pk):\n        pass\n' }, id, /^DELETE: view method delete\(\)/));
  it('Go 1.22 method patterns', () =>
    assertPresent({ 'main.go': 'package main\n\nfunc routes(mux *http.ServeMux) {\n\tmux.HandleFunc("GET /a", a)\n\tmux.HandleFunc("POST /a", b)\n\tmux.HandleFunc("PUT /a/{id}", c)\n}\n' }, id, /^PUT: route mux\.HandleFunc\("PUT \/a\/\{id\}"\)/));
  it('gorilla/mux .Methods()', () =>
    assertPresent({ 'main.go': 'package main\n\nfunc routes(r *mux.Router) {\n\tr.HandleFunc("/a", a).Methods("GET", "POST")\n\tr.HandleFunc("/a/{id}", c).Methods(http.MethodDelete)\n}\n' }, id, /^DELETE: /));
  it('Spring with @RequestMapping(method = …)', () =>
    assertPresent(
      { 'src/main/java/x/C.java': '@RestController\n@RequestMapping("/api")\nclass C {\n  @GetMapping("/a") A a() {}\n  @PostMapping("/a") A b() {}\n  @RequestMapping(value = "/a", method = RequestMethod.PUT) A c() {}\n}\n' },
      id,
      /^PUT: route @RequestMapping\("\/a"\)/,
    ));
  it('ASP.NET minimal API', () => assertPresent({ 'Program.cs': 'app.MapGet("/t", () => 1);\napp.MapPost("/t", () => 1);\napp.MapDelete("/t/{id}", () => 1);\n' }, id, /^DELETE: route app\.MapDelete/));
  it('Laravel apiResource', () => assertPresent({ 'routes/api.php': "<?php\nRoute::apiResource('posts', PostController::class);\n" }, id, /^GET: route Route::apiResource\('posts'\)/));
  it('Rails resources', () => assertPresent({ 'config/routes.rb': 'Rails.application.routes.draw do\n  resources :articles\nend\n' }, id, /^POST: route resources :articles/));
  it('axum chained method routers', () => assertPresent({ 'src/main.rs': 'let app = Router::new()\n    .route("/users", get(list).post(create))\n    .route("/users/:id", delete(remove));\n' }, id, /^DELETE: route \.route\("\/users\/:id"\)/));

  describe('near misses', () => {
    it('two methods only', () => assertAbsent({ 'src/app.js': "app.get('/a', h);\napp.post('/a', h);\napp.get('/b', h);\n" }, id));
    it('Rails resources limited to reads', () => assertAbsent({ 'config/routes.rb': 'Rails.application.routes.draw do\n  resources :articles, only: [:index, :show]\n  post "login", to: "sessions#create"\nend\n' }, id));
    it('Django function views without method info, and a read-only viewset', () =>
      assertAbsent({ 'shop/urls.py': "urlpatterns = [\n    path('a/', views.a),\n    path('b/', views.b),\n]\n", 'shop/views.py': 'class Notes(viewsets.ReadOnlyModelViewSet):\n    pass\n' }, id));
    it('methods only in tests, comments or the generated Nest controller', () =>
      assertAbsent(
        {
          'test/app.test.js': "app.put('/x', h);\napp.delete('/x', h);\n",
          'src/app.js': "app.get('/x', h);\n// app.post('/x', h)\n",
          'src/app.controller.ts': '@Controller()\nexport class AppController {\n  @Post()\n  getHello(): string { return this.s.getHello(); }\n}\n',
        },
        id,
      ));
    it('net/http HandleFunc without methods, Laravel any()', async () => {
      const result = await detect({ 'main.go': 'package main\n\nfunc main() {\n\thttp.HandleFunc("/a", a)\n\thttp.HandleFunc("/b", b)\n}\n', 'routes/api.php': "<?php\nRoute::any('/c', fn () => 1);\nRoute::get('/d', fn () => 1);\n" }, id);
      assert.equal(result.present, false);
    });
  });
});
