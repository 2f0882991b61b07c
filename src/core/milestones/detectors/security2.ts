import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import { isTestPath } from '../sourceLanguages';
import { ownFile } from './common';
import { uncommentedMatch } from './contentMatchers';

/** Configuration and source of the project itself (not its tests or fixtures). */
function ownConfig(path: string): boolean {
  return ownFile(path) && !isTestPath(path);
}

const rbac = signalDetector({
  id: 'auth.rbac',
  dependencies: {
    npm: ['@casl/ability', 'casbin', 'accesscontrol', 'role-acl', '@permify/permify-node', 'oso'],
    pypi: ['casbin', 'django-guardian', 'django-role-permissions', 'flask-principal', 'oso', 'fastapi-permissions'],
    go: ['github.com/casbin/casbin', 'github.com/osohq/go-oso'],
    maven: ['org.casbin:jcasbin'],
    nuget: ['Casbin.NET'],
    composer: ['spatie/laravel-permission', 'casbin/casbin', 'santigarcor/laratrust', 'silber/bouncer'],
    rubygems: ['pundit', 'cancancan', 'rolify', 'action_policy', 'access-granted'],
    cargo: ['casbin', 'oso'],
  },
  sources: [
    // NestJS: a roles decorator or a guard of the learner's; Express: role middleware called with roles.
    { languages: ['js'], pattern: /@Roles\s*\(|\bclass[ \t]+(\w*(?:Roles?|Permissions?)Guard)\b/g, describe: (m) => (m[1] === undefined ? '@Roles()' : `guard ${m[1]}`) },
    { languages: ['js'], pattern: /\b(authorizeRoles|restrictTo|requireRoles?|checkRoles?|requirePermissions?)\s*\(\s*['"[]/g, describe: (m) => `${m[1] ?? ''}() role check` },
    {
      // Django / DRF: permission checks and permission classes of the project's own.
      languages: ['python'],
      pattern: /@permission_required\s*\(|\bPermissionRequiredMixin\b|\.has_perm\s*\(|\bclass[ \t]+(\w+)\([^)\n]*\bBasePermission\)|\bgroups\.filter\s*\(\s*name\s*=|\bif[ \t]+not[ \t]+[\w.]+\.(is_superuser|is_staff|is_admin)\b/g,
      describe: (m) => (m[1] !== undefined ? `permission class ${m[1]}` : m[2] !== undefined ? `${m[2]} check` : m[0].replace(/\s*\($/, '')),
    },
    {
      languages: ['java', 'kotlin'],
      pattern: /@(PreAuthorize|PostAuthorize|Secured|RolesAllowed)\b|\.(hasRole|hasAnyRole|hasAuthority|hasAnyAuthority)\s*\(/g,
      describe: (m) => (m[1] === undefined ? `${m[2] ?? ''}()` : `@${m[1]}`),
    },
    {
      languages: ['csharp'],
      pattern: /\[Authorize\s*\(\s*(Roles|Policy)\s*=|\.(AddPolicy|RequireRole|IsInRole)\s*\(/g,
      describe: (m) => (m[1] === undefined ? `${m[2] ?? ''}()` : `[Authorize(${m[1]} = …)]`),
    },
    {
      languages: ['php'],
      pattern: /\bGate::(define|allows|denies|authorize|policy)\s*\(|\$this->authorize\s*\(|\bclass[ \t]+(\w+Policy)\b/g,
      describe: (m) => (m[1] !== undefined ? `Gate::${m[1]}()` : m[2] !== undefined ? `policy ${m[2]}` : '$this->authorize()'),
    },
    { languages: ['ruby'], pattern: /^[ \t]*(load_and_authorize_resource|authorize_resource|after_action[ \t]+:verify_authorized)\b/gm, describe: (m) => m[1] ?? '' },
  ],
  sourceHint: /auth|guard|polic|permission|role|security|access/,
});

const SECURITY_HEADER = /(['"])(Strict-Transport-Security|Content-Security-Policy|X-Frame-Options|X-Content-Type-Options|Referrer-Policy|Permissions-Policy)\1\s*[,:=]/g;

const headers = signalDetector({
  id: 'security.headers',
  files: [
    {
      rule: { extensions: ['.conf', '.conf.template'], where: (path) => ownConfig(path) && /nginx|sites-|conf\.d/i.test(path), globs: ['**/*nginx*/**/*.conf', '**/*nginx*.conf', '**/conf.d/*.conf', '**/sites-*/**', '**/*.conf.template'] },
      content: uncommentedMatch(/^[ \t]*add_header[ \t]+(Strict-Transport-Security|Content-Security-Policy|X-Frame-Options|X-Content-Type-Options)\b/gim, 'hash', (m, path, line) => `nginx add_header ${m[1] ?? ''} in ${path}:${line}`),
    },
  ],
  dependencies: {
    npm: ['helmet', '@fastify/helmet', 'fastify-helmet', 'koa-helmet', 'lusca', 'csurf', '@fastify/csrf-protection', 'csrf-csrf', 'csrf-sync', 'tiny-csrf', 'hono-secure-headers'],
    pypi: ['django-csp', 'flask-talisman', 'talisman', 'secure', 'flask-seasurf', 'starlette-csrf', 'fastapi-csrf-protect'],
    go: ['github.com/unrolled/secure', 'github.com/gorilla/csrf', 'github.com/justinas/nosurf', 'github.com/gin-contrib/secure', 'github.com/utrack/gin-csrf'],
    nuget: ['NWebsec.AspNetCore.Middleware', 'NetEscapades.AspNetCore.SecurityHeaders'],
    composer: ['bepsvpt/secure-headers', 'spatie/laravel-csp', 'paragonie/csp-builder'],
    rubygems: ['secure_headers'],
  },
  sources: [
    { languages: ['js', 'python', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby', 'rust'], pattern: SECURITY_HEADER, describe: (m) => `${m[2] ?? ''} header set` },
    {
      // Django settings the generated project does not write (its SecurityMiddleware and CsrfViewMiddleware lines do not count).
      languages: ['python'],
      pattern: /^(SECURE_(?:HSTS_SECONDS|HSTS_INCLUDE_SUBDOMAINS|SSL_REDIRECT|CONTENT_TYPE_NOSNIFF|BROWSER_XSS_FILTER|REFERRER_POLICY|PROXY_SSL_HEADER)|CSRF_COOKIE_SECURE|CSRF_COOKIE_HTTPONLY|SESSION_COOKIE_SECURE|CSP_DEFAULT_SRC|CONTENT_SECURITY_POLICY)[ \t]*=/gm,
      describe: (m) => `Django ${m[1] ?? ''} setting`,
    },
    { languages: ['python'], pattern: /\bCSRFProtect\s*\(|\bTalisman\s*\(/g, describe: (m) => `${m[0].replace(/\s*\($/, '')}()` },
    {
      // Spring Security header and CSRF-token configuration (disabling CSRF or frame options is not protection).
      languages: ['java', 'kotlin'],
      pattern: /\.(contentSecurityPolicy|httpStrictTransportSecurity|referrerPolicy|permissionsPolicy|xssProtection|csrfTokenRepository)\s*\(|\bCookieCsrfTokenRepository\b/g,
      describe: (m) => (m[1] === undefined ? 'CookieCsrfTokenRepository' : `Spring Security ${m[1]}()`),
    },
    {
      // The ASP.NET templates write app.UseHsts(); configuring HSTS or antiforgery is the learner's own.
      languages: ['csharp'],
      pattern: /\.(AddHsts|AddAntiforgery)\s*\(|\[(ValidateAntiForgeryToken|AutoValidateAntiforgeryToken)\]/g,
      describe: (m) => (m[1] === undefined ? `[${m[2] ?? ''}]` : `${m[1]}()`),
    },
    {
      // Rails: CSP configured (the generated initializer is all comments), or CSRF protection written by the learner.
      languages: ['ruby'],
      pattern: /\.content_security_policy[ \t]+do\b|\bprotect_from_forgery\b/g,
      describe: (m) => (m[0].startsWith('.') ? 'content_security_policy configured' : 'protect_from_forgery'),
      unless: /^protect_from_forgery[ \t]+with:[ \t]*:exception[ \t]*\n/,
    },
    { languages: ['php'], pattern: /->headers->set\s*\(\s*(['"])(?:Strict-Transport-Security|Content-Security-Policy|X-Frame-Options)\1/g, describe: () => 'security header set' },
  ],
  sourceHint: /app|main|server|program|startup|config|security|middleware|settings|header/,
});

/** `secrets.GITHUB_TOKEN` is provided by GitHub itself; any other secret was stored by the project. */
const CI_SECRET = /\$\{\{\s*secrets\.(?!GITHUB_TOKEN\b)([A-Za-z_][\w]*)\s*\}\}/g;

const secrets = signalDetector({
  id: 'security.secrets',
  files: [
    { rule: { names: ['.sops.yaml', '.sops.yml'], where: ownFile, globs: ['**/.sops.{yaml,yml}'] }, describe: (path) => `SOPS configuration ${path}` },
    {
      rule: { extensions: ['.yml', '.yaml'], where: (path) => /(^|\/)\.github\/workflows\/[^/]+$/.test(path), globs: ['**/.github/workflows/*.{yml,yaml}'] },
      content: uncommentedMatch(CI_SECRET, 'hash', (m, path, line) => `CI secret ${m[1] ?? ''} in ${path}:${line}`),
    },
    {
      // Kubernetes: sealed or external secrets, and workloads that read a Secret into the environment.
      rule: { extensions: ['.yml', '.yaml'], where: (path) => ownConfig(path) && !/(^|\/)\.github\//.test(path), globs: ['**/*.{yml,yaml}'] },
      content: uncommentedMatch(/^kind:[ \t]*(SealedSecret|ExternalSecret|SecretProviderClass)\b|^[ \t]*(secretKeyRef|secretRef):/gm, 'hash', (m, path, line) => `${m[1] ?? m[2] ?? ''} in ${path}:${line}`),
      maxReads: 120,
      prefer: /k8s|kube|deploy|helm|manifests|charts|secret/,
    },
    {
      // Compose secrets: a top-level `secrets:` block with a file or external source.
      rule: { namePattern: /^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/, where: ownFile, globs: ['**/{docker-compose,compose}*.{yml,yaml}'] },
      content: uncommentedMatch(/^secrets:[ \t]*\n(?:[ \t]*\n|[ \t]+.*\n)*?[ \t]+(?:file|external|environment):/gm, 'hash', (_m, path, line) => `Compose secrets in ${path}:${line}`),
    },
    {
      // BuildKit secret mounts keep credentials out of image layers.
      rule: { namePattern: /^(dockerfile|containerfile)([.-][\w.-]+)?$|\.dockerfile$/, where: ownFile, globs: ['**/{Dockerfile,Dockerfile.*,*.Dockerfile,Containerfile}'] },
      content: uncommentedMatch(/--mount=type=secret\b/g, 'hash', (_m, path, line) => `BuildKit secret mount in ${path}:${line}`),
    },
  ],
  dependencies: {
    npm: ['node-vault', '@aws-sdk/client-secrets-manager', 'aws-secrets-manager-cache', '@google-cloud/secret-manager', '@azure/keyvault-secrets', '@infisical/sdk', '@doppler/sdk'],
    pypi: ['hvac', 'google-cloud-secret-manager', 'azure-keyvault-secrets', 'aws-secretsmanager-caching', 'infisical-python'],
    go: [
      'github.com/hashicorp/vault/api', 'github.com/aws/aws-sdk-go-v2/service/secretsmanager', 'cloud.google.com/go/secretmanager',
      'github.com/Azure/azure-sdk-for-go/sdk/security/keyvault/azsecrets', 'github.com/Azure/azure-sdk-for-go/sdk/keyvault/azsecrets',
    ],
    maven: [
      'org.springframework.cloud:spring-cloud-starter-vault-config', 'org.springframework.vault:*', 'software.amazon.awssdk:secretsmanager',
      'com.google.cloud:google-cloud-secretmanager', 'com.azure:azure-security-keyvault-secrets', 'io.awspring.cloud:spring-cloud-aws-starter-secrets-manager',
      'com.azure.spring:spring-cloud-azure-starter-keyvault-secrets', 'io.quarkiverse.vault:*',
    ],
    nuget: ['Azure.Security.KeyVault.Secrets', 'Azure.Extensions.AspNetCore.Configuration.Secrets', 'AWSSDK.SecretsManager', 'VaultSharp', 'Google.Cloud.SecretManager.V1'],
    rubygems: ['vault', 'aws-sdk-secretsmanager', 'google-cloud-secret_manager'],
    cargo: ['vaultrs', 'aws-sdk-secretsmanager'],
  },
});

const tls = signalDetector({
  id: 'security.tls',
  files: [
    {
      rule: { extensions: ['.conf', '.conf.template', '.cfg'], where: (path) => ownConfig(path) && /nginx|sites-|conf\.d|apache|httpd|haproxy/i.test(path), globs: ['**/*nginx*/**/*.conf', '**/*nginx*.conf', '**/conf.d/*.conf', '**/sites-*/**', '**/*.conf.template', '**/*haproxy*.cfg', '**/*apache*/**/*.conf', '**/*httpd*.conf'] },
      content: uncommentedMatch(/^[ \t]*(ssl_certificate|SSLCertificateFile)[ \t]+\S|^[ \t]*bind[ \t]+\S+[ \t]+ssl[ \t]+crt\b/gm, 'hash', (m, path, line) => `${m[1] ?? 'HAProxy ssl crt'} in ${path}:${line}`),
    },
    {
      // Caddy serves HTTPS automatically for a site addressed by a domain name (not localhost or a bare port).
      rule: { names: ['caddyfile'], where: ownConfig, globs: ['**/Caddyfile'] },
      content: uncommentedMatch(/^(?:https?:\/\/)?((?!localhost\b)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?::\d+)?(?:[ \t]*,[ \t]*\S+)*[ \t]*\{/gim, 'hash', (m, path, line) => `Caddy site ${m[1] ?? ''} (automatic HTTPS) in ${path}:${line}`),
    },
    {
      // Traefik ACME resolvers, cert-manager issuers and certificates, certbot containers.
      rule: { extensions: ['.yml', '.yaml', '.toml'], where: (path) => ownConfig(path) && !/(^|\/)\.github\//.test(path), globs: ['**/*.{yml,yaml,toml}'] },
      content: uncommentedMatch(/\bcert[rR]esolver\b|^apiVersion:[ \t]*cert-manager\.io\/|\bcert-manager\.io\/(?:cluster-)?issuer:|\bimage:[ \t]*['"]?certbot\/certbot\b|^[ \t]*certificatesResolvers:/gm, 'hash', (m, path, line) => `${m[0].trim().replace(/:$/, '')} in ${path}:${line}`),
      maxReads: 120,
      prefer: /traefik|k8s|kube|deploy|helm|cert|compose|ingress/,
    },
    {
      // Spring Boot: server.ssl.* in application properties or YAML.
      rule: { namePattern: /^(application|bootstrap)([.-][\w-]+)?\.(properties|ya?ml)$/, where: ownConfig, globs: ['**/{application,bootstrap}*.{properties,yml,yaml}'] },
      content: uncommentedMatch(/^[ \t]*server\.ssl\.(key-store|certificate|bundle|enabled)\b|^server:[ \t]*\n(?:[ \t]+.*\n)*?[ \t]+ssl:[ \t]*\n[ \t]+(key-store|certificate|bundle|enabled):/gm, 'hash', (_m, path, line) => `Spring server.ssl in ${path}:${line}`),
    },
    {
      // Kestrel: an endpoint with its certificate in appsettings.
      rule: { namePattern: /^appsettings([.-][\w-]+)?\.json$/, where: ownConfig, globs: ['**/appsettings*.json'] },
      content: uncommentedMatch(/"Kestrel"[\s\S]*?"Certificate"\s*:/g, 'js', (_m, path, line) => `Kestrel certificate in ${path}:${line}`),
    },
  ],
  sources: [
    { languages: ['js'], pattern: /\b(https\.createServer|http2\.createSecureServer|tls\.createServer)\s*\(/g, describe: (m) => `${m[1] ?? ''}()` },
    { languages: ['go'], pattern: /\b(ListenAndServeTLS|ServeTLS|RunTLS|StartAutoTLS|autocert\.Manager)\b/g, describe: (m) => m[1] ?? '' },
    {
      // uvicorn/hypercorn options, Flask's app.run(ssl_context=…), a gunicorn config's certfile (client-side TLS options do not count).
      languages: ['python'],
      pattern: /\b(ssl_keyfile|ssl_certfile)\s*=|\.run\s*\([^)\n]*\b(ssl_context)\s*=|^(certfile)[ \t]*=/gm,
      describe: (m) => m[1] ?? m[2] ?? m[3] ?? '',
    },
    { languages: ['csharp'], pattern: /\.(UseHttps|ConfigureHttpsDefaults)\s*\(\s*[^)\s]/g, describe: (m) => `Kestrel ${m[1] ?? ''}()` },
    { languages: ['rust'], pattern: /\b(RustlsConfig::from_pem(?:_file)?|bind_rustls(?:_\d+)?|bind_openssl|tls_rustls)\b/g, describe: (m) => m[1] ?? '' },
    { languages: ['java', 'kotlin'], pattern: /\b(SslContextFactory\.Server|SslContextBuilder\.forServer)\b/g, describe: (m) => m[1] ?? '' },
  ],
  sourceHint: /server|main|app|program|https|tls|ssl|config/,
});

export const SECURITY2_DETECTORS: readonly Detector[] = [rbac, headers, secrets, tls];
