import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { actionItemsBook, contactsBook } from "../core/remind/fixtures";
import { liaison } from "./servers";

/**
 * `--to email` against a local SMTP server (smtp-server, 127.0.0.1, no TLS) that checks the login,
 * the envelope and the message: one message per owner with an address in the 通讯录.
 */

interface Received {
  from: string;
  to: string[];
  data: string;
}

let dir: string;
let book: string;
let contacts: string;
let server: SMTPServer;
let port: number;
let received: Received[];
let rejectNext: number;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "liaison-mail-"));
  book = path.join(dir, "待办.xlsx");
  writeFileSync(
    book,
    await actionItemsBook([
      ["提交排期表", "刘强", "2024-09-30", "进行中"],
      ["准备宣传物料", "王芳", "2024-10-09", "未开始"],
      ["整理话术", "陈静", "2024-10-07", "进行中"],
      ["核对合同", "赵磊", "2024-10-01", "进行中"],
      ["补签协议", "孙丽", "2024-10-02", "进行中"],
    ]),
  );
  contacts = path.join(dir, "通讯录.xlsx");
  writeFileSync(
    contacts,
    await contactsBook([
      ["刘强", "13800138001", "liuqiang@example.com"],
      ["王芳", "13800138002", "wangfang@example.com"],
      ["陈静", "13800138003", null],
      ["赵磊", "13800138004", "zl1@example.com"],
      ["赵磊", "13800138005", "zl2@example.com"],
    ]),
  );
  server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === "robot" && auth.password === "p@ss") cb(null, { user: "robot" });
      else cb(new Error("535 authentication failed"));
    },
    onRcptTo(address: SMTPServerAddress, _session, cb) {
      if (rejectNext > 0) {
        rejectNext--;
        const e = Object.assign(new Error("mailbox busy, try later"), { responseCode: 451 });
        cb(e);
        return;
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString("utf8"),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
beforeEach(() => {
  received = [];
  rejectNext = 0;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const args = (): string[] => [
  "remind",
  book,
  "--to",
  "email",
  "--smtp",
  `smtp://robot:${encodeURIComponent("p@ss")}@127.0.0.1:${port}`,
  "--from",
  "liaison@example.com",
  "--contacts",
  contacts,
  "--today",
  "2024-10-08",
];

/** The decoded text of a message (nodemailer sends UTF-8 text as quoted-printable or base64). */
function bodyText(data: string): string {
  const [head, ...rest] = data.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  if (/Content-Transfer-Encoding: base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding: quoted-printable/i.test(head)) {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

function subject(data: string): string {
  const m = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(data);
  const raw = (m?.[1] ?? "").replace(/\r?\n[ \t]/g, " ");
  // RFC 2047 encoded words, as nodemailer writes non-ASCII subjects.
  return raw.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_w, enc: string, text: string) =>
    enc.toUpperCase() === "B"
      ? Buffer.from(text, "base64").toString("utf8")
      : Buffer.from(
          text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          "latin1",
        ).toString("utf8"),
  );
}

describe("--to email", () => {
  it("sends one message per owner with an address; says who could not be mailed and why", async () => {
    const r = await liaison(args());
    expect(r.code).toBe(0);
    expect(received.map((m) => [m.from, m.to])).toEqual([
      ["liaison@example.com", ["liuqiang@example.com"]],
      ["liaison@example.com", ["wangfang@example.com"]],
    ]);
    expect(subject(received[0].data)).toBe("【催办】刘强：1项待办（2024年10月8日）");
    const text = bodyText(received[0].data);
    expect(text).toContain("刘强，您好：");
    expect(text).toContain("【问责】提交排期表｜截止2024年9月30日，已逾期8天｜待办.xlsx › 待办事项 › 第2行");
    expect(text).not.toContain("准备宣传物料");
    expect(r.stderr.split("\n").filter((l) => l !== "")).toEqual([
      "liaison：通讯录：“赵磊”出现了2次（通讯录 第5行、通讯录 第6行），无法确定是哪一位：不会@此人，也不会给此人发邮件。",
      "liaison：通讯录中没有“孙丽”，此人的1项没有发邮件。",
      "liaison：通讯录：“陈静”没有邮箱（通讯录 第4行），此人的1项没有发邮件。",
    ]);
    expect(r.stdout).toContain("已发邮件给刘强 <liuqiang@example.com>：1项。");
  });

  it("retries a temporary SMTP refusal (4xx) and sends once", async () => {
    rejectNext = 1;
    const r = await liaison(args());
    expect(r.code).toBe(0);
    expect(received).toHaveLength(2);
    expect(r.stderr).toContain("SMTP 错误：");
  });

  it("reports a refused login without retrying, exit 1", async () => {
    const bad = args().map((a) => a.replace("robot:", "robot2:"));
    const r = await liaison(bad);
    expect(r.code).toBe(1);
    expect(received).toHaveLength(0);
    expect(r.stderr).toContain("给刘强 <liuqiang@example.com> 的邮件发送失败：SMTP 错误：");
    expect(r.stderr).not.toContain("重试");
  });
});
