import { assertAbsent, assertPresent } from '../helpers/scanFixtures';

const SSE_ENDPOINT = {
  'package.json': '{ "dependencies": { "express": "^4.0.0" } }',
  'src/events.js': "app.get('/events', (req, res) => {\n  res.writeHead(200, { 'Content-Type': 'text/event-stream' });\n});\n",
};
const SOCKET_IO_SERVER = {
  'package.json': '{ "dependencies": { "socket.io": "^4.7.0" } }',
  'src/server.js': "const { Server } = require('socket.io');\nconst io = new Server(httpServer);\n",
};

describe('realtime detectors', () => {
  describe('api.websocket', () => {
    const id = 'api.websocket';
    it('a ws server (Node)', () => assertPresent({ 'src/ws.ts': "import { WebSocketServer } from 'ws';\nconst wss = new WebSocketServer({ port: 8080 });\n" }, id, 'new WebSocketServer() in src/ws.ts:2'));
    it('@fastify/websocket (Node)', () => assertPresent({ 'package.json': '{ "dependencies": { "@fastify/websocket": "^10.0.0" } }' }, id, /@fastify\/websocket/));
    it('a FastAPI WebSocket route (Python)', () => assertPresent({ 'app/main.py': '@app.websocket("/ws")\nasync def ws(websocket: WebSocket):\n    await websocket.accept()\n' }, id, /WebSocket endpoint @app\.websocket\(/));
    it('Django Channels (Python)', () => assertPresent({ 'requirements.txt': 'channels==4.0\n' }, id, 'channels in requirements.txt'));
    it('gorilla/websocket Upgrader (Go)', () => assertPresent({ 'ws.go': 'package main\nvar upgrader = websocket.Upgrader{}\n' }, id, 'websocket.Upgrader in ws.go:2'));
    it('Spring WebSocket (Java)', () => assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-websocket</artifactId></dependency></dependencies></project>' }, id, /spring-boot-starter-websocket/));
    it('SignalR hub (C#)', () => assertPresent({ 'Program.cs': 'builder.Services.AddSignalR();\napp.MapHub<ChatHub>("/chat");\n' }, id, 'AddSignalR in Program.cs:1'));
    it('Laravel Reverb (PHP)', () => assertPresent({ 'composer.json': '{ "require": { "laravel/reverb": "^1.0" } }' }, id, /laravel\/reverb/));
    it('an Action Cable channel (Ruby)', () => assertPresent({ 'app/channels/chat_channel.rb': 'class ChatChannel < ApplicationCable::Channel\nend\n' }, id, 'Action Cable channel in app/channels/chat_channel.rb:1'));
    it('axum WebSocketUpgrade (Rust)', () => assertPresent({ 'src/main.rs': 'async fn ws(ws: WebSocketUpgrade) -> Response { todo!() }\n' }, id, 'WebSocketUpgrade in src/main.rs:1'));
    it('not an SSE endpoint', () => assertAbsent(SSE_ENDPOINT, id));
    it('not a Socket.IO server (api.socketio has it)', () => assertAbsent(SOCKET_IO_SERVER, id));
    it('not a ws client, the ws package alone, nor the generated Action Cable base classes', () =>
      assertAbsent(
        {
          'package.json': '{ "dependencies": { "ws": "^8.0.0" } }',
          'src/feed.ts': "const socket = new WebSocket('wss://stream.example.com');\n",
          'app/channels/application_cable/channel.rb': 'module ApplicationCable\n  class Channel < ActionCable::Channel::Base\n  end\nend\n',
        },
        id,
      ));
  });

  describe('api.sse', () => {
    const id = 'api.sse';
    it('text/event-stream in Express (Node)', () => assertPresent(SSE_ENDPOINT, id, 'Server-Sent Events (Content-Type: text/event-stream) in src/events.js:2'));
    it('NestJS @Sse (Node)', () => assertPresent({ 'src/events.controller.ts': "@Sse('events')\nstream() {}\n" }, id, /Server-Sent Events @Sse in src\/events\.controller\.ts:1/));
    it('sse-starlette (Python)', () => assertPresent({ 'requirements.txt': 'sse-starlette\n' }, id, 'sse-starlette in requirements.txt'));
    it('SseEmitter (Java)', () => assertPresent({ 'src/main/java/x/Events.java': 'class Events { SseEmitter stream() { return new SseEmitter(); } }\n' }, id, 'SseEmitter in src/main/java/x/Events.java:1'));
    it('text/event-stream (C#)', () => assertPresent({ 'Program.cs': 'app.MapGet("/events", async ctx => { ctx.Response.ContentType = "text/event-stream"; });\n' }, id, /Server-Sent Events \(text\/event-stream\) in Program\.cs:1/));
    it('an SSE header (PHP)', () => assertPresent({ 'public/events.php': "<?php\nheader('Content-Type: text/event-stream');\n" }, id, 'Server-Sent Events header in public/events.php:2'));
    it('axum Sse (Rust)', () => assertPresent({ 'src/main.rs': 'async fn events() -> Sse<impl Stream> { todo!() }\n' }, id, 'Server-Sent Events (Sse) in src/main.rs:1'));
    it('not a WebSocket server, nor an EventSource client, nor a quoted mention', () =>
      assertAbsent(
        {
          'src/ws.ts': "const wss = new WebSocketServer({ port: 8080 });\n",
          'web/app.js': "const es = new EventSource('/events');\n",
          'src/log.js': "console.log('we could send Content-Type: text/event-stream later');\n",
        },
        id,
      ));
  });

  describe('api.socketio', () => {
    const id = 'api.socketio';
    it('socket.io (Node)', () => assertPresent(SOCKET_IO_SERVER, id, /socket\.io in package\.json/));
    it('flask-socketio (Python)', () => assertPresent({ 'requirements.txt': 'flask-socketio\n' }, id, 'flask-socketio in requirements.txt'));
    it('python-socketio AsyncServer (Python)', () => assertPresent({ 'app/sio.py': 'import socketio\nsio = socketio.AsyncServer(async_mode="asgi")\n' }, id, 'python-socketio AsyncServer in app/sio.py:2'));
    it('netty-socketio (Java)', () => assertPresent({ 'pom.xml': '<project><dependencies><dependency><groupId>com.corundumstudio.socketio</groupId><artifactId>netty-socketio</artifactId></dependency></dependencies></project>' }, id, /netty-socketio/));
    it('not the socket.io client of a front end, a plain ws server, nor a python-socketio client', () =>
      assertAbsent(
        {
          'package.json': '{ "dependencies": { "socket.io-client": "^4.7.0", "ws": "^8.0.0" } }',
          'src/ws.ts': 'const wss = new WebSocketServer({ port: 1 });\n',
          'bot.py': 'import socketio\nsio = socketio.Client()\n',
        },
        id,
      ));
  });
});
