import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('container and server detectors', () => {
  describe('docker.volumes', () => {
    const id = 'docker.volumes';
    it('a named volume in Compose', () =>
      assertPresent({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n' }, id, 'volumes in docker-compose.yml:4'));
    it('a bind mount in compose.yaml (inline list)', () => assertPresent({ 'compose.yaml': 'services:\n  api:\n    build: .\n    volumes: ["./src:/app/src"]\n' }, id, 'volumes in compose.yaml:4'));
    it('VOLUME in a Dockerfile', () => assertPresent({ 'Dockerfile': 'FROM postgres:16\nVOLUME /data\n' }, id, 'VOLUME in Dockerfile:2'));
    it('not a commented-out volume, nor an empty volumes key', () =>
      assertAbsent({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres\n    # volumes:\n    #   - pgdata:/data\n    volumes: []\n', 'Dockerfile': 'FROM x\n# VOLUME /data\n' }, id));
  });

  describe('docker.networks', () => {
    const id = 'docker.networks';
    it('top-level networks in Compose', () =>
      assertPresent({ 'docker-compose.yml': 'services:\n  api:\n    build: .\n    networks:\n      - backend\nnetworks:\n  backend:\n    driver: bridge\n' }, id, 'networks in docker-compose.yml:4'));
    it('not network_mode: host, nor networks in a comment', () =>
      assertAbsent({ 'docker-compose.yml': 'services:\n  api:\n    build: .\n    network_mode: host\n# networks:\n#   backend:\n' }, id));
  });

  describe('docker.multistage', () => {
    const id = 'docker.multistage';
    it('a build stage and a runtime stage', () =>
      assertPresent({ 'Dockerfile': 'FROM golang:1.22 AS build\nRUN go build -o /app\n\nFROM gcr.io/distroless/base\nCOPY --from=build /app /app\n' }, id, '2 build stages in Dockerfile'));
    it('not one FROM with a commented second stage', () => assertAbsent({ 'Dockerfile': 'FROM node:20\n# FROM node:20-slim AS runtime\nRUN npm ci\n' }, id));
  });

  describe('docker.registry', () => {
    const id = 'docker.registry';
    it('docker push in a GitHub Actions workflow', () =>
      assertPresent({ '.github/workflows/release.yml': 'on: push\njobs:\n  image:\n    steps:\n      - run: docker push ghcr.io/me/api:latest\n' }, id, /^image pushed \(docker push\) in \.github\/workflows\/release\.yml:5$/));
    it('docker/build-push-action with push: true', () =>
      assertPresent(
        { '.github/workflows/image.yml': 'jobs:\n  build:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          context: .\n          push: true\n          tags: me/api:latest\n' },
        id,
        /build-push-action@v6\) in \.github\/workflows\/image\.yml:4$/,
      ));
    it('jib in a GitLab job', () => assertPresent({ '.gitlab-ci.yml': 'image:\n  script:\n    - ./mvnw compile jib:build\n' }, id, /jib:build/));
    it('gcloud builds submit --tag and skaffold run --default-repo', () =>
      assertPresent({ 'release/images.sh': '#!/bin/sh\ngcloud builds submit --tag gcr.io/p/api .\n', 'cloudbuild.yaml': 'steps:\n  - args: ["skaffold run --default-repo=gcr.io/p"]\n' }, id, /gcloud builds submit --tag|skaffold run/));
    it('docker buildx --push in a release script', () => assertPresent({ 'scripts/release.sh': '#!/bin/sh\ndocker buildx build --platform linux/amd64 -t me/api --push .\n' }, id, /scripts\/release\.sh:2/));
    it('not build-push-action with push: false, a pull, or a commented push', () =>
      assertAbsent(
        {
          '.github/workflows/ci.yml': 'jobs:\n  build:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          push: false\n      - run: docker pull postgres\n      # - run: docker push me/api\n',
          'README.md': 'Run docker push me/api to publish.\n',
        },
        id,
      ));
  });

  describe('deploy.helm', () => {
    const id = 'deploy.helm';
    it('a Chart.yaml', () => assertPresent({ 'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\nversion: 0.1.0\n' }, id, 'Helm chart charts/api/Chart.yaml'));
    it('not plain Kubernetes manifests without a chart', () =>
      assertAbsent({ 'k8s/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n', 'k8s/values.yaml': 'replicas: 2\n' }, id));
  });

  describe('deploy.nginx', () => {
    const id = 'deploy.nginx';
    it('nginx.conf', () => assertPresent({ 'nginx.conf': 'http {\n  server {\n    listen 80;\n  }\n}\n' }, id, 'nginx configuration nginx.conf:1'));
    it('a conf.d site', () => assertPresent({ 'deploy/conf.d/api.conf': 'server {\n  location / { proxy_pass http://api:3000; }\n}\n' }, id, 'nginx configuration deploy/conf.d/api.conf:1'));
    it('an envsubst template', () => assertPresent({ 'templates/default.conf.template': 'server {\n  listen ${PORT};\n}\n' }, id, 'nginx template templates/default.conf.template:1'));
    it('not a Caddyfile, nor an Apache virtual host', () =>
      assertAbsent({ 'Caddyfile': 'example.com {\n  reverse_proxy api:3000\n}\n', 'apache/site.conf': '<VirtualHost *:80>\n</VirtualHost>\n' }, id));
  });

  describe('deploy.appserver', () => {
    const id = 'deploy.appserver';
    it('gunicorn in a Dockerfile CMD (Python)', () => assertPresent({ 'Dockerfile': 'FROM python:3.12\nRUN pip install gunicorn\nCMD ["gunicorn", "app:app", "-w", "4"]\n' }, id, 'gunicorn in Dockerfile:3'));
    it('uvicorn in a Procfile without --reload', () => assertPresent({ 'Procfile': 'web: uvicorn main:app --host 0.0.0.0 --port $PORT\n' }, id, 'uvicorn in Procfile:1'));
    it('a gunicorn configuration file', () => assertPresent({ 'gunicorn.conf.py': 'bind = "0.0.0.0:8000"\nworkers = 4\n' }, id, 'gunicorn configuration gunicorn.conf.py'));
    it('Puma tuned for production (Ruby)', () => assertPresent({ 'config/puma.rb': 'workers 4\npreload_app!\n' }, id, 'Puma configuration config/puma.rb:1'));
    it('a PHP-FPM pool', () => assertPresent({ 'docker/php-fpm/www.conf': '[www]\npm = dynamic\npm.max_children = 10\n' }, id, 'PHP-FPM pool docker/php-fpm/www.conf:1'));
    it('Kestrel endpoints (C#)', () => assertPresent({ 'appsettings.Production.json': '{\n  "Kestrel": {\n    "Endpoints": { "Http": { "Url": "http://0.0.0.0:8080" } }\n  }\n}\n' }, id, 'Kestrel endpoints in appsettings.Production.json:2'));
    it('Tomcat settings in Spring Boot (Java)', () => assertPresent({ 'src/main/resources/application.yml': 'server:\n  port: 8080\n  tomcat:\n    threads:\n      max: 200\n' }, id, 'tomcat settings in src/main/resources/application.yml'));
    it('not a dev server with --reload, pip install gunicorn, nor the Puma config rails new writes', () =>
      assertAbsent(
        {
          'docker-compose.yml': 'services:\n  api:\n    build: .\n    command: uvicorn main:app --reload\n',
          'Dockerfile': 'FROM python:3.12\nRUN pip install gunicorn uvicorn\nCMD ["python", "main.py"]\n',
          'config/puma.rb': 'threads_count = ENV.fetch("RAILS_MAX_THREADS", 3)\nthreads threads_count, threads_count\nport ENV.fetch("PORT", 3000)\nplugin :tmp_restart\n# preload_app!\n',
          'appsettings.json': '{ "Logging": { "LogLevel": { "Default": "Information" } } }\n',
        },
        id,
      ));
  });

  describe('deploy.process', () => {
    const id = 'deploy.process';
    it('a PM2 ecosystem file (Node)', () => assertPresent({ 'ecosystem.config.js': 'module.exports = {\n  apps: [{ name: "api", script: "dist/main.js", instances: 2 }],\n};\n' }, id, 'PM2 ecosystem file ecosystem.config.js'));
    it('pm2-runtime in a Dockerfile', () => assertPresent({ 'Dockerfile': 'FROM node:20\nCMD ["pm2-runtime", "dist/main.js"]\n' }, id, 'pm2-runtime in Dockerfile:2'));
    it('a supervisord program', () => assertPresent({ 'docker/supervisor/app.conf': '[program:worker]\ncommand=php artisan queue:work\n' }, id, 'supervisord [program:worker] in docker/supervisor/app.conf:1'));
    it('a systemd unit', () => assertPresent({ 'deploy/api.service': '[Unit]\nDescription=API\n[Service]\nExecStart=/usr/bin/node /srv/api/main.js\nRestart=always\n' }, id, 'systemd unit deploy/api.service'));
    it('a Procfile.dev of your own for foreman', () => assertPresent({ 'Procfile.dev': 'web: bin/rails server\nworker: bundle exec sidekiq\n' }, id, '2 processes in Procfile.dev'));
    it('not the Procfile.dev rails new writes, a Procfile, nor a .service without ExecStart', () =>
      assertAbsent(
        {
          'Procfile.dev': 'web: bin/rails server -p 3000\ncss: bin/rails tailwindcss:watch\n',
          'Procfile': 'web: node server.js\nworker: node worker.js\n',
          'x.service': '[Unit]\nDescription=nothing\n',
        },
        id,
      ));
  });

  describe('linux.shell', () => {
    const id = 'linux.shell';
    it('a .sh script', () => assertPresent({ 'scripts/deploy.sh': '#!/usr/bin/env bash\nset -euo pipefail\nrsync -a dist/ server:/srv\n' }, id, 'shell script scripts/deploy.sh'));
    it('an extension-less script with a shell shebang in script/', () => assertPresent({ 'script/setup-db': '#!/bin/sh\ncreatedb app\n' }, id, 'shell script script/setup-db'));
    it('not gradlew/mvnw, a comment-only .sh, scripts in node_modules, nor a Ruby bin script', () =>
      assertAbsent(
        {
          'gradlew': '#!/bin/sh\nexec java -jar gradle-wrapper.jar\n',
          'mvnw': '#!/bin/sh\nexec java\n',
          'todo.sh': '#!/bin/sh\n# nothing yet\n',
          'node_modules/x/run.sh': '#!/bin/sh\necho hi\n',
          'script/console': '#!/usr/bin/env ruby\nrequire_relative "../config/boot"\n',
        },
        id,
      ));
  });
});
