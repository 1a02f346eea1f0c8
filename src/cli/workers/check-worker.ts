// Entry of a check worker thread, bundled by scripts/build-cli.mjs into dist/cli/check-worker.cjs
// next to liaison.cjs. It takes one CheckJob at a time and answers its CheckJobResult.
import { parentPort, workerData } from "node:worker_threads";
import { runCheckJob } from "./check-job";
import { CHECK_WORKER_TAG, type CheckJob } from "./protocol";

const port = parentPort;
if (port && workerData === CHECK_WORKER_TAG) {
  port.on("message", (job: CheckJob) => {
    void runCheckJob(job).then((result) => port.postMessage(result));
  });
}
