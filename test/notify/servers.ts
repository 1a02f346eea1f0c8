import http from "node:http";
import type { AddressInfo } from "node:net";
import { run } from "../../src/cli/run";

/**
 * A local stand-in for a robot's webhook: an HTTP server on 127.0.0.1 (a free port), started and
 * stopped by the test, that records every request and answers what `answer` says.
 */

export interface RecordedRequest {
  readonly method: string;
  readonly url: URL;
  /** The query string exactly as sent (to see the URL encoding). */
  readonly rawQuery: string;
  readonly contentType: string;
  readonly json: Record<string, unknown>;
}

export type Answer = { status: number; body: unknown; headers?: Record<string, string> } | "hang";

export interface RobotServer {
  readonly url: string;
  readonly requests: RecordedRequest[];
  close(): Promise<void>;
}

export async function robotServer(answer: (req: RecordedRequest, n: number) => Answer): Promise<RobotServer> {
  const requests: RecordedRequest[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        json = { __notJson: raw };
      }
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const r: RecordedRequest = {
        method: req.method ?? "",
        url,
        rawQuery: (req.url ?? "").split("?")[1] ?? "",
        contentType: req.headers["content-type"] ?? "",
        json,
      };
      requests.push(r);
      const a = answer(r, requests.length);
      if (a === "hang") {
        hanging.push(res);
        return;
      }
      res.writeHead(a.status, { "Content-Type": "application/json", ...(a.headers ?? {}) });
      res.end(typeof a.body === "string" ? a.body : JSON.stringify(a.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `liaison …` in this process; fast retries so that error paths take milliseconds (the time-out stays generous: the machine may be busy). */
export async function liaison(argv: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run({
    argv,
    env: { LIAISON_RETRY_BASE_MS: "5", LIAISON_HTTP_TIMEOUT_MS: "15000", ...env },
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    stdoutIsTTY: false,
    version: "test",
  });
  return { code, stdout, stderr };
}
