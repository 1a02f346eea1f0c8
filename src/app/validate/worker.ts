/**
 * Entry of the validation Web Worker (its own chunk: `new Worker(new URL("./worker.ts", import.meta.url))`).
 * Pure core only — no Office, no React, no DOM — so a big check never blocks the pane.
 */
import { loadTraditional } from "../traditional";
import { handleWorkerMessage } from "./worker-handler";
import type { WorkerReply } from "./protocol";

interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null;
  postMessage(message: WorkerReply): void;
}

const scope = self as unknown as WorkerScope;
// A zh-TW check writes its messages in Traditional Chinese: the worker loads that table too.
scope.onmessage = (event) => {
  const lang = (event.data as { job?: { lang?: unknown } } | null)?.job?.lang;
  const post = (reply: WorkerReply) => scope.postMessage(reply);
  if (lang !== "zh-TW") {
    handleWorkerMessage(event.data, post);
    return;
  }
  loadTraditional().then(
    () => handleWorkerMessage(event.data, post),
    // Not loaded: the check still runs, its messages in simplified Chinese (and the console says why).
    (e: unknown) => {
      console.error(e);
      handleWorkerMessage(event.data, post);
    },
  );
};
