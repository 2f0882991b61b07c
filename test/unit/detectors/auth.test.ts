import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('auth detectors', () => {
  describe('auth.hashing', () => {
    const id = 'auth.hashing';
    it('bcrypt (npm)', () => assertPresent({ 'package.json': '{"dependencies":{"bcrypt":"5"}}' }, id, 'bcrypt in package.json (dependencies)'));
    it('argon2-cffi', () => assertPresent({ 'requirements.txt': 'argon2-cffi\n' }, id, 'argon2-cffi in requirements.txt'));
    it('passlib in poetry', () => assertPresent({ 'pyproject.toml': '[tool.poetry.dependencies]\npasslib = {extras = ["bcrypt"], version = "^1.7"}\n' }, id, 'passlib in pyproject.toml (tool.poetry.dependencies)'));
    it('werkzeug generate_password_hash', () => assertPresent({ 'app/auth.py': 'from werkzeug.security import generate_password_hash\nh = generate_password_hash(pw)\n' }, id, 'generate_password_hash() in app/auth.py:2'));
    it('Go bcrypt', () => assertPresent({ 'internal/auth/password.go': 'package auth\nfunc Hash(p string) ([]byte, error) { return bcrypt.GenerateFromPassword([]byte(p), 12) }\n' }, id, 'bcrypt.GenerateFromPassword() in internal/auth/password.go:2'));
    it('Spring PasswordEncoder', () => assertPresent({ 'src/main/java/x/SecurityConfig.java': 'class SecurityConfig {\n  @Bean PasswordEncoder encoder() { return new BCryptPasswordEncoder(); }\n}\n' }, id, 'PasswordEncoder in src/main/java/x/SecurityConfig.java:2'));
    it('PHP password_hash', () => assertPresent({ 'src/Auth.php': "<?php\n$hash = password_hash($pw, PASSWORD_DEFAULT);\n" }, id, 'password_hash() in src/Auth.php:2'));
    it('has_secure_password', () => assertPresent({ 'app/models/user.rb': 'class User < ApplicationRecord\n  has_secure_password\nend\n' }, id, 'has_secure_password in app/models/user.rb:2'));
    it('argon2 crate', () => assertPresent({ 'Cargo.toml': '[dependencies]\nargon2 = "0.5"\n' }, id, 'argon2 in Cargo.toml (dependencies)'));
    it('not Laravel’s generated factory, nor a comment', () =>
      assertAbsent({ 'database/factories/UserFactory.php': "<?php\n'password' => Hash::make('password'),\n", 'src/app.js': '// TODO crypto.scrypt(password)\n' }, id));
  });

  describe('auth.jwt', () => {
    const id = 'auth.jwt';
    it('jsonwebtoken', () => assertPresent({ 'package.json': '{"dependencies":{"jsonwebtoken":"9"}}' }, id, 'jsonwebtoken in package.json (dependencies)'));
    it('PyJWT (case and separators normalised)', () => assertPresent({ 'requirements.txt': 'PyJWT==2.8.0\n' }, id, 'PyJWT in requirements.txt'));
    it('golang-jwt v5', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/golang-jwt/jwt/v5 v5.2.1\n' }, id, 'github.com/golang-jwt/jwt/v5 in go.mod (require)'));
    it('jjwt', () => assertPresent({ 'build.gradle.kts': 'dependencies {\n  implementation("io.jsonwebtoken:jjwt-api:0.12.5")\n}\n' }, id, 'io.jsonwebtoken:jjwt-api in build.gradle.kts (implementation)'));
    it('JwtBearer', () => assertPresent({ 'Api.csproj': '<Project><ItemGroup><PackageReference Include="Microsoft.AspNetCore.Authentication.JwtBearer" Version="8.0.0"/></ItemGroup></Project>' }, id, /JwtBearer in Api\.csproj/));
    it('jwt gem', () => assertPresent({ 'Gemfile': "gem 'jwt'\n" }, id, 'jwt in Gemfile'));
    it('not jwt-decode (a frontend helper)', () => assertAbsent({ 'package.json': '{"dependencies":{"jwt-decode":"4"}}' }, id));
  });

  describe('auth.oauth', () => {
    const id = 'auth.oauth';
    it('passport-google-oauth20', () => assertPresent({ 'package.json': '{"dependencies":{"passport-google-oauth20":"2"}}' }, id, 'passport-google-oauth20 in package.json (dependencies)'));
    it('authlib', () => assertPresent({ 'requirements.txt': 'Authlib==1.3\n' }, id, 'Authlib in requirements.txt'));
    it('golang.org/x/oauth2', () => assertPresent({ 'go.mod': 'module x\nrequire golang.org/x/oauth2 v0.21.0\n' }, id, 'golang.org/x/oauth2 in go.mod (require)'));
    it('Spring oauth2Login()', () => assertPresent({ 'src/main/java/x/Security.java': 'class S {\n  void c(HttpSecurity http) { http.oauth2Login(Customizer.withDefaults()); }\n}\n' }, id, 'oauth2Login() in src/main/java/x/Security.java:2'));
    it('omniauth strategies', () => assertPresent({ 'Gemfile': "gem 'omniauth-github'\n" }, id, 'omniauth-github in Gemfile'));
    it('Laravel Socialite', () => assertPresent({ 'composer.json': '{"require":{"laravel/socialite":"^5"}}' }, id, 'laravel/socialite in composer.json (require)'));
    it('not a plain passport-local setup', () => assertAbsent({ 'package.json': '{"dependencies":{"passport":"0.7","passport-local":"1"}}' }, id));
  });

  describe('auth.session', () => {
    const id = 'auth.session';
    it('express-session', () => assertPresent({ 'package.json': '{"dependencies":{"express-session":"1"}}' }, id, 'express-session in package.json (dependencies)'));
    it('flask-login', () => assertPresent({ 'requirements.txt': 'Flask-Login\n' }, id, 'Flask-Login in requirements.txt'));
    it('gorilla/sessions', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/gorilla/sessions v1.3.0\n' }, id, 'github.com/gorilla/sessions in go.mod (require)'));
    it('ASP.NET Core cookie auth', () => assertPresent({ 'Program.cs': 'builder.Services.AddAuthentication().AddCookie(o => {});\n' }, id, 'AddCookie() in Program.cs:1'));
    it('PHP session_start', () => assertPresent({ 'public/index.php': '<?php\nsession_start();\n' }, id, 'session_start() in public/index.php:2'));
    it('Sinatra sessions', () => assertPresent({ 'app.rb': "require 'sinatra'\nenable :sessions\n" }, id, 'enable :sessions in app.rb:2'));
    it('not Django’s generated settings (the middleware is named in a string)', () =>
      assertAbsent({ 'mysite/settings.py': "MIDDLEWARE = [\n    'django.contrib.sessions.middleware.SessionMiddleware',\n]\n" }, id));
  });
});
