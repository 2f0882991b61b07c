// Entry of dist/gitWorker.js: a worker thread of the extension host that starts git processes, so the
// fork of each one (35–73 ms of a large host) is paid on this thread, not on the host's (see gitWorkerClient.ts).
import { parentPort } from 'node:worker_threads';
import { runGitProcess } from './gitProcess';
import type { GitWorkerMessage, GitWorkerReply } from './gitWorkerProtocol';

const port = parentPort;
if (port === null) {
  throw new Error('gitWorker.js runs as a worker thread only');
}
const running = new Map<number, AbortController>();
port.on('message', (message: GitWorkerMessage) => {
  if (message.type === 'abort') {
    running.get(message.id)?.abort();
    return;
  }
  if (message.type === 'end') {
    // Aborting kills each process group at once (synchronously): nothing is left running after the thread.
    for (const controller of running.values()) {
      controller.abort();
    }
    process.exit(0);
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  void runGitProcess(message.request, controller.signal).then((outcome) => {
    running.delete(message.id);
    const reply: GitWorkerReply = { id: message.id, outcome };
    port.postMessage(reply);
  });
});
