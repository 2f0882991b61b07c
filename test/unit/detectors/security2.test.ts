import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('auth and security detectors, second wave', () => {
  describe('auth.rbac', () => {
    const id = 'auth.rbac';
    it('CASL and casbin', async () => {
      await assertPresent({ 'package.json': '{"dependencies":{"@casl/ability":"6"}}' }, id, '@casl/ability in package.json (dependencies)');
      await assertPresent({ 'go.mod': 'module x\nrequire github.com/casbin/casbin/v2 v2.80.0\n' }, id, /casbin\/v2 in go\.mod/);
    });
    it('a NestJS roles guard', () => assertPresent({ 'src/auth/roles.guard.ts': 'export class RolesGuard implements CanActivate {}\n' }, id, 'guard RolesGuard in src/auth/roles.guard.ts:1'));
    it('Express role middleware', () => assertPresent({ 'src/routes.js': "router.delete('/users/:id', requireRole('admin'), remove);\n" }, id, /requireRole\(\) role check/));
    it('a DRF permission class', () => assertPresent({ 'api/permissions.py': 'class IsOwner(permissions.BasePermission):\n    pass\n' }, id, 'permission class IsOwner in api/permissions.py:1'));
    it('a FastAPI/Django superuser gate', () => assertPresent({ 'app/api/deps.py': 'def get_current_active_superuser(user):\n    if not user.is_superuser:\n        raise HTTPException(status_code=403)\n    return user\n' }, id, 'is_superuser check in app/api/deps.py:2'));
    it('Spring @PreAuthorize', () => assertPresent({ 'src/main/java/x/AdminController.java': 'class AdminController {\n  @PreAuthorize("hasRole(\'ADMIN\')")\n  void purge() {}\n}\n' }, id, /@PreAuthorize in/));
    it('ASP.NET roles', () => assertPresent({ 'Controllers/AdminController.cs': '[Authorize(Roles = "Admin")]\npublic class AdminController {}\n' }, id, /\[Authorize\(Roles = …\)\]/));
    it('Laravel Gate and policies', () => assertPresent({ 'app/Providers/AuthServiceProvider.php': "<?php\nGate::define('edit-post', fn ($u, $p) => $u->id === $p->user_id);\n" }, id, /Gate::define\(\)/));
    it('Pundit', () => assertPresent({ Gemfile: "gem 'pundit'\n" }, id, 'pundit in Gemfile'));
    it('not a login check, a role in a comment or a test, nor a bare [Authorize]', () =>
      assertAbsent(
        {
          'src/auth.ts': '// TODO: requireRole("admin")\nexport const isLoggedIn = (req) => Boolean(req.user);\n',
          'Controllers/A.cs': '[Authorize]\npublic class A {}\n',
          'test/auth.test.ts': "requireRole('admin');\n",
          'tests/test_perm.py': 'class IsOwner(permissions.BasePermission):\n    pass\n',
          'app/serializers.py': 'is_superuser = user.is_superuser\n',
        },
        id,
      ));
  });

  describe('security.headers', () => {
    const id = 'security.headers';
    it('helmet', () => assertPresent({ 'package.json': '{"dependencies":{"helmet":"7"}}' }, id, 'helmet in package.json (dependencies)'));
    it('a CSP header set in code', () => assertPresent({ 'src/server.js': "res.setHeader('Content-Security-Policy', \"default-src 'self'\");\n" }, id, /Content-Security-Policy header set in src\/server\.js:1/));
    it('Django SECURE_* settings', () => assertPresent({ 'mysite/settings.py': 'SECURE_HSTS_SECONDS = 31536000\n' }, id, 'Django SECURE_HSTS_SECONDS setting in mysite/settings.py:1'));
    it('Spring Security CSP', () => assertPresent({ 'src/main/java/x/SecurityConfig.java': 'http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src \'self\'")));\n' }, id, /Spring Security contentSecurityPolicy\(\)/));
    it('Rails protect_from_forgery of the learner', () => assertPresent({ 'app/controllers/api_controller.rb': 'class ApiController < ActionController::Base\n  protect_from_forgery with: :null_session\nend\n' }, id, /protect_from_forgery/));
    it('ASP.NET AddHsts', () => assertPresent({ 'Program.cs': 'builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));\n' }, id, /AddHsts\(\)/));
    it('nginx add_header', () => assertPresent({ 'nginx/site.conf': 'server {\n  add_header Strict-Transport-Security "max-age=63072000" always;\n}\n' }, id, /nginx add_header Strict-Transport-Security/));
    it('not generated Django middleware, UseHsts from the template, Rails’ old generated line, CSRF disabled, a comment', () =>
      assertAbsent(
        {
          'mysite/settings.py': "MIDDLEWARE = [\n    'django.middleware.security.SecurityMiddleware',\n    'django.middleware.csrf.CsrfViewMiddleware',\n]\n# SECURE_HSTS_SECONDS = 3600\n",
          'Program.cs': 'app.UseHsts();\napp.UseHttpsRedirection();\n',
          'app/controllers/application_controller.rb': 'class ApplicationController < ActionController::Base\n  protect_from_forgery with: :exception\nend\n',
          'src/main/java/x/SecurityConfig.java': 'http.csrf(c -> c.disable()).headers(h -> h.frameOptions(f -> f.disable()));\n',
          'src/log.js': 'logger.warn("Content-Security-Policy missing");\n',
        },
        id,
      ));
  });

  describe('security.secrets', () => {
    const id = 'security.secrets';
    it('a CI secret', () => assertPresent({ '.github/workflows/deploy.yml': 'jobs:\n  d:\n    steps:\n      - run: ./deploy\n        env:\n          TOKEN: ${{ secrets.FLY_API_TOKEN }}\n' }, id, 'CI secret FLY_API_TOKEN in .github/workflows/deploy.yml:6'));
    it('Vault and cloud secret managers', async () => {
      await assertPresent({ 'requirements.txt': 'hvac\n' }, id, 'hvac in requirements.txt');
      await assertPresent({ 'package.json': '{"dependencies":{"@aws-sdk/client-secrets-manager":"3"}}' }, id, /client-secrets-manager/);
      await assertPresent({ 'Api.csproj': '<Project><ItemGroup><PackageReference Include="Azure.Security.KeyVault.Secrets" Version="4" /></ItemGroup></Project>' }, id, /KeyVault\.Secrets/);
    });
    it('SOPS, sealed secrets and Kubernetes secret refs', async () => {
      await assertPresent({ '.sops.yaml': 'creation_rules:\n  - age: age1x\n' }, id, 'SOPS configuration .sops.yaml');
      await assertPresent({ 'k8s/db.yaml': 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\n' }, id, 'SealedSecret in k8s/db.yaml:2');
      await assertPresent({ 'k8s/app.yaml': 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: db\n' }, id, 'secretKeyRef in k8s/app.yaml:10');
    });
    it('Compose secrets and BuildKit secret mounts', async () => {
      await assertPresent({ 'compose.yaml': 'services:\n  db:\n    image: postgres\n    secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db_password.txt\n' }, id, 'Compose secrets in compose.yaml:5');
      await assertPresent({ Dockerfile: 'FROM node:20\nRUN --mount=type=secret,id=npmrc npm ci\n' }, id, 'BuildKit secret mount in Dockerfile:2');
    });
    it('not GITHUB_TOKEN, a commented secret, a plain Kubernetes Secret with data, nor boto3 alone', () =>
      assertAbsent(
        {
          '.github/workflows/ci.yml': 'jobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.GITHUB_TOKEN }}\n      # key: ${{ secrets.OLD_KEY }}\n',
          'k8s/secret.yaml': 'apiVersion: v1\nkind: Secret\ndata:\n  password: cGFzcw==\n',
          'requirements.txt': 'boto3\n',
          'compose.yaml': 'services:\n  app:\n    image: x\n    environment:\n      SECRET_KEY: dev\n',
        },
        id,
      ));
  });

  describe('security.tls', () => {
    const id = 'security.tls';
    it('nginx ssl_certificate', () => assertPresent({ 'deploy/nginx/site.conf': 'server {\n  listen 443 ssl;\n  ssl_certificate /etc/letsencrypt/live/x/fullchain.pem;\n}\n' }, id, 'ssl_certificate in deploy/nginx/site.conf:3'));
    it('a Caddy site with a domain', () => assertPresent({ Caddyfile: 'api.example.org {\n  reverse_proxy app:3000\n}\n' }, id, 'Caddy site api.example.org (automatic HTTPS) in Caddyfile:1'));
    it('Traefik certresolver and cert-manager', async () => {
      await assertPresent({ 'docker-compose.yml': 'services:\n  app:\n    labels:\n      - traefik.http.routers.app.tls.certresolver=le\n' }, id, /certresolver/);
      await assertPresent({ 'k8s/issuer.yaml': 'apiVersion: cert-manager.io/v1\nkind: ClusterIssuer\n' }, id, /cert-manager\.io/);
    });
    it('Spring server.ssl', () => assertPresent({ 'src/main/resources/application.properties': 'server.ssl.key-store=classpath:keystore.p12\n' }, id, 'Spring server.ssl in src/main/resources/application.properties:1'));
    it('Node https.createServer and Go ListenAndServeTLS', async () => {
      await assertPresent({ 'src/server.js': "https.createServer({ key, cert }, app).listen(443);\n" }, id, /https\.createServer\(\)/);
      await assertPresent({ 'main.go': 'package main\n\nfunc main() { http.ListenAndServeTLS(":443", "c.pem", "k.pem", nil) }\n' }, id, /ListenAndServeTLS/);
    });
    it('Kestrel certificate', () => assertPresent({ 'appsettings.json': '{"Kestrel":{"Endpoints":{"Https":{"Url":"https://*:5001","Certificate":{"Path":"c.pfx"}}}}}' }, id, /Kestrel certificate/));
    it('not a localhost Caddy site, a commented certificate, UseHttpsRedirection, an SMTP client StartTLS, nor an HTTPS URL', () =>
      assertAbsent(
        {
          Caddyfile: 'localhost {\n  reverse_proxy app:3000\n}\n:8080 {\n}\n',
          'nginx/site.conf': 'server {\n  # ssl_certificate /x.pem;\n  listen 80;\n}\n',
          'Program.cs': 'app.UseHttpsRedirection();\nlistenOptions.UseHttps();\n',
          'mail.go': 'package mail\n\nfunc send() { c.StartTLS(cfg) }\n',
          'src/client.js': "fetch('https://api.example.org');\n",
        },
        id,
      ));
  });
});
