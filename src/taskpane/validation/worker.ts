/**
 * Entry of the validation Web Worker (its own chunk: `new Worker(new URL("./worker.ts", import.meta.url))`).
 * Pure core only — no Office, no React, no DOM — so a big check never blocks the pane.
 */
import { handleWorkerMessage } from "./worker-handler";
import type { WorkerReply } from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => handleWorkerMessage(event.data, (reply) => scope.postMessage(reply));
