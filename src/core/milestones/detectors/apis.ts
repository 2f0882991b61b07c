import type { Detector } from '../detector';
import { signalDetector } from '../signals';
import { codeMatch, ownFile } from './common';
import { ROUTE_SIGNALS, ROUTE_SOURCE_HINT } from './routePatterns';

const rest = signalDetector({
  id: 'api.rest',
  sources: ROUTE_SIGNALS,
  sourceHint: ROUTE_SOURCE_HINT,
});

const openapi = signalDetector({
  id: 'api.openapi',
  files: [
    {
      rule: {
        namePattern: /^(openapi|swagger)([.-][\w.-]+)?\.(ya?ml|json)$|\.(openapi|swagger)\.(ya?ml|json)$/,
        where: ownFile,
        globs: ['**/{openapi,swagger}*.{yaml,yml,json}', '**/*.{openapi,swagger}.{yaml,yml,json}'],
      },
      content: codeMatch(/^\s*["']?(openapi|swagger)["']?\s*:\s*["']?\d/gm, 'hash', (m, path) => `${m[1] === 'swagger' ? 'Swagger' : 'OpenAPI'} document ${path}`),
    },
  ],
  dependencies: {
    npm: [
      'swagger-ui-express', 'swagger-jsdoc', '@nestjs/swagger', '@fastify/swagger', 'fastify-swagger', 'express-openapi-validator', 'tsoa',
      '@asteasolutions/zod-to-openapi', '@hono/zod-openapi', 'openapi-backend', 'express-oas-generator',
    ],
    pypi: ['fastapi', 'drf-spectacular', 'drf-yasg', 'flasgger', 'flask-smorest', 'apispec', 'connexion', 'flask-restx', 'flask-openapi3', 'spectree'],
    go: [
      'github.com/swaggo/swag', 'github.com/swaggo/gin-swagger', 'github.com/swaggo/http-swagger', 'github.com/swaggo/echo-swagger',
      'github.com/getkin/kin-openapi', 'github.com/oapi-codegen/oapi-codegen', 'github.com/deepmap/oapi-codegen', 'github.com/danielgtaylor/huma',
      'github.com/go-swagger/go-swagger', 'github.com/ogen-go/ogen',
    ],
    maven: ['org.springdoc:*', 'io.springfox:*', 'io.swagger.core.v3:*', 'io.swagger:*', 'org.openapitools:*', 'io.quarkus:quarkus-smallrye-openapi', 'io.micronaut.openapi:*'],
    nuget: ['Swashbuckle.AspNetCore*', 'NSwag.AspNetCore', 'Microsoft.AspNetCore.OpenApi', 'Scalar.AspNetCore'],
    composer: ['darkaonline/l5-swagger', 'zircote/swagger-php', 'nelmio/api-doc-bundle', 'api-platform/core', 'dedoc/scramble'],
    rubygems: ['rswag', 'rswag-api', 'rswag-specs', 'grape-swagger', 'openapi_first', 'committee'],
    cargo: ['utoipa', 'utoipa-swagger-ui', 'paperclip', 'rocket_okapi', 'aide', 'poem-openapi'],
  },
});

const graphql = signalDetector({
  id: 'api.graphql',
  files: [
    {
      // Schema files (type definitions); files holding only client queries do not count.
      rule: { extensions: ['.graphql', '.graphqls', '.gql'], where: ownFile, globs: ['**/*.{graphql,graphqls,gql}'] },
      content: codeMatch(/^[ \t]*(?:extend[ \t]+)?(type|input|interface|schema)\b[^\n{]*\{/gm, 'hash', (_m, path) => `GraphQL schema ${path}`),
    },
  ],
  dependencies: {
    npm: [
      '@apollo/server', 'apollo-server', 'apollo-server-*', 'graphql-yoga', 'mercurius', '@nestjs/graphql', 'type-graphql', 'express-graphql',
      'graphql-http', '@pothos/core', 'nexus', 'graphql-helix', '@graphql-tools/schema',
    ],
    pypi: ['graphene', 'graphene-django', 'strawberry-graphql', 'ariadne', 'tartiflette'],
    go: ['github.com/99designs/gqlgen', 'github.com/graphql-go/graphql', 'github.com/graph-gophers/graphql-go'],
    maven: ['com.graphql-java:*', 'org.springframework.boot:spring-boot-starter-graphql', 'com.netflix.graphql.dgs:*', 'com.expediagroup:graphql-kotlin-*'],
    nuget: ['HotChocolate.AspNetCore', 'HotChocolate', 'GraphQL.Server.*'],
    composer: ['webonyx/graphql-php', 'nuwave/lighthouse', 'rebing/graphql-laravel', 'overblog/graphql-bundle'],
    rubygems: ['graphql'],
    cargo: ['async-graphql', 'async-graphql-*', 'juniper'],
  },
});

const grpc = signalDetector({
  id: 'api.grpc',
  files: [
    {
      // A .proto with only messages is plain protobuf, not a gRPC service.
      rule: { extensions: ['.proto'], where: ownFile, globs: ['**/*.proto'] },
      content: codeMatch(/^[ \t]*service[ \t]+(\w+)[ \t]*\{/gm, 'c', (m, path, line) => `gRPC service ${m[1] ?? ''} in ${path}:${line}`),
    },
  ],
  dependencies: {
    npm: ['@grpc/grpc-js', 'grpc', 'nice-grpc', '@connectrpc/connect-node', '@connectrpc/connect-fastify', '@connectrpc/connect-express'],
    pypi: ['grpcio', 'grpcio-tools', 'grpclib', 'betterproto'],
    go: ['google.golang.org/grpc', 'connectrpc.com/connect'],
    maven: ['io.grpc:*', 'net.devh:grpc-server-spring-boot-starter', 'org.springframework.grpc:*', 'io.quarkus:quarkus-grpc'],
    nuget: ['Grpc.AspNetCore', 'Grpc.AspNetCore.Server', 'Grpc.Core', 'Grpc.Net.Client'],
    composer: ['grpc/grpc', 'spiral/roadrunner-grpc'],
    rubygems: ['grpc', 'gruf'],
    cargo: ['tonic', 'grpcio'],
  },
});

const realtime = signalDetector({
  id: 'api.realtime',
  dependencies: {
    npm: [
      'ws', 'socket.io', '@nestjs/websockets', '@nestjs/platform-socket.io', '@nestjs/platform-ws', '@fastify/websocket', 'express-ws', 'sockjs',
      'better-sse', 'uWebSockets.js', '@hono/node-ws', 'graphql-ws',
    ],
    pypi: ['websockets', 'channels', 'python-socketio', 'flask-socketio', 'sse-starlette', 'flask-sock', 'django-eventstream', 'wsproto'],
    go: ['github.com/gorilla/websocket', 'nhooyr.io/websocket', 'github.com/coder/websocket', 'github.com/gofiber/websocket', 'github.com/gofiber/contrib/websocket', 'github.com/olahol/melody', 'github.com/r3labs/sse'],
    maven: ['org.springframework.boot:spring-boot-starter-websocket', 'org.springframework:spring-websocket', 'javax.websocket:*', 'jakarta.websocket:*', 'io.ktor:ktor-server-websockets*', 'io.quarkus:quarkus-websockets*'],
    nuget: ['Microsoft.AspNetCore.SignalR*'],
    composer: ['cboden/ratchet', 'beyondcode/laravel-websockets', 'laravel/reverb', 'workerman/workerman'],
    rubygems: ['faye-websocket', 'anycable', 'anycable-rails', 'websocket-driver'],
    cargo: ['tokio-tungstenite', 'tungstenite', 'actix-ws', 'actix-web-actors'],
  },
  sources: [
    { languages: ['js'], pattern: /\bnew\s+(WebSocketServer|WebSocket\.Server)\s*\(/g, describe: (m) => `new ${m[1] ?? ''}()` },
    { languages: ['js', 'go'], pattern: /(['"])(?:Content-Type|content-type)\1\s*[:,]\s*(['"`])text\/event-stream/g, describe: () => 'Server-Sent Events (Content-Type: text/event-stream)' },
    { languages: ['python'], pattern: /^[ \t]*@\w+\.websocket(?:_route)?\(/gm, describe: (m) => `WebSocket endpoint ${m[0].trim()}` },
    { languages: ['python'], pattern: /\b(media_type|mimetype|content_type)\s*=\s*(['"])text\/event-stream/g, describe: () => 'Server-Sent Events (text/event-stream)' },
    { languages: ['python'], pattern: /\bEventSourceResponse\(/g, describe: () => 'Server-Sent Events (EventSourceResponse)' },
    { languages: ['go'], pattern: /\bwebsocket\.(Upgrader|Accept)\b/g, describe: (m) => `websocket.${m[1] ?? ''}` },
    { languages: ['java', 'kotlin'], pattern: /\b(SseEmitter|TEXT_EVENT_STREAM(?:_VALUE)?)\b|@(ServerEndpoint|MessageMapping)\b/g, describe: (m) => m[1] ?? `@${m[3] ?? ''}` },
    { languages: ['csharp'], pattern: /\b(AddSignalR|MapHub|UseWebSockets)\s*[<(]/g, describe: (m) => m[1] ?? '' },
    { languages: ['csharp'], pattern: /(?:\bContentType\s*=\s*|(["'])Content-Type\1\s*,\s*)"text\/event-stream"/g, describe: () => 'Server-Sent Events (text/event-stream)' },
    {
      languages: ['ruby'],
      pattern: /<\s*ApplicationCable::Channel\b/g,
      describe: () => 'Action Cable channel',
      where: (path) => !path.includes('application_cable/'),
    },
    { languages: ['rust'], pattern: /\b(WebSocketUpgrade|Sse\s*<|sse::Event)/g, describe: (m) => (m[1] ?? '').replace(/\s*<$/, '') },
  ],
  sourceHint: /socket|ws|sse|event|stream|realtime|hub|channel|server|app|main|program/,
});

export const API_DETECTORS: readonly Detector[] = [rest, openapi, graphql, grpc, realtime];
