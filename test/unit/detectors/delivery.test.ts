import * as assert from 'node:assert/strict';
import { assertAbsent, assertPresent, detect } from '../helpers/scanFixtures';

describe('delivery and cloud detectors', () => {
  describe('ci.deploy', () => {
    const id = 'ci.deploy';
    it('a GitHub Actions job with a deployment environment', () =>
      assertPresent({ '.github/workflows/deploy.yml': 'jobs:\n  deploy:\n    environment: production\n    steps:\n      - run: ./deploy.sh\n' }, id, 'deployment environment production in .github/workflows/deploy.yml:3'));
    it('flyctl deploy in a step', () => assertPresent({ '.github/workflows/fly.yml': 'jobs:\n  deploy:\n    steps:\n      - run: flyctl deploy --remote-only\n' }, id, 'flyctl deploy in .github/workflows/fly.yml:4'));
    it('a marketplace deploy action', () => assertPresent({ '.github/workflows/pages.yml': 'jobs:\n  d:\n    steps:\n      - uses: actions/deploy-pages@v4\n' }, id, 'deploy step actions/deploy-pages in .github/workflows/pages.yml:4'));
    it('kubectl apply in a GitLab job', () => assertPresent({ '.gitlab-ci.yml': 'deploy:\n  script:\n    - kubectl apply -f k8s/\n' }, id, 'kubectl apply in .gitlab-ci.yml:3'));
    it('npm publish (a package release)', () => assertPresent({ '.github/workflows/release.yml': 'jobs:\n  publish:\n    steps:\n      - run: npm publish --provenance\n' }, id, 'npm publish in .github/workflows/release.yml:4'));
    it('a Jenkins deploy stage', () => assertPresent({ 'Jenkinsfile': "pipeline {\n  stages {\n    stage('Deploy') {\n      steps { sh './ship' }\n    }\n  }\n}\n" }, id, 'stage Deploy in Jenkinsfile:3'));
    it('not a test-only workflow, a commented deploy, nor CircleCI environment variables', () =>
      assertAbsent(
        {
          '.github/workflows/ci.yml': 'jobs:\n  test:\n    env:\n      NODE_ENV: test\n    steps:\n      - run: npm test\n      # - run: kubectl apply -f k8s/\n',
          '.circleci/config.yml': 'jobs:\n  build:\n    environment:\n      NODE_ENV: production\n    steps:\n      - run: npm test\n',
        },
        id,
      ));
  });

  describe('ci.environments', () => {
    const id = 'ci.environments';
    it('staging and production environments in GitHub Actions', async () => {
      const result = await assertPresent(
        { '.github/workflows/deploy.yml': 'jobs:\n  staging:\n    environment: staging\n  production:\n    environment:\n      name: production\n      url: https://x\n' },
        id,
        'environment staging: .github/workflows/deploy.yml:3',
      );
      assert.equal(result.evidence.length, 2);
    });
    it('Spring profiles per environment (Java)', () =>
      assertPresent({ 'src/main/resources/application-dev.yml': 'x: 1\n', 'src/main/resources/application-prod.yml': 'x: 2\n' }, id, /^environment (development|production): src\/main\/resources\/application-(dev|prod)\.yml$/));
    it('Django settings per environment (Python)', () =>
      assertPresent({ 'app/settings/base.py': 'X = 1\n', 'app/settings/staging.py': 'X = 2\n', 'app/settings/production.py': 'X = 3\n' }, id, 'environment staging: app/settings/staging.py'));
    it('kustomize overlays', () => assertPresent({ 'k8s/overlays/staging/kustomization.yaml': 'resources: []\n', 'k8s/overlays/prod/kustomization.yaml': 'resources: []\n' }, id, /^environment (staging|production): k8s\/overlays/));
    it('Terraform variables per environment', () => assertPresent({ 'infra/prod.tfvars': 'a = 1\n', 'infra/staging.tfvars': 'a = 2\n' }, id, /infra\/(prod|staging)\.tfvars/));
    it('a Rails staging environment next to the generated production one', () =>
      assertPresent({ 'config/environments/production.rb': 'x\n', 'config/environments/development.rb': 'x\n', 'config/environments/staging.rb': 'x\n' }, id, 'environment staging: config/environments/staging.rb'));
    it('not one environment, test/local profiles, nor only the environments rails new and dotnet new write', async () => {
      await assertAbsent({ '.github/workflows/deploy.yml': 'jobs:\n  d:\n    environment: production\n', 'application-test.yml': 'x\n', 'application-local.yml': 'x\n', '.env.test': 'A=1\n' }, id);
      await assertAbsent(
        { 'config/environments/development.rb': 'x\n', 'config/environments/production.rb': 'x\n', 'config/environments/test.rb': 'x\n', 'Api/appsettings.Development.json': '{}\n' },
        id,
      );
    });
  });

  describe('deploy.iac', () => {
    const id = 'deploy.iac';
    it('Terraform', () => assertPresent({ 'infra/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_s3_bucket" "b" {}\n' }, id, 'Terraform provider in infra/main.tf:1'));
    it('Pulumi', () => assertPresent({ 'Pulumi.yaml': 'name: infra\nruntime: nodejs\n' }, id, 'Pulumi project Pulumi.yaml'));
    it('AWS CDK', () => assertPresent({ 'cdk.json': '{ "app": "npx ts-node bin/app.ts" }\n' }, id, 'CDK app cdk.json'));
    it('Bicep', () => assertPresent({ 'infra/main.bicep': "resource sa 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n}\n" }, id, 'Bicep infra/main.bicep:1'));
    it('a CloudFormation template', () => assertPresent({ 'cloudformation/stack.yaml': "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n" }, id, 'CloudFormation template cloudformation/stack.yaml'));
    it('an Ansible playbook', () =>
      assertPresent({ 'ansible/site.yml': '- name: web\n  hosts: webservers\n  tasks:\n    - name: install nginx\n      apt: name=nginx\n' }, id, 'Ansible playbook ansible/site.yml:1'));
    it('not a Procfile, fly.toml, a comment-only .tf, nor YAML under ansible/ that is not a playbook', () =>
      assertAbsent({ 'Procfile': 'web: node server.js\n', 'fly.toml': 'app = "x"\n', 'main.tf': '# resource "aws_s3_bucket" "b" {}\n', 'ansible/vars.yml': 'port: 80\n' }, id));
  });

  describe('deploy.paas', () => {
    const id = 'deploy.paas';
    it('a Procfile', () => assertPresent({ 'Procfile': 'web: node server.js\n' }, id, 'Procfile process in Procfile:1'));
    it('fly.toml', () => assertPresent({ 'fly.toml': 'app = "x"\n' }, id, 'fly.toml'));
    it('App Engine app.yaml', () => assertPresent({ 'app.yaml': 'runtime: python312\n' }, id, 'Google App Engine app.yaml'));
    it('Heroku app.json', () => assertPresent({ 'app.json': '{ "name": "x", "buildpacks": [{ "url": "heroku/nodejs" }] }\n' }, id, 'Heroku app.json app.json'));
    it('not Terraform, a Procfile.dev, nor an app.yaml without a runtime', () =>
      assertAbsent({ 'infra/main.tf': 'resource "aws_instance" "x" {}\n', 'Procfile.dev': 'web: bin/rails s\n', 'app.yaml': 'name: x\n', 'app.json': '{ "name": "x" }\n' }, id));
  });

  describe('cloud.sdk', () => {
    const id = 'cloud.sdk';
    it('AWS SDK v3 (Node)', () => assertPresent({ 'package.json': '{ "dependencies": { "@aws-sdk/client-sqs": "^3.0.0" } }' }, id, /@aws-sdk\/client-sqs in package\.json/));
    it('boto3 (Python)', () => assertPresent({ 'requirements.txt': 'boto3==1.34\n' }, id, 'boto3 in requirements.txt'));
    it('Google Cloud (Go)', () => assertPresent({ 'go.mod': 'module x\n\ngo 1.22\n\nrequire cloud.google.com/go/pubsub v1.36.0\n' }, id, /cloud\.google\.com\/go\/pubsub in go\.mod/));
    it('Azure (C#)', () => assertPresent({ 'Api/Api.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="Azure.Messaging.ServiceBus" Version="7.0.0" /></ItemGroup></Project>' }, id, /Azure\.Messaging\.ServiceBus/));
    it('AWS SDK (Java)', () => assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>software.amazon.awssdk</groupId><artifactId>sqs</artifactId></dependency></dependencies></project>' }, id, /software\.amazon\.awssdk:sqs/));
    it('not MSAL browser sign-in, nor a lock file', () =>
      assertAbsent({ 'package.json': '{ "dependencies": { "@azure/msal-browser": "^3.0.0" } }', 'package-lock.json': '{ "packages": { "node_modules/@aws-sdk/client-s3": {} } }' }, id));
  });

  describe('cloud.storage', () => {
    const id = 'cloud.storage';
    it('an S3 client (Node)', () => assertPresent({ 'package.json': '{ "dependencies": { "@aws-sdk/client-s3": "^3.0.0" } }' }, id, /@aws-sdk\/client-s3/));
    it("boto3.client('s3') (Python)", () => assertPresent({ 'requirements.txt': 'boto3\n', 'app/files.py': "import boto3\ns3 = boto3.client('s3')\n" }, id, "boto3.client('s3') in app/files.py:2"));
    it('Google Cloud Storage (Go)', () => assertPresent({ 'go.mod': 'module x\n\nrequire cloud.google.com/go/storage v1.40.0\n' }, id, /cloud\.google\.com\/go\/storage/));
    it('Laravel s3 disk adapter (PHP)', () => assertPresent({ 'composer.json': '{ "require": { "league/flysystem-aws-s3-v3": "^3.0" } }' }, id, /league\/flysystem-aws-s3-v3/));
    it('Active Storage on S3 (Ruby)', () => assertPresent({ 'config/storage.yml': 'amazon:\n  service: S3\n  bucket: x\n' }, id, 'Active Storage S3 service in config/storage.yml:2'));
    it('django-storages with the S3 backend', () =>
      assertPresent({ 'mysite/settings.py': 'STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}}\n' }, id, /django-storages s3 in mysite\/settings\.py:1/));
    it('not boto3 for SQS, nor the storage.yml rails new writes', () =>
      assertAbsent(
        {
          'requirements.txt': 'boto3\n',
          'app/queue.py': "import boto3\nsqs = boto3.client('sqs')\n",
          'config/storage.yml': 'local:\n  service: Disk\n  root: <%= Rails.root.join("storage") %>\n\n# amazon:\n#   service: S3\n',
        },
        id,
      ));
  });

  describe('cloud.serverless', () => {
    const id = 'cloud.serverless';
    it('serverless.yml', () => assertPresent({ 'serverless.yml': 'service: api\nprovider:\n  name: aws\n' }, id, 'Serverless Framework serverless.yml'));
    it('a Python Lambda handler', () => assertPresent({ 'handler.py': 'def lambda_handler(event, context):\n    return {"statusCode": 200}\n' }, id, 'Lambda handler lambda_handler(event, context) in handler.py:1'));
    it('a Node Lambda handler', () => assertPresent({ 'src/index.mjs': 'export const handler = async (event) => ({ statusCode: 200 });\n' }, id, 'Lambda handler handler(event) in src/index.mjs:1'));
    it('lambda.Start (Go)', () => assertPresent({ 'main.go': 'package main\nfunc main() { lambda.Start(handle) }\n' }, id, 'lambda.Start() in main.go:2'));
    it('Azure Functions host.json', () => assertPresent({ 'host.json': '{ "version": "2.0" }\n' }, id, 'Azure Functions host host.json'));
    it('Netlify functions folder', () => assertPresent({ 'netlify/functions/hello.mjs': 'export default async () => new Response("hi");\n' }, id, 'Netlify function netlify/functions/hello.mjs'));
    it('Cloudflare Workers wrangler.toml', () => assertPresent({ 'wrangler.toml': 'name = "api"\nmain = "src/index.ts"\n' }, id, 'wrangler.toml'));
    it('not a Flask handler, a host.json of something else, nor vercel.json alone', () =>
      assertAbsent({ 'app.py': 'def handler(request):\n    return "ok"\n', 'host.json': '{ "hosts": [] }\n', 'vercel.json': '{}\n' }, id));
  });

  it('ci.environments reports nothing when the folder has no configuration', async () => {
    const result = await detect({ 'README.md': '# x\n' }, 'ci.environments');
    assert.equal(result.present, false);
  });
});
