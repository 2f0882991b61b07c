import type { Detector } from '../detector';
import { signalDetector } from '../signals';

const hashing = signalDetector({
  id: 'auth.hashing',
  dependencies: {
    npm: ['bcrypt', 'bcryptjs', 'argon2', '@node-rs/argon2', '@node-rs/bcrypt', 'scrypt-kdf', '@phc/argon2', 'hash-wasm'],
    pypi: ['bcrypt', 'passlib', 'argon2-cffi', 'pwdlib', 'django-argon2', 'flask-bcrypt'],
    go: ['github.com/alexedwards/argon2id', 'github.com/matthewhartstonge/argon2'],
    maven: ['org.springframework.security:spring-security-crypto', 'at.favre.lib:bcrypt', 'org.mindrot:jbcrypt', 'de.mkammerer:argon2-jvm', 'com.password4j:password4j'],
    nuget: ['BCrypt.Net-Next', 'BCrypt.Net-Core', 'Konscious.Security.Cryptography.Argon2', 'Isopoh.Cryptography.Argon2', 'Microsoft.AspNetCore.Identity.EntityFrameworkCore'],
    composer: ['ircmaxell/password-compat'],
    rubygems: ['bcrypt', 'argon2', 'scrypt'],
    cargo: ['bcrypt', 'argon2', 'rust-argon2', 'scrypt', 'password-hash', 'pbkdf2'],
  },
  sources: [
    { languages: ['js'], pattern: /\bcrypto\.(scrypt|scryptSync|pbkdf2|pbkdf2Sync)\s*\(/g, describe: (m) => `crypto.${m[1] ?? ''}()` },
    { languages: ['js'], pattern: /\bBun\.password\.hash\s*\(/g, describe: () => 'Bun.password.hash()' },
    {
      languages: ['python'],
      pattern: /\b(generate_password_hash|make_password|hashlib\.scrypt|hashlib\.pbkdf2_hmac)\s*\(/g,
      describe: (m) => `${m[1] ?? ''}()`,
    },
    {
      languages: ['go'],
      pattern: /\b(bcrypt\.GenerateFromPassword|argon2\.IDKey|argon2\.Key|scrypt\.Key|pbkdf2\.Key)\s*\(/g,
      describe: (m) => `${m[1] ?? ''}()`,
    },
    { languages: ['java', 'kotlin'], pattern: /\b(\w*PasswordEncoder)\b/g, describe: (m) => m[1] ?? '' },
    { languages: ['csharp'], pattern: /\b(PasswordHasher\s*<|BCrypt\.Net\b|BCrypt\.HashPassword\s*\(|Rfc2898DeriveBytes\.Pbkdf2\s*\()/g, describe: (m) => (m[1] ?? '').replace(/\s*[<(]$/, '') },
    {
      // Laravel's generated user factory hashes a fixed password: that is not the learner's code.
      languages: ['php'],
      pattern: /\b(password_hash|Hash::make|bcrypt)\s*\(/g,
      describe: (m) => `${m[1] ?? ''}()`,
      where: (path) => !/(^|\/)database\/(factories|seeders)\//.test(path),
    },
    { languages: ['ruby'], pattern: /\b(has_secure_password|BCrypt::Password\.create)\b/g, describe: (m) => m[1] ?? '' },
  ],
  sourceHint: /auth|user|account|password|security|login|register|signup/,
});

const jwt = signalDetector({
  id: 'auth.jwt',
  dependencies: {
    npm: ['jsonwebtoken', 'jose', '@nestjs/jwt', 'passport-jwt', 'express-jwt', '@fastify/jwt', 'koa-jwt', 'fast-jwt', 'jwks-rsa', '@hono/jwt'],
    pypi: ['pyjwt', 'python-jose', 'djangorestframework-simplejwt', 'flask-jwt-extended', 'fastapi-jwt-auth', 'jwcrypto', 'joserfc'],
    go: ['github.com/golang-jwt/jwt', 'github.com/dgrijalva/jwt-go', 'github.com/lestrrat-go/jwx', 'github.com/appleboy/gin-jwt', 'github.com/go-jose/go-jose', 'gopkg.in/square/go-jose.v2'],
    maven: ['io.jsonwebtoken:*', 'com.auth0:java-jwt', 'com.nimbusds:nimbus-jose-jwt', 'org.springframework.boot:spring-boot-starter-oauth2-resource-server', 'io.smallrye:smallrye-jwt', 'io.quarkus:quarkus-smallrye-jwt'],
    nuget: ['System.IdentityModel.Tokens.Jwt', 'Microsoft.AspNetCore.Authentication.JwtBearer', 'Microsoft.IdentityModel.JsonWebTokens', 'jose-jwt'],
    composer: ['firebase/php-jwt', 'tymon/jwt-auth', 'php-open-source-saver/jwt-auth', 'lcobucci/jwt', 'lexik/jwt-authentication-bundle', 'web-token/jwt-framework'],
    rubygems: ['jwt', 'devise-jwt', 'knock'],
    cargo: ['jsonwebtoken', 'jwt-simple', 'josekit', 'jwt'],
  },
});

const oauth = signalDetector({
  id: 'auth.oauth',
  dependencies: {
    npm: [
      'passport-google-oauth20', 'passport-google-oauth', 'passport-oauth2', 'passport-github2', 'passport-github', 'passport-facebook', 'passport-openidconnect',
      'passport-azure-ad', 'openid-client', 'next-auth', '@auth/core', '@auth/express', 'grant', 'simple-oauth2', 'oidc-provider', '@fastify/oauth2',
      'keycloak-connect', 'express-openid-connect', 'arctic', 'better-auth', '@node-oauth/oauth2-server', 'oauth2-server',
    ],
    pypi: [
      'authlib', 'social-auth-app-django', 'social-auth-core', 'django-allauth', 'python-social-auth', 'requests-oauthlib', 'oauthlib', 'flask-dance',
      'django-oauth-toolkit', 'mozilla-django-oidc', 'fastapi-sso', 'httpx-oauth', 'python-keycloak',
    ],
    go: ['golang.org/x/oauth2', 'github.com/coreos/go-oidc', 'github.com/markbates/goth', 'github.com/go-oauth2/oauth2', 'github.com/ory/fosite', 'github.com/zitadel/oidc'],
    maven: [
      'org.springframework.boot:spring-boot-starter-oauth2-client', 'org.springframework.boot:spring-boot-starter-oauth2-resource-server',
      'org.springframework.boot:spring-boot-starter-oauth2-authorization-server', 'org.springframework.security:spring-security-oauth2-*',
      'org.keycloak:*', 'com.nimbusds:oauth2-oidc-sdk', 'io.quarkus:quarkus-oidc*',
    ],
    nuget: [
      'Microsoft.AspNetCore.Authentication.Google', 'Microsoft.AspNetCore.Authentication.OpenIdConnect', 'Microsoft.AspNetCore.Authentication.MicrosoftAccount',
      'Microsoft.AspNetCore.Authentication.Facebook', 'Microsoft.AspNetCore.Authentication.Twitter', 'Microsoft.AspNetCore.Authentication.OAuth',
      'Microsoft.Identity.Web', 'Duende.IdentityServer', 'OpenIddict*', 'AspNet.Security.OAuth.*', 'AspNet.Security.OpenId.*',
    ],
    composer: ['laravel/socialite', 'league/oauth2-client', 'league/oauth2-server', 'laravel/passport', 'knpuniversity/oauth2-client-bundle', 'hwi/oauth-bundle', 'jumbojett/openid-connect-php'],
    rubygems: ['omniauth', 'omniauth-*', 'doorkeeper', 'oauth2', 'openid_connect'],
    cargo: ['oauth2', 'openidconnect', 'oxide-auth'],
  },
  sources: [
    { languages: ['java', 'kotlin'], pattern: /\.(oauth2Login|oauth2ResourceServer|oauth2Client)\s*\(/g, describe: (m) => `${m[1] ?? ''}()` },
    { languages: ['csharp'], pattern: /\.(AddOpenIdConnect|AddGoogle|AddMicrosoftAccount|AddGitHub|AddOAuth)\s*\(/g, describe: (m) => `${m[1] ?? ''}()` },
  ],
  sourceHint: /auth|security|program|startup|config/,
});

const session = signalDetector({
  id: 'auth.session',
  dependencies: {
    npm: ['express-session', 'cookie-session', '@fastify/session', '@fastify/secure-session', 'koa-session', 'iron-session', 'connect-redis', 'connect-mongo', 'lucia', '@hono/session', 'hono-sessions'],
    pypi: ['flask-login', 'flask-session', 'starlette-session', 'fastapi-sessions', 'django-redis-sessions'],
    go: ['github.com/gorilla/sessions', 'github.com/gin-contrib/sessions', 'github.com/alexedwards/scs'],
    maven: ['org.springframework.session:*'],
    nuget: ['Microsoft.AspNetCore.Session', 'Microsoft.AspNetCore.Authentication.Cookies'],
    rubygems: ['devise', 'sorcery', 'rodauth', 'rodauth-rails', 'authlogic'],
    cargo: ['actix-session', 'tower-sessions', 'axum-sessions', 'async-session', 'axum_session'],
  },
  sources: [
    { languages: ['csharp'], pattern: /\b(AddSession|UseSession)\s*\(|\.(AddCookie)\s*\(/g, describe: (m) => `${m[1] ?? m[2] ?? ''}()` },
    { languages: ['php'], pattern: /\bsession_start\s*\(/g, describe: () => 'session_start()' },
    { languages: ['ruby'], pattern: /^[ \t]*enable[ \t]+:sessions\b|\buse[ \t]+Rack::Session::\w+/gm, describe: (m) => m[0].trim() },
    { languages: ['python'], pattern: /\bSessionMiddleware\b/g, describe: () => 'SessionMiddleware' },
    { languages: ['java', 'kotlin'], pattern: /\bHttpSession\b/g, describe: () => 'HttpSession' },
  ],
  sourceHint: /auth|session|login|program|startup|app|main|server/,
});

export const AUTH_DETECTORS: readonly Detector[] = [hashing, jwt, oauth, session];
