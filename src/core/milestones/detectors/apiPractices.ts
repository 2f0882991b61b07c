import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import { serverSideDetector } from './serverSide';

/**
 * Validation libraries count only in server code: zod, yup and ajv validate browser forms just as often.
 * Framework validation written in code counts on its own.
 */
const validation = serverSideDetector({
  id: 'api.validation',
  // Framework validation/caching APIs in code are server code by themselves.
  sourcesAlone: true,
  dependencies: {
    npm: [
      'zod', 'joi', '@hapi/joi', 'yup', 'validator', 'class-validator', 'express-validator', 'celebrate', 'ajv', '@sinclair/typebox', 'valibot', 'superstruct',
      '@vinejs/vine', '@hono/zod-validator', 'fastify-type-provider-zod', 'nestjs-zod',
    ],
    pypi: ['marshmallow', 'webargs', 'flask-marshmallow', 'cerberus', 'voluptuous', 'flask-pydantic'],
    go: ['github.com/go-playground/validator', 'github.com/go-ozzo/ozzo-validation', 'github.com/asaskevich/govalidator'],
    maven: ['org.springframework.boot:spring-boot-starter-validation', 'jakarta.validation:jakarta.validation-api', 'javax.validation:validation-api', 'org.hibernate.validator:hibernate-validator', 'org.hibernate:hibernate-validator', 'io.micronaut.validation:*', 'io.quarkus:quarkus-hibernate-validator'],
    nuget: ['FluentValidation', 'FluentValidation.AspNetCore', 'FluentValidation.DependencyInjectionExtensions'],
    composer: ['respect/validation', 'symfony/validator'],
    rubygems: ['dry-validation', 'dry-schema'],
    cargo: ['validator', 'garde'],
  },
  sources: [
    {
      // Fastify route schemas and Nest's ValidationPipe
      languages: ['js'],
      pattern: /\bschema\s*:\s*\{\s*(body|querystring|params)\s*:|\bnew\s+ValidationPipe\(/g,
      describe: (m) => (m[1] === undefined ? 'Nest ValidationPipe' : `route schema for ${m[1]}`),
    },
    {
      // FastAPI parameter constraints, pydantic validators, DRF/Django form validation
      languages: ['python'],
      pattern:
        /\b(Query|Path|Body|Field)\([^)\n]*\b(min_length|max_length|gt|ge|lt|le|pattern|regex)\s*=|^[ \t]*@(field_validator|model_validator|validator)\(|\.is_valid\(/gm,
      describe: (m) => (m[3] !== undefined ? `pydantic @${m[3]}` : m[1] !== undefined ? `${m[1]}(${m[2] ?? ''}=…) constraint` : 'serializer/form .is_valid()'),
    },
    { languages: ['java', 'kotlin'], pattern: /@(Valid|Validated|NotBlank|NotEmpty|Size|Email|Positive|PositiveOrZero)\b/g, describe: (m) => `Bean Validation @${m[1] ?? ''}` },
    {
      languages: ['csharp'],
      pattern: /\[(StringLength|Range|EmailAddress|RegularExpression|Compare|Phone|Url)\b|:\s*AbstractValidator\s*<|\bModelState\.IsValid\b/g,
      describe: (m) => (m[1] !== undefined ? `[${m[1]}] annotation` : m[0].includes('ModelState') ? 'ModelState.IsValid' : 'FluentValidation validator'),
    },
    {
      languages: ['go'],
      pattern: /\bvalidator\.New\(|^[ \t]*\w+[ \t]+[\w.*[\]]+[ \t]+`[^`\n]*\b(?:binding|validate):"[^"]*\brequired\b/gm,
      describe: () => 'struct validation (validator / binding tags)',
    },
    {
      languages: ['php'],
      pattern: /\$request->validate\(|\$this->validate\(|\bValidator::make\(|\bextends\s+FormRequest\b/g,
      describe: (m) => `Laravel validation ${m[0].replace(/\s+/g, ' ')}`,
    },
    { languages: ['ruby'], pattern: /^[ \t]*validates?\s+:\w+/gm, describe: () => 'Rails validates' },
  ],
  sourceHint: /schema|dto|valid|request|form|serializer|model|route|controller|handler|api/,
});

const pagination = signalDetector({
  id: 'api.pagination',
  dependencies: {
    npm: ['mongoose-paginate-v2', 'mongoose-paginate', 'mongoose-aggregate-paginate-v2', 'express-paginate', 'nestjs-paginate', 'prisma-paginate', 'typeorm-pagination'],
    pypi: ['fastapi-pagination', 'flask-paginate'],
    nuget: ['X.PagedList', 'X.PagedList.Mvc.Core', 'X.PagedList.EF', 'PagedList.Core'],
    rubygems: ['kaminari', 'pagy', 'will_paginate', 'api-pagination'],
  },
  sources: [
    {
      languages: ['js'],
      pattern: /\breq\.query\.(page|limit|offset|cursor|per_page|perPage|pageSize|page_size)\b|\{[^{}=]*\b(page|offset|cursor)\b[^{}=]*\}\s*=\s*req\.query\b/g,
      describe: (m) => `pagination parameter ${m[1] ?? m[2] ?? ''} read from the query`,
    },
    {
      languages: ['python'],
      pattern: /\bpagination_class\s*=|(['"])DEFAULT_PAGINATION_CLASS\1\s*:|\bclass\s+\w+\(\s*(?:PageNumber|LimitOffset|Cursor)Pagination\s*\)|\bPaginator\(|\.paginate\(|\b(?:skip|offset|page)\s*:\s*int\s*=\s*[^,)\n]*,\s*(?:limit|page_size|per_page|size)\s*:\s*int\b|\brequest\.(?:args|GET|query_params)\.get\(\s*(['"])(page|per_page|limit|offset|cursor)\2/g,
      describe: (m) => `pagination ${m[0].replace(/\s+/g, ' ').slice(0, 50)}`,
    },
    { languages: ['java', 'kotlin'], pattern: /\bPageable\s+\w+|\w+\s*:\s*Pageable\b|\bPageRequest\.of\(/g, describe: () => 'Spring Data Pageable' },
    { languages: ['csharp'], pattern: /\.Skip\([^;\n]*\)\s*\.Take\(/g, describe: () => 'paged query .Skip().Take()' },
    {
      languages: ['go'],
      pattern: /\.(?:Query|DefaultQuery|QueryParam|FormValue)\(\s*"(page|limit|offset|cursor|per_page|page_size|pageSize)"|\.Query\(\)\.Get\(\s*"(page|limit|offset|cursor|per_page|page_size|pageSize)"/g,
      describe: (m) => `pagination parameter ${m[1] ?? m[2] ?? ''} read from the query`,
    },
    { languages: ['php'], pattern: /->(paginate|simplePaginate|cursorPaginate)\(/g, describe: (m) => `Laravel ${m[1] ?? ''}()` },
    {
      // Offset/limit taken from the request: $q->offset($filters['offset']), $request->query('page').
      languages: ['php'],
      pattern: /->(?:offset|skip)\(\s*\$\w+\[\s*(['"])(offset|skip|page)\1\s*\]|\$request->(?:input|query|get)\(\s*(['"])(page|offset|limit|per_page|cursor)\3/g,
      describe: (m) => `pagination parameter ${m[2] ?? m[4] ?? ''} read from the request`,
    },
    { languages: ['ruby'], pattern: /\.page\(\s*params\[:page\]\s*\)|\bpagy\(|\.(?:offset|limit|per)\(\s*params\[:(offset|limit|page|per_page)\]/g, describe: (m) => `pagination ${m[0].replace(/\s+/g, '').slice(0, 40)}` },
  ],
  sourceHint: /controller|route|handler|views|api|service|repository|resolver/,
});

/** HTTP clients count in server code only: a browser app's axios is not backend work. */
const httpClient = serverSideDetector({
  id: 'api.client',
  dependencies: {
    npm: ['axios', 'got', 'undici', 'node-fetch', 'superagent', 'ky', 'cross-fetch', '@nestjs/axios', 'needle', 'ofetch'],
    pypi: ['requests', 'httpx', 'aiohttp', 'urllib3'],
    go: ['github.com/go-resty/resty', 'github.com/imroc/req', 'github.com/hashicorp/go-retryablehttp'],
    maven: ['com.squareup.okhttp3:okhttp', 'org.springframework.cloud:spring-cloud-starter-openfeign', 'io.github.openfeign:*', 'com.squareup.retrofit2:retrofit', 'org.apache.httpcomponents:httpclient', 'org.apache.httpcomponents.client5:httpclient5', 'io.ktor:ktor-client-*'],
    nuget: ['Refit', 'Refit.HttpClientFactory', 'RestSharp', 'Flurl.Http', 'Microsoft.Extensions.Http'],
    // Not guzzlehttp/guzzle: the Laravel skeleton declares it before anyone writes a line (it counts in code, below).
    composer: ['symfony/http-client'],
    rubygems: ['faraday', 'httparty', 'http', 'rest-client', 'typhoeus', 'excon'],
    cargo: ['reqwest', 'ureq', 'surf', 'isahc'],
  },
  sources: [
    { languages: ['go'], pattern: /\bhttp\.NewRequest(?:WithContext)?\(|&http\.Client\s*\{/g, describe: (m) => `net/http client ${m[0].replace(/[\s({]+$/, '')}` },
    {
      languages: ['java', 'kotlin'],
      pattern: /\bRestTemplate\(|\bRestTemplateBuilder\b|\bWebClient\.(?:create|builder)\(|\bRestClient\.(?:create|builder)\(|@FeignClient\b|\bHttpClient\.new(?:HttpClient|Builder)\(/g,
      describe: (m) => `HTTP client ${m[0].replace(/[\s(]+$/, '')}`,
    },
    { languages: ['csharp'], pattern: /\bIHttpClientFactory\b|\.AddHttpClient\s*[<(]|\bnew\s+HttpClient\(/g, describe: (m) => `HTTP client ${m[0].replace(/^[.\s]+|[\s<(]+$/g, '')}` },
    { languages: ['php'], pattern: /\bHttp::(?:get|post|put|patch|delete|withHeaders|withToken|acceptJson|timeout|retry|baseUrl)\(/g, describe: () => 'Laravel Http client' },
    { languages: ['php'], pattern: /\bGuzzleHttp\\Client\b/g, describe: () => 'Guzzle HTTP client' },
    { languages: ['ruby'], pattern: /\bNet::HTTP\.(?:get|post|start|new)\b/g, describe: () => 'Net::HTTP' },
  ],
  sourceHint: /client|service|gateway|integration|api|http|adapter|provider/,
});

/** Headers that carry a webhook's signature, as a string literal whose quote is capture group `group`. */
const signatureHeader = (group: number): string => String.raw`(['"])(?:x-hub-signature(?:-256)?|x-signature(?:-256)?|x-webhook-signature|webhook-signature|stripe-signature|x-slack-signature|x-shopify-hmac-sha256|x-line-signature|x-twilio-signature|x-paystack-signature|x-razorpay-signature|svix-signature|x-square-hmacsha256-signature|x-cal-signature-256)` + `\\${group}`;
/** Computing an HMAC, in every stack. */
const HMAC_CALL = String.raw`(?:createHmac\(|hmac\.new\(|hmac\.New\(|Mac\.getInstance\(|HMACSHA256\b|HMACSHA1\b|hash_hmac\(|OpenSSL::HMAC\b|Hmac::<|HmacSha256::new)`;

const webhooks = signalDetector({
  id: 'api.webhooks',
  sources: [
    {
      // Provider SDKs that verify a webhook signature
      languages: ['js', 'python', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby'],
      pattern: /\bwebhooks?\.[cC]onstruct_?[eE]vent\(|\bWebhook::constructEvent\(|\bEventUtility\.ConstructEvent\(|\bWebhook\.construct_event\(|\bWebhook\.constructEvent\(|\bnew\s+Webhook\([^)]*\)\s*\.verify\(|\bwh\.verify\(|\bwebhooks\.verify(?:AndReceive)?\(/g,
      describe: (m) => `webhook signature verified with ${m[0].replace(/\s+/g, '').replace(/\($/, '')}()`,
    },
    {
      // A signature header read and an HMAC computed in the same place
      languages: ['js', 'python', 'go', 'java', 'kotlin', 'csharp', 'php', 'ruby', 'rust'],
      pattern: new RegExp(String.raw`${signatureHeader(1)}[\s\S]{0,1500}?${HMAC_CALL}|${HMAC_CALL}[\s\S]{0,1500}?${signatureHeader(2)}`, 'gi'),
      describe: () => 'webhook signature header checked with an HMAC',
    },
  ],
  sourceHint: /webhook|hook|stripe|github|payment|callback|event/,
});

export const API_PRACTICE_DETECTORS: readonly Detector[] = [validation, pagination, httpClient, webhooks];
