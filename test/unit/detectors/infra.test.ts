import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

describe('infrastructure detectors', () => {
  describe('ci.workflow', () => {
    const id = 'ci.workflow';
    it('GitHub Actions', () => assertPresent({ '.github/workflows/ci.yml': 'on: push\n' }, id, 'GitHub Actions workflow .github/workflows/ci.yml'));
    it('GitLab CI', () => assertPresent({ '.gitlab-ci.yml': 'test:\n  script: npm test\n' }, id, '.gitlab-ci.yml'));
    it('Jenkinsfile', () => assertPresent({ 'Jenkinsfile': 'pipeline {}\n' }, id, 'Jenkinsfile'));
    it('CircleCI', () => assertPresent({ '.circleci/config.yml': 'version: 2.1\n' }, id, '.circleci/config.yml'));
    it('not a workflow inside node_modules, nor a README under .github', () =>
      assertAbsent({ 'node_modules/x/.github/workflows/ci.yml': 'on: push\n', '.github/README.md': 'x' }, id));
  });

  describe('docker.file', () => {
    const id = 'docker.file';
    it('Dockerfile', () => assertPresent({ 'Dockerfile': 'FROM node:20\n' }, id, 'Dockerfile'));
    it('api.Dockerfile and Dockerfile.dev', () => assertPresent({ 'docker/api.Dockerfile': 'FROM x\n' }, id, 'docker/api.Dockerfile'));
    it('Containerfile', () => assertPresent({ 'Containerfile': 'FROM x\n' }, id, 'Containerfile'));
    it('not .dockerignore, nor a Dockerfile under vendor or build', () =>
      assertAbsent({ '.dockerignore': 'node_modules\n', 'vendor/x/Dockerfile': 'FROM x\n', 'build/Dockerfile': 'FROM x\n' }, id));
  });

  describe('docker.compose', () => {
    const id = 'docker.compose';
    it('docker-compose.yml', () => assertPresent({ 'docker-compose.yml': 'services:\n  db:\n    image: postgres\n' }, id, 'docker-compose.yml'));
    it('compose.yaml with services', () => assertPresent({ 'compose.yaml': 'services:\n  web:\n    build: .\n' }, id, 'compose.yaml'));
    it('not a compose.yaml that defines no services', () => assertAbsent({ 'compose.yaml': '# services: later\nname: x\n' }, id));
  });

  describe('deploy.k8s', () => {
    const id = 'deploy.k8s';
    it('a Deployment manifest', () =>
      assertPresent({ 'k8s/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n' }, id, 'Kubernetes Deployment in k8s/api.yaml:2'));
    it('a multi-document manifest', () =>
      assertPresent({ 'deploy/all.yml': 'apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: Service\n' }, id, 'Kubernetes ConfigMap in deploy/all.yml:2'));
    it('a Helm chart', () => assertPresent({ 'charts/api/Chart.yaml': 'apiVersion: v2\nname: api\n' }, id, 'Helm chart charts/api/Chart.yaml'));
    it('not a YAML that only mentions kind: Deployment in a comment, nor a workflow', () =>
      assertAbsent({ 'config.yaml': 'apiVersion: 1\n# kind: Deployment\n', '.github/workflows/deploy.yml': 'apiVersion: x\nkind: Deployment\n' }, id));
  });

  describe('deploy.proxy', () => {
    const id = 'deploy.proxy';
    it('nginx.conf', () => assertPresent({ 'nginx/nginx.conf': 'events {}\nhttp {\n  server {\n    listen 80;\n  }\n}\n' }, id, 'nginx configuration nginx/nginx.conf:2'));
    it('an nginx site file', () => assertPresent({ 'deploy/nginx/api.conf': 'server {\n  location / { proxy_pass http://api:3000; }\n}\n' }, id, 'nginx configuration deploy/nginx/api.conf:1'));
    it('Caddyfile', () => assertPresent({ 'Caddyfile': 'example.com {\n  reverse_proxy api:3000\n}\n' }, id, 'Caddy configuration Caddyfile'));
    it('an Apache virtual host', () => assertPresent({ 'apache/site.conf': '<VirtualHost *:80>\n  ProxyPass / http://api/\n</VirtualHost>\n' }, id, 'Apache configuration apache/site.conf:1'));
    it('not Laravel’s public/.htaccess, nor an nginx.conf that is all comments', () =>
      assertAbsent({ 'public/.htaccess': '<IfModule mod_rewrite.c>\n</IfModule>\n', 'nginx.conf': '# server {\n' }, id));
  });

  describe('deploy.cloud', () => {
    const id = 'deploy.cloud';
    it('serverless.yml', () => assertPresent({ 'serverless.yml': 'service: x\n' }, id, 'serverless.yml'));
    it('Terraform', () => assertPresent({ 'infra/main.tf': 'provider "aws" {}\n' }, id, 'Terraform infra/main.tf'));
    it('fly.toml', () => assertPresent({ 'fly.toml': 'app = "x"\n' }, id, 'fly.toml'));
    it('Procfile', () => assertPresent({ 'Procfile': 'web: node server.js\n' }, id, 'Procfile'));
    it('App Engine app.yaml', () => assertPresent({ 'app.yaml': 'runtime: python312\n' }, id, 'Google App Engine app.yaml'));
    it('a SAM template', () => assertPresent({ 'template.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nTransform: AWS::Serverless-2016-10-31\n" }, id, 'AWS SAM template template.yaml'));
    it('not an app.yaml that is not App Engine, nor Terraform state in .terraform', () =>
      assertAbsent({ 'app.yaml': 'name: my app\n', '.terraform/modules/x/main.tf': '', 'template.yaml': 'title: x\n' }, id));
  });
});
