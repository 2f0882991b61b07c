import type { Detector } from '../detector';
import { signalDetector } from '../signals';

/**
 * A WebSocket server endpoint written against a WebSocket API. Libraries that are also clients (ws, websockets,
 * gorilla/websocket, tokio-tungstenite) count only through their server calls. Socket.IO has its own id
 * (api.socketio): it runs its own protocol over WebSocket or long polling, and a plain WebSocket client cannot
 * talk to it, so it does not make this one present; a roadmap rule can accept either.
 */
const websocket = signalDetector({
  id: 'api.websocket',
  dependencies: {
    npm: ['@nestjs/platform-ws', '@fastify/websocket', 'express-ws', 'uWebSockets.js', '@hono/node-ws', 'koa-easy-ws', 'express-ws-routes'],
    pypi: ['channels', 'flask-sock', 'django-channels'],
    go: ['github.com/gofiber/websocket', 'github.com/gofiber/contrib/websocket', 'github.com/olahol/melody'],
    maven: ['org.springframework.boot:spring-boot-starter-websocket', 'org.springframework:spring-websocket', 'io.ktor:ktor-server-websockets*', 'io.quarkus:quarkus-websockets', 'io.quarkus:quarkus-websockets-next', 'io.micronaut:micronaut-websocket'],
    composer: ['cboden/ratchet', 'beyondcode/laravel-websockets', 'laravel/reverb'],
    rubygems: ['anycable', 'anycable-rails'],
    cargo: ['actix-ws'],
  },
  sources: [
    { languages: ['js'], pattern: /\bnew\s+(WebSocketServer|WebSocket\.Server|WSServer)\s*\(/g, describe: (m) => `new ${m[1] ?? ''}()` },
    { languages: ['js'], pattern: /\bfrom\s+(['"])graphql-ws\/(?:lib\/)?use\/ws\1/g, describe: () => 'graphql-ws subscriptions server' },
    { languages: ['js'], pattern: /\bupgradeWebSocket\s*\(/g, describe: () => 'Hono upgradeWebSocket' },
    { languages: ['python'], pattern: /^[ \t]*@\w+\.websocket(?:_route)?\(/gm, describe: (m) => `WebSocket endpoint ${m[0].trim()}` },
    { languages: ['python'], pattern: /\bWebSocketRoute\(|\bwebsockets\.(?:serve|server\.serve)\(|\b(?:Async)?WebsocketConsumer\b|\bwebsocket:\s*WebSocket\b/g, describe: (m) => `WebSocket endpoint ${m[0].replace(/[(:\s].*$/, '')}` },
    { languages: ['go'], pattern: /\bwebsocket\.(Upgrader|Accept)\b/g, describe: (m) => `websocket.${m[1] ?? ''}` },
    { languages: ['java', 'kotlin'], pattern: /@ServerEndpoint\b|\b(?:implements|:)\s*(WebSocketConfigurer|WebSocketMessageBrokerConfigurer)\b|@EnableWebSocket(?:MessageBroker)?\b/g, describe: (m) => m[1] ?? m[0] },
    { languages: ['csharp'], pattern: /\b(AddSignalR|MapHub|UseWebSockets|AcceptWebSocketAsync)\s*[<(]/g, describe: (m) => m[1] ?? '' },
    {
      // Action Cable: the learner's own channels (the generated application_cable/ base classes do not count).
      languages: ['ruby'],
      pattern: /<\s*ApplicationCable::Channel\b/g,
      describe: () => 'Action Cable channel',
      where: (path) => !path.includes('application_cable/'),
    },
    { languages: ['rust'], pattern: /\bWebSocketUpgrade\b|\baccept_(?:hdr_)?async\s*\(|\bwarp::ws\(\)|\bws::start\s*\(/g, describe: (m) => m[0].replace(/\s*\($/, '') },
  ],
  sourceHint: /socket|ws|realtime|hub|channel|gateway|consumer|server|app|main|program/,
});

/** Server-Sent Events responses (an EventSource in browser code is a client and does not count). */
const sse = signalDetector({
  id: 'api.sse',
  dependencies: {
    npm: ['better-sse', '@fastify/sse', 'fastify-sse-v2', 'express-sse', 'sse-channel'],
    pypi: ['sse-starlette', 'django-eventstream', 'flask-sse'],
    go: ['github.com/r3labs/sse', 'github.com/tmaxmax/go-sse'],
    composer: ['hhxsv5/php-sse'],
  },
  sources: [
    { languages: ['js', 'go'], pattern: /(['"])(?:Content-Type|content-type)\1\s*[:,]\s*(['"`])text\/event-stream/g, describe: () => 'Server-Sent Events (Content-Type: text/event-stream)' },
    { languages: ['js'], pattern: /@Sse\(|\bstreamSSE\s*\(/g, describe: (m) => `Server-Sent Events ${m[0].replace(/\s*\($/, '')}` },
    { languages: ['python'], pattern: /\b(media_type|mimetype|content_type)\s*=\s*(['"])text\/event-stream/g, describe: () => 'Server-Sent Events (text/event-stream)' },
    { languages: ['python'], pattern: /\bEventSourceResponse\(/g, describe: () => 'Server-Sent Events (EventSourceResponse)' },
    { languages: ['java', 'kotlin'], pattern: /\b(SseEmitter|ServerSentEvent|TEXT_EVENT_STREAM(?:_VALUE)?)\b|@SseElementType\b/g, describe: (m) => m[1] ?? m[0] },
    { languages: ['csharp'], pattern: /(?:\bContentType\s*=\s*|(["'])Content-Type\1\s*,\s*)"text\/event-stream"|\bServerSentEvents\s*\(/g, describe: () => 'Server-Sent Events (text/event-stream)' },
    { languages: ['php'], pattern: /\bheader\(\s*(['"])Content-Type:\s*text\/event-stream/gi, describe: () => 'Server-Sent Events header' },
    { languages: ['ruby'], pattern: /\bSSE\.new\(|(['"])Content-Type\1\]\s*=\s*(['"])text\/event-stream/g, describe: () => 'Server-Sent Events (ActionController::Live SSE)' },
    { languages: ['rust'], pattern: /\bSse\s*<|\bsse::Event\b|\bSse::new\(/g, describe: () => 'Server-Sent Events (Sse)' },
  ],
  sourceHint: /sse|event|stream|realtime|notification|server|app|main|program|controller/,
});

/** A Socket.IO server; `socket.io-client` in a front end is a client. */
const socketio = signalDetector({
  id: 'api.socketio',
  dependencies: {
    npm: ['socket.io', '@nestjs/platform-socket.io', '@socket.io/redis-adapter', 'fastify-socket.io'],
    pypi: ['flask-socketio', 'django-socketio'],
    go: ['github.com/googollee/go-socket.io', 'github.com/zishang520/socket.io', 'github.com/zishang520/socket.io/v2'],
    maven: ['com.corundumstudio.socketio:netty-socketio', 'io.socket:socket.io-server'],
    composer: ['workerman/phpsocket.io'],
    cargo: ['socketioxide'],
  },
  sources: [{ languages: ['python'], pattern: /\bsocketio\.(Async)?Server\s*\(/g, describe: (m) => `python-socketio ${m[1] ?? ''}Server` }],
  sourceHint: /socket|realtime|server|app|main/,
});

export const REALTIME_DETECTORS: readonly Detector[] = [websocket, sse, socketio];
