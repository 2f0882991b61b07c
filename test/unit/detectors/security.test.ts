import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('security detectors', () => {
  describe('security.cors', () => {
    const id = 'security.cors';
    it('cors (npm)', () => assertPresent({ 'package.json': '{"dependencies":{"cors":"2"}}' }, id, 'cors in package.json (dependencies)'));
    it('NestJS enableCors()', () => assertPresent({ 'src/main.ts': 'const app = await NestFactory.create(AppModule);\napp.enableCors();\n' }, id, 'enableCors() in src/main.ts:2'));
    it('FastAPI CORSMiddleware', () => assertPresent({ 'app/main.py': 'from fastapi.middleware.cors import CORSMiddleware\napp.add_middleware(CORSMiddleware, allow_origins=["*"])\n' }, id, 'CORSMiddleware in app/main.py:1'));
    it('django-cors-headers', () => assertPresent({ 'requirements.txt': 'django-cors-headers==4.3\n' }, id, 'django-cors-headers in requirements.txt'));
    it('rs/cors', () => assertPresent({ 'go.mod': 'module x\nrequire github.com/rs/cors v1.11.0\n' }, id, 'github.com/rs/cors in go.mod (require)'));
    it('Spring @CrossOrigin', () => assertPresent({ 'src/main/java/x/Api.java': '@CrossOrigin(origins = "*")\nclass Api {}\n' }, id, '@CrossOrigin in src/main/java/x/Api.java:1'));
    it('ASP.NET Core AddCors', () => assertPresent({ 'Program.cs': 'builder.Services.AddCors();\n' }, id, 'AddCors() in Program.cs:1'));
    it('rack-cors', () => assertPresent({ 'Gemfile': 'gem "rack-cors"\n' }, id, 'rack-cors in Gemfile'));
    it('a hand-set Access-Control-Allow-Origin header', () => assertPresent({ 'src/server.js': "res.setHeader('Access-Control-Allow-Origin', '*');\n" }, id, 'Access-Control-Allow-Origin header in src/server.js:1'));
    it('not the header named in a comment or a log string, nor corser-like names', () =>
      assertAbsent({ 'src/server.js': "// set Access-Control-Allow-Origin later\nconsole.log(\"missing 'Access-Control-Allow-Origin'\");\n", 'package.json': '{"dependencies":{"corser":"2"}}' }, id));
  });

  describe('security.ratelimit', () => {
    const id = 'security.ratelimit';
    it('express-rate-limit', () => assertPresent({ 'package.json': '{"dependencies":{"express-rate-limit":"7"}}' }, id, 'express-rate-limit in package.json (dependencies)'));
    it('slowapi', () => assertPresent({ 'requirements.txt': 'slowapi\n' }, id, 'slowapi in requirements.txt'));
    it('Go rate.NewLimiter', () => assertPresent({ 'main.go': 'package main\nvar limiter = rate.NewLimiter(1, 5)\n' }, id, 'rate.NewLimiter() in main.go:2'));
    it('bucket4j', () => assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>com.bucket4j</groupId><artifactId>bucket4j-core</artifactId></dependency></dependencies></project>' }, id, /com\.bucket4j:bucket4j-core in pom\.xml/));
    it('ASP.NET Core AddRateLimiter', () => assertPresent({ 'Program.cs': 'builder.Services.AddRateLimiter(o => {});\n' }, id, 'AddRateLimiter() in Program.cs:1'));
    it('rack-attack', () => assertPresent({ 'Gemfile': "gem 'rack-attack'\n" }, id, 'rack-attack in Gemfile'));
    it('nginx limit_req', () => assertPresent({ 'deploy/nginx/site.conf': 'limit_req_zone $binary_remote_addr zone=one:10m rate=1r/s;\nserver {\n  location / { limit_req zone=one; }\n}\n' }, id, 'nginx limit_req_zone in deploy/nginx/site.conf:1'));
    it('DRF throttle rates', () => assertPresent({ 'api/settings.py': "REST_FRAMEWORK = {\n    'DEFAULT_THROTTLE_RATES': {'anon': '10/min'},\n}\n" }, id, 'DEFAULT_THROTTLE_RATES in api/settings.py:2'));
    it('not Laravel’s generated RouteServiceProvider limiter', () =>
      assertAbsent({ 'app/Providers/RouteServiceProvider.php': "<?php\nRateLimiter::for('api', function (Request $request) {});\n" }, id));
  });
});
