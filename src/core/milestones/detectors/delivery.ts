import type { Detector } from '../detector';
import type { FileSignal } from '../signals';
import { signalDetector } from '../signals';
import { ciEnvironments } from './ciEnvironments';
import { codeMatch, ownFile } from './common';
import { ownNonTestFile, uncommentedMatch } from './configText';
import { anyOf } from './contentMatchers';
import { APP_ENGINE_SIGNAL, CI_SIGNALS, SAM_TEMPLATE_SIGNAL } from './infra';

/** Commands that deploy an application or publish a release; tests and builds are not deploys. */
const DEPLOY_COMMAND = new RegExp(
  [
    String.raw`\bkubectl\s+(?:apply|replace|create|set\s+image|rollout\s+restart)\b`,
    String.raw`\bhelm\s+(?:upgrade|install)\b`,
    String.raw`\bhelmfile\s+(?:apply|sync)\b`,
    String.raw`\bargocd\s+app\s+sync\b`,
    String.raw`\bskaffold\s+(?:run|deploy)\b`,
    String.raw`\b(?:flyctl|fly)\s+deploy\b`,
    String.raw`\bvercel\s+(?:deploy\b|[^\n]*--prod\b)`,
    String.raw`\bnetlify\s+deploy\b`,
    String.raw`\bheroku\s+(?:container:release|releases:)`,
    String.raw`\bgit\s+push\s+(?:heroku|dokku|https:\/\/[^\s]*heroku)`,
    String.raw`\brailway\s+up\b`,
    String.raw`\baws\s+(?:ecs\s+update-service|deploy\s+create-deployment|s3\s+sync|lambda\s+update-function-code|cloudformation\s+deploy|elasticbeanstalk\s+update-environment|apprunner\s+start-deployment)\b`,
    String.raw`\beb\s+deploy\b`,
    String.raw`\bsam\s+deploy\b`,
    String.raw`\b(?:serverless|sls)\s+deploy\b`,
    String.raw`\bcdk\s+deploy\b`,
    String.raw`\b(?:terraform|tofu)\s+apply\b`,
    String.raw`\bpulumi\s+up\b`,
    String.raw`\baz\s+(?:webapp\s+(?:deploy|up)|containerapp\s+(?:update|up)|functionapp\s+deployment|deployment\s+group\s+create)\b`,
    String.raw`\bazd\s+(?:up|deploy)\b`,
    String.raw`\bfunc\s+azure\s+functionapp\s+publish\b`,
    String.raw`\bgcloud\s+(?:run\s+deploy|app\s+deploy|functions\s+deploy|run\s+services\s+update)\b`,
    String.raw`\bfirebase\s+deploy\b`,
    String.raw`\bwrangler\s+(?:deploy|publish)\b`,
    String.raw`\bansible-playbook\b`,
    String.raw`\bkamal\s+deploy\b`,
    String.raw`\bcap\s+\w+\s+deploy\b`,
    // Publishing a release of a package
    String.raw`\b(?:npm|pnpm)\s+publish\b`,
    String.raw`\byarn\s+(?:npm\s+)?publish\b`,
    String.raw`\btwine\s+upload\b`,
    String.raw`\b(?:poetry|uv|flit|hatch)\s+publish\b`,
    String.raw`\bcargo\s+publish\b`,
    String.raw`\bgem\s+push\b`,
    String.raw`\b(?:dotnet\s+)?nuget\s+push\b`,
    String.raw`\bmvnw?\b[^\n]*\sdeploy\b`,
    String.raw`\bgradlew?\b[^\n]*\spublish(?:\w*To\w*)?\b`,
    String.raw`\bgoreleaser\b`,
    String.raw`\bsemantic-release\b`,
  ].join('|'),
  'g',
);

/** Marketplace actions that deploy or publish. */
const DEPLOY_ACTION = new RegExp(
  String.raw`uses:[ \t]*["']?(` +
    [
      'azure/webapps-deploy', 'azure/functions-action', 'azure/container-apps-deploy-action', 'azure/k8s-deploy', 'azure/static-web-apps-deploy',
      'aws-actions/amazon-ecs-deploy-task-definition', 'aws-actions/aws-cloudformation-github-deploy', 'google-github-actions/deploy-cloudrun',
      'google-github-actions/deploy-appengine', 'google-github-actions/deploy-cloud-functions', 'superfly/flyctl-actions', 'amondnet/vercel-action',
      'akhileshns/heroku-deploy', 'peaceiris/actions-gh-pages', 'actions/deploy-pages', 'JamesIves/github-pages-deploy-action', 'pypa/gh-action-pypi-publish',
      'softprops/action-gh-release', 'ncipollo/release-action', 'goreleaser/goreleaser-action', 'cloudflare/wrangler-action', 'cloudflare/pages-action',
      'netlify/actions', 'nwtgck/actions-netlify', 'appleboy/ssh-action', 'easingthemes/ssh-deploy', 'changesets/action', 'rubygems/release-gem', 'JS-DevTools/npm-publish',
      'pulumi/actions', 'hashicorp/tfc-workflows-github', 'digitalocean/app_action', 'render-oss/render-deploy',
    ]
      .map((name) => name.replace(/[/.-]/g, (c) => `\\${c}`))
      .join('|') +
    ')@',
  'gi',
);

const ciDeploy = signalDetector({
  id: 'ci.deploy',
  files: CI_SIGNALS.map(
    (signal): FileSignal => ({
      rule: signal.rule,
      content: anyOf(
        uncommentedMatch(DEPLOY_ACTION, (m, path, line) => `deploy step ${m[1] ?? ''} in ${path}:${line}`),
        uncommentedMatch(DEPLOY_COMMAND, (m, path, line) => `${m[0].trim().slice(0, 50)} in ${path}:${line}`),
        // A deployment environment: GitHub Actions, GitLab and Azure Pipelines (CircleCI's `environment:` is variables).
        uncommentedMatch(/^[ \t]+environment:[ \t]*(?:["']?([\w-]+)|\n[ \t]+name:[ \t]*["']?([\w-]+))/gm, (m, path, line) =>
          /(^|\/)(\.github\/workflows\/|\.gitlab-ci\.yml$|azure-pipelines\.ya?ml$)/.test(path) ? `deployment environment ${m[1] ?? m[2] ?? ''} in ${path}:${line}` : undefined,
        ),
        uncommentedMatch(/^[ \t]+(?:stage:[ \t]*["']?(deploy|release|production)\b|deployment:[ \t]*([\w-]+))/gm, (m, path, line) =>
          /(\.gitlab-ci|bitbucket-pipelines)\.yml$/.test(path) ? `${m[1] === undefined ? `deployment ${m[2] ?? ''}` : `stage ${m[1]}`} in ${path}:${line}` : undefined,
        ),
        uncommentedMatch(/\bstage\s*\(\s*["'](deploy|release|publish)\b/gi, (m, path, line) => (path.toLowerCase().endsWith('jenkinsfile') ? `stage ${m[1] ?? ''} in ${path}:${line}` : undefined)),
      ),
    }),
  ),
});

const iac = signalDetector({
  id: 'deploy.iac',
  files: [
    {
      rule: { extensions: ['.tf', '.tofu'], where: ownFile, globs: ['**/*.{tf,tofu}'] },
      content: codeMatch(/^[ \t]*(resource|module|provider|data|terraform)\s*("|\{)/gm, 'hash', (m, path, line) => `Terraform ${m[1] ?? ''} in ${path}:${line}`),
    },
    { rule: { names: ['pulumi.yaml', 'pulumi.yml'], where: ownFile, globs: ['**/Pulumi.{yaml,yml}'] }, content: uncommentedMatch(/^runtime:/gm, (_m, path) => `Pulumi project ${path}`) },
    { rule: { names: ['cdk.json', 'cdktf.json'], where: ownFile, globs: ['**/{cdk.json,cdktf.json}'] }, content: uncommentedMatch(/"app"\s*:/g, (_m, path) => `CDK app ${path}`) },
    { rule: { extensions: ['.bicep'], where: ownFile, globs: ['**/*.bicep'] }, content: uncommentedMatch(/^[ \t]*(resource|module)\s+\w+\s+'/gm, (_m, path, line) => `Bicep ${path}:${line}`) },
    SAM_TEMPLATE_SIGNAL,
    {
      rule: {
        extensions: ['.yaml', '.yml', '.json', '.template'],
        where: (path) => ownFile(path) && /cloudformation|cfn|template|stack|infra/i.test(path) && !/(^|\/)\.github\//.test(path),
        globs: ['**/*{cloudformation,cfn,template,stack,infra}*/**/*.{yaml,yml,json,template}', '**/*{cloudformation,cfn,template,stack}*.{yaml,yml,json,template}'],
      },
      content: anyOf(
        uncommentedMatch(/^["']?AWSTemplateFormatVersion["']?\s*:/gm, (_m, path) => `CloudFormation template ${path}`),
        uncommentedMatch(/"AWSTemplateFormatVersion"\s*:/g, (_m, path) => `CloudFormation template ${path}`),
      ),
      maxReads: 60,
    },
    {
      // Ansible playbooks: a YAML list of plays with hosts and tasks or roles.
      rule: { extensions: ['.yml', '.yaml'], where: (path) => ownFile(path) && /ansible|playbook|(^|\/)site\.ya?ml$/i.test(path), globs: ['**/*ansible*/**/*.{yml,yaml}', '**/*playbook*.{yml,yaml}', '**/playbooks/**/*.{yml,yaml}', '**/site.{yml,yaml}'] },
      content: (text, path) => {
        const hosts = uncommentedMatch(/^-[ \t]+(?:[\w]+:[^\n]*\n[ \t]+)*hosts:[ \t]*\S/gm, (_m, p, line) => `Ansible playbook ${p}:${line}`)(text, path);
        return hosts !== undefined && /^[ \t]+(tasks|roles):/m.test(text) ? hosts : undefined;
      },
      maxReads: 60,
    },
  ],
});

const paas = signalDetector({
  id: 'deploy.paas',
  files: [
    {
      rule: {
        names: [
          'fly.toml', 'render.yaml', 'vercel.json', 'now.json', 'netlify.toml', 'railway.json', 'railway.toml', 'heroku.yml', 'azure.yaml', 'dockerrun.aws.json',
          'apprunner.yaml', '.platform.app.yaml', 'nixpacks.toml', 'zeabur.json',
        ],
        where: ownFile,
        globs: ['**/{fly.toml,render.yaml,vercel.json,now.json,netlify.toml,railway.json,railway.toml,heroku.yml,azure.yaml,Dockerrun.aws.json,apprunner.yaml,.platform.app.yaml,nixpacks.toml,zeabur.json}'],
      },
    },
    {
      rule: { names: ['procfile'], where: ownFile, globs: ['**/Procfile'] },
      content: uncommentedMatch(/^[\w-]+:[ \t]*\S/gm, (_m, path, line) => `Procfile process in ${path}:${line}`),
    },
    APP_ENGINE_SIGNAL,
    { rule: { names: ['app.yaml'], where: (path) => /(^|\/)\.do\/app\.yaml$/.test(path), globs: ['**/.do/app.yaml'] }, describe: (path) => `DigitalOcean App Platform ${path}` },
    { rule: { names: ['app.json'], where: ownFile, globs: ['**/app.json'] }, content: uncommentedMatch(/"(buildpacks|formation|addons)"\s*:/g, (_m, path) => `Heroku app.json ${path}`) },
    { rule: { names: ['manifest.yml', 'manifest.yaml'], where: ownFile, globs: ['**/manifest.{yml,yaml}'] }, content: uncommentedMatch(/^applications:/gm, (_m, path) => `Cloud Foundry manifest ${path}`) },
    { rule: { extensions: ['.config'], where: (path) => /(^|\/)\.ebextensions\/[^/]+$/.test(path), globs: ['**/.ebextensions/*.config'] }, describe: (path) => `Elastic Beanstalk ${path}` },
    { rule: { namePattern: /./, where: (path) => /(^|\/)\.platform\/(hooks|confighooks|nginx)\//.test(path), globs: ['**/.platform/**'] }, describe: (path) => `Elastic Beanstalk platform hook ${path}` },
  ],
});

const SDK_DEPENDENCIES = {
  npm: ['@aws-sdk/*', 'aws-sdk', '@google-cloud/*', '@azure/*'],
  pypi: ['boto3', 'botocore', 'aioboto3', 'aiobotocore', 'google-cloud-*', 'azure-*'],
  go: ['github.com/aws/aws-sdk-go', 'github.com/aws/aws-sdk-go-v2*', 'cloud.google.com/go*', 'github.com/Azure/azure-sdk-for-go*'],
  maven: ['software.amazon.awssdk:*', 'com.amazonaws:aws-java-sdk*', 'com.google.cloud:google-cloud-*', 'com.azure:*', 'io.awspring.cloud:*', 'com.google.cloud:spring-cloud-gcp-*'],
  nuget: ['AWSSDK.*', 'Azure.*', 'Google.Cloud.*'],
  composer: ['aws/aws-sdk-php', 'google/cloud', 'google/cloud-*', 'microsoft/azure-storage-*', 'azure-oss/*'],
  rubygems: ['aws-sdk', 'aws-sdk-*', 'google-cloud-*', 'azure-storage-blob', 'azure-storage-*'],
  cargo: ['aws-sdk-*', 'aws-config', 'google-cloud-*', 'azure_core', 'azure_storage*', 'azure_identity'],
};

/** Browser sign-in libraries, function runtimes and build-time tools that share the vendors' prefixes but call no cloud service. */
const NOT_SDK = /^(@azure\/msal-|@azure\/static-web-apps-cli|@azure\/functions$|azure-functions$|azure-functions-core-tools|@aws-sdk\/types$|@google-cloud\/functions-framework$|azure-pipelines)/i;

const sdk = signalDetector({
  id: 'cloud.sdk',
  dependencies: SDK_DEPENDENCIES,
  acceptDependency: (dependency) => !NOT_SDK.test(dependency.name),
});

const storage = signalDetector({
  id: 'cloud.storage',
  files: [
    {
      // Active Storage: the generated config/storage.yml has its cloud services commented out.
      rule: { names: ['storage.yml'], where: (path) => ownFile(path) && path.endsWith('config/storage.yml'), globs: ['**/config/storage.yml'] },
      content: uncommentedMatch(/^[ \t]+service:[ \t]*(S3|GCS|AzureStorage)\b/gm, (m, path, line) => `Active Storage ${m[1] ?? ''} service in ${path}:${line}`),
    },
    {
      rule: { extensions: ['.py'], where: (path) => ownNonTestFile(path) && /settings/i.test(path), globs: ['**/*settings*/**/*.py', '**/*settings*.py'] },
      content: uncommentedMatch(/storages\.backends\.(s3boto3|s3|gcloud|azure_storage)\b|\b(S3Boto3Storage|S3Storage|GoogleCloudStorage|AzureStorage)\b/g, (m, path, line) => `django-storages ${m[1] ?? m[2] ?? ''} in ${path}:${line}`),
    },
  ],
  dependencies: {
    npm: ['@aws-sdk/client-s3', '@aws-sdk/lib-storage', '@aws-sdk/s3-request-presigner', '@google-cloud/storage', '@azure/storage-blob', 'minio', 'multer-s3', '@supabase/storage-js'],
    pypi: ['google-cloud-storage', 'azure-storage-blob', 'minio', 's3fs', 'gcsfs', 'adlfs'],
    go: ['github.com/aws/aws-sdk-go-v2/service/s3', 'github.com/aws/aws-sdk-go-v2/feature/s3/manager', 'cloud.google.com/go/storage', 'github.com/Azure/azure-sdk-for-go/sdk/storage/azblob', 'github.com/minio/minio-go'],
    maven: ['software.amazon.awssdk:s3', 'software.amazon.awssdk:s3-transfer-manager', 'com.amazonaws:aws-java-sdk-s3', 'com.google.cloud:google-cloud-storage', 'com.azure:azure-storage-blob', 'io.minio:minio', 'io.awspring.cloud:spring-cloud-aws-starter-s3'],
    nuget: ['AWSSDK.S3', 'Azure.Storage.Blobs', 'Google.Cloud.Storage.V1', 'Minio'],
    composer: ['league/flysystem-aws-s3-v3', 'league/flysystem-google-cloud-storage', 'league/flysystem-azure-blob-storage', 'azure-oss/storage-blob-flysystem'],
    rubygems: ['aws-sdk-s3', 'google-cloud-storage', 'azure-storage-blob', 'azure-blob', 'fog-aws'],
    cargo: ['aws-sdk-s3', 'rust-s3', 'google-cloud-storage', 'azure_storage_blobs', 'object_store'],
  },
  sources: [
    { languages: ['python'], pattern: /\bboto3\.(?:client|resource)\(\s*(['"])s3\1/g, describe: () => "boto3.client('s3')" },
    { languages: ['js'], pattern: /\bnew\s+(?:AWS\.)?S3\s*\(/g, describe: () => 'new AWS.S3()' },
    { languages: ['go'], pattern: /\bs3\.New(?:FromConfig)?\(/g, describe: () => 's3.NewFromConfig()' },
  ],
});

const serverless = signalDetector({
  id: 'cloud.serverless',
  files: [
    { rule: { names: ['serverless.yml', 'serverless.yaml'], where: ownFile, globs: ['**/serverless.{yml,yaml}'] }, content: uncommentedMatch(/^(service|functions):/gm, (_m, path) => `Serverless Framework ${path}`) },
    { rule: { names: ['serverless.ts', 'wrangler.toml', 'wrangler.jsonc', 'wrangler.json'], where: ownFile, globs: ['**/{serverless.ts,wrangler.toml,wrangler.jsonc,wrangler.json}'] } },
    SAM_TEMPLATE_SIGNAL,
    { rule: { names: ['host.json'], where: ownFile, globs: ['**/host.json'] }, content: uncommentedMatch(/"version"\s*:\s*"2\.0"/g, (_m, path) => `Azure Functions host ${path}`) },
    { rule: { names: ['function.json'], where: ownFile, globs: ['**/function.json'] }, content: uncommentedMatch(/"bindings"\s*:/g, (_m, path) => `Azure Functions binding ${path}`) },
    {
      rule: { extensions: ['.js', '.mjs', '.cjs', '.ts', '.mts', '.go'], where: (path) => /(^|\/)netlify\/(edge-)?functions\//.test(path) && ownNonTestFile(path), globs: ['**/netlify/functions/**', '**/netlify/edge-functions/**'] },
      describe: (path) => `Netlify function ${path}`,
    },
  ],
  dependencies: {
    npm: ['@netlify/functions', '@vercel/node', '@google-cloud/functions-framework', 'firebase-functions', '@azure/functions', 'serverless-http', '@middy/core', '@aws-lambda-powertools/*', '@codegenie/serverless-express', '@vendia/serverless-express', 'sst'],
    pypi: ['aws-lambda-powertools', 'functions-framework', 'azure-functions', 'mangum', 'chalice', 'zappa', 'aws-wsgi', 'apig-wsgi'],
    go: ['github.com/aws/aws-lambda-go', 'github.com/GoogleCloudPlatform/functions-framework-go', 'github.com/akrylysov/algnhsa', 'github.com/awslabs/aws-lambda-go-api-proxy'],
    maven: ['com.amazonaws:aws-lambda-java-core', 'com.amazonaws:aws-lambda-java-events', 'com.google.cloud.functions:functions-framework-api', 'com.microsoft.azure.functions:azure-functions-java-library', 'org.springframework.cloud:spring-cloud-function-adapter-aws', 'io.quarkus:quarkus-amazon-lambda*', 'io.micronaut.aws:micronaut-function-aws*'],
    nuget: ['Amazon.Lambda.Core', 'Amazon.Lambda.AspNetCoreServer*', 'Amazon.Lambda.RuntimeSupport', 'Microsoft.Azure.Functions.Worker*', 'Microsoft.NET.Sdk.Functions', 'Google.Cloud.Functions.Framework'],
    composer: ['bref/bref', 'bref/laravel-bridge', 'google/cloud-functions-framework'],
    rubygems: ['functions_framework', 'lamby', 'aws_lambda_ric', 'jets'],
    cargo: ['lambda_runtime', 'lambda_http', 'worker'],
  },
  sources: [
    { languages: ['python'], pattern: /^[ \t]*def\s+lambda_handler\s*\(\s*event\s*,\s*context\s*\)/gm, describe: () => 'Lambda handler lambda_handler(event, context)' },
    {
      languages: ['js'],
      pattern: /\b(?:exports\.handler|export\s+(?:const|let)\s+handler)\s*(?::\s*[\w<>]+\s*)?=\s*(?:async\s*)?(?:function\s*)?\(\s*event\b|\bexport\s+async\s+function\s+handler\s*\(\s*event\b/g,
      describe: () => 'Lambda handler handler(event)',
    },
    { languages: ['go'], pattern: /\blambda\.Start\(/g, describe: () => 'lambda.Start()' },
    { languages: ['java', 'kotlin'], pattern: /\bimplements\s+(RequestHandler|RequestStreamHandler)\s*</g, describe: (m) => `Lambda ${m[1] ?? ''}` },
  ],
  sourceHint: /lambda|handler|function|serverless|netlify|api/,
});

export const DELIVERY_DETECTORS: readonly Detector[] = [ciDeploy, ciEnvironments, iac, paas, sdk, storage, serverless];
