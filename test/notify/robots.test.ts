import { createHmac } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { WECOM_TEXT_BYTES, utf8Bytes } from "../../src/core/remind";
import { actionItemsBook, contactsBook } from "../core/remind/fixtures";
import { liaison, robotServer, type Answer, type RecordedRequest, type RobotServer } from "./servers";

/**
 * Each robot against a local server that checks the request as the platform documents it — path,
 * JSON shape, the signature recomputed from the secret — and answers as the platform does.
 *
 * WeCom https://developer.work.weixin.qq.com/document/path/91770 ; DingTalk
 * https://open.dingtalk.com/document/group/custom-robot-access (signature:
 * https://open.dingtalk.com/document/group/customize-robot-security-settings) ; Feishu
 * https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 */

let dir: string;
let book: string;
let contacts: string;
const SECRET = "SEC0123456789abcdef+/=";
const servers: RobotServer[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "liaison-robots-"));
  book = path.join(dir, "待办.xlsx");
  writeFileSync(
    book,
    await actionItemsBook([
      ["提交排期表", "刘强", "2024-09-30", "进行中"],
      ["准备宣传物料", "王芳", "2024-10-09", "未开始"],
      ["整理话术", "陈静", "2024-10-07", "进行中"],
    ]),
  );
  contacts = path.join(dir, "通讯录.xlsx");
  writeFileSync(
    contacts,
    await contactsBook([
      ["刘强", "13800138001", "lq@example.com"],
      ["王芳", "13800138002", null],
    ]),
  );
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(answer: (req: RecordedRequest, n: number) => Answer): Promise<RobotServer> {
  const s = await robotServer(answer);
  servers.push(s);
  return s;
}

const ok = { status: 200, body: { errcode: 0, errmsg: "ok" } };
const isStrings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === "string");

/** WeCom: POST /cgi-bin/webhook/send?key=…, markdown ≤ 4096 bytes or text ≤ 2048 bytes with mentioned_mobile_list. */
function wecomAnswer(req: RecordedRequest): Answer {
  const body = req.json;
  if (req.method !== "POST" || req.url.pathname !== "/cgi-bin/webhook/send" || req.url.searchParams.get("key") !== "KEY1") {
    return { status: 200, body: { errcode: 93000, errmsg: "invalid webhook url" } };
  }
  if (!req.contentType.startsWith("application/json")) return { status: 200, body: { errcode: 40008, errmsg: "invalid message type" } };
  const md = body.markdown as { content?: unknown } | undefined;
  const text = body.text as { content?: unknown; mentioned_mobile_list?: unknown } | undefined;
  if (body.msgtype === "markdown" && Object.keys(body).length === 2 && typeof md?.content === "string") {
    return utf8Bytes(md.content) <= 4096
      ? ok
      : { status: 200, body: { errcode: 40058, errmsg: "markdown.content exceed max length 4096" } };
  }
  if (
    body.msgtype === "text" &&
    typeof text?.content === "string" &&
    utf8Bytes(text.content) <= WECOM_TEXT_BYTES &&
    isStrings(text.mentioned_mobile_list)
  )
    return ok;
  return { status: 200, body: { errcode: 40008, errmsg: "invalid message type" } };
}

/** DingTalk: POST /robot/send?access_token=…&timestamp=<ms>&sign=<urlencoded base64 HMAC-SHA256(secret, timestamp+"\n"+secret)>. */
function dingtalkAnswer(secret: string) {
  return (req: RecordedRequest): Answer => {
    const q = req.url.searchParams;
    if (req.url.pathname !== "/robot/send" || q.get("access_token") !== "TOKEN1")
      return { status: 200, body: { errcode: 300001, errmsg: "token is not exist" } };
    const timestamp = q.get("timestamp") ?? "";
    const expected = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
    const rawSign = /(?:^|&)sign=([^&]*)/.exec(req.rawQuery)?.[1] ?? "";
    const fresh = Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
    if (!fresh || q.get("sign") !== expected || !/^[A-Za-z0-9%]+$/.test(rawSign)) {
      return {
        status: 200,
        body: { errcode: 310000, errmsg: "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]" },
      };
    }
    const b = req.json;
    const md = b.markdown as { title?: unknown; text?: unknown } | undefined;
    const at = b.at as { atMobiles?: unknown; isAtAll?: unknown } | undefined;
    if (
      b.msgtype !== "markdown" ||
      typeof md?.title !== "string" ||
      typeof md.text !== "string" ||
      !isStrings(at?.atMobiles) ||
      at?.isAtAll !== false
    ) {
      return { status: 200, body: { errcode: 40035, errmsg: "缺少参数 json" } };
    }
    return ok;
  };
}

/** Feishu: POST /open-apis/bot/v2/hook/<id>, body { timestamp: "<s>", sign: base64(HMAC-SHA256(key=timestamp+"\n"+secret, "")), msg_type, content }. */
function feishuAnswer(secret: string) {
  return (req: RecordedRequest): Answer => {
    if (req.url.pathname !== "/open-apis/bot/v2/hook/HOOK1")
      return { status: 404, body: { code: 19001, msg: "param invalid: incoming webhook access token invalid" } };
    const b = req.json;
    const ts = typeof b.timestamp === "string" ? b.timestamp : "";
    const expected = createHmac("sha256", `${ts}\n${secret}`).update("").digest("base64");
    if (Math.abs(Date.now() / 1000 - Number(ts)) > 3600 || b.sign !== expected) {
      return { status: 200, body: { code: 19021, msg: "sign match fail or timestamp is not within one hour from current time" } };
    }
    const post = (b.content as { post?: { zh_cn?: { title?: unknown; content?: unknown } } } | undefined)?.post?.zh_cn;
    const paragraphs = post?.content;
    const wellFormed =
      b.msg_type === "post" &&
      typeof post?.title === "string" &&
      Array.isArray(paragraphs) &&
      paragraphs.every(
        (p) => Array.isArray(p) && p.every((e: { tag?: unknown; text?: unknown }) => e.tag === "text" && typeof e.text === "string"),
      );
    if (!wellFormed || Buffer.byteLength(JSON.stringify(b)) > 20 * 1024)
      return { status: 400, body: { code: 9499, msg: "Bad Request", data: {} } };
    return { status: 200, body: { code: 0, msg: "success", data: {}, Extra: null, StatusCode: 0, StatusMessage: "success" } };
  };
}

const today = ["--today", "2024-10-08"];

describe("企业微信", () => {
  it("posts the markdown digest and a text message that mentions the owners by mobile", async () => {
    const s = await serve(wecomAnswer);
    const r = await liaison([
      "remind",
      book,
      "--to",
      "wecom",
      "--webhook",
      `${s.url}/cgi-bin/webhook/send?key=KEY1`,
      "--contacts",
      contacts,
      ...today,
    ]);
    expect(r.stderr).toBe("liaison：通讯录中没有“陈静”，群消息中无法@此人。\n");
    expect(r.code).toBe(0);
    expect(s.requests.map((q) => q.json.msgtype)).toEqual(["markdown", "text"]);
    const content = (s.requests[0].json.markdown as { content: string }).content;
    // Escalations first, then overdue, then due soon; every item with its place.
    expect(content.indexOf("提交排期表")).toBeLessThan(content.indexOf("整理话术"));
    expect(content.indexOf("整理话术")).toBeLessThan(content.indexOf("准备宣传物料"));
    expect(content).toContain("截止2024年9月30日，已逾期8天｜待办.xlsx › 待办事项 › 第2行");
    expect((s.requests[1].json.text as { mentioned_mobile_list: string[] }).mentioned_mobile_list).toEqual(["13800138001", "13800138002"]);
    expect(r.stdout).toContain("已发送到企业微信：第1/2条（3项）。");
  });
});

describe("钉钉", () => {
  it("signs the URL (timestamp in ms, sign URL-encoded) and @-mentions by atMobiles", async () => {
    const s = await serve(dingtalkAnswer(SECRET));
    const r = await liaison([
      "remind",
      book,
      "--to",
      "dingtalk",
      "--webhook",
      `${s.url}/robot/send?access_token=TOKEN1`,
      "--secret",
      SECRET,
      "--contacts",
      contacts,
      ...today,
    ]);
    expect(r.code).toBe(0);
    expect(s.requests).toHaveLength(1);
    expect((s.requests[0].json.at as { atMobiles: string[] }).atMobiles).toEqual(["13800138001", "13800138002"]);
    expect((s.requests[0].json.markdown as { text: string }).text).toContain("#### 刘强 @13800138001");
  });

  it("says which owners cannot be @-mentioned (duplicate name, no mobile) and mentions only the others", async () => {
    const messy = path.join(dir, "通讯录-重名.xlsx");
    writeFileSync(
      messy,
      await contactsBook([
        ["刘强", "13800138001", null],
        ["刘强", "13900139001", null],
        ["王芳", null, "wf@example.com"],
        ["陈静", "13800138003", null],
      ]),
    );
    const s = await serve(dingtalkAnswer(SECRET));
    const r = await liaison([
      "remind",
      book,
      "--to",
      "dingtalk",
      "--webhook",
      `${s.url}/robot/send?access_token=TOKEN1`,
      "--secret",
      SECRET,
      "--contacts",
      messy,
      ...today,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n").filter((l) => l !== "")).toEqual([
      "liaison：通讯录：“刘强”出现了2次（通讯录 第2行、通讯录 第3行），无法确定是哪一位：不会@此人，也不会给此人发邮件。",
      "liaison：通讯录：“王芳”没有手机号（通讯录 第4行），群消息中无法@此人。",
    ]);
    expect((s.requests[0].json.at as { atMobiles: string[] }).atMobiles).toEqual(["13800138003"]);
  });

  it("reports a signature error (310000) clearly and does not retry it", async () => {
    const s = await serve(dingtalkAnswer(SECRET));
    const r = await liaison([
      "remind",
      book,
      "--to",
      "dingtalk",
      "--webhook",
      `${s.url}/robot/send?access_token=TOKEN1`,
      "--secret",
      "SECwrong",
      ...today,
    ]);
    expect(r.code).toBe(1);
    expect(s.requests).toHaveLength(1);
    expect(r.stderr).toContain("liaison：发送到钉钉失败（第1/1条，3项）：签名校验失败（错误码 310000：sign not match");
    expect(r.stdout).toContain("共发送0条，失败1条。");
  });
});

describe("飞书", () => {
  it("puts timestamp (s) and sign in the body and posts a post message", async () => {
    const s = await serve(feishuAnswer(SECRET));
    const r = await liaison([
      "remind",
      book,
      "--to",
      "feishu",
      "--webhook",
      `${s.url}/open-apis/bot/v2/hook/HOOK1`,
      "--secret",
      SECRET,
      ...today,
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(s.requests).toHaveLength(1);
    expect(Object.keys(s.requests[0].json)).toEqual(["timestamp", "sign", "msg_type", "content"]);
  });

  it("reports 19021 (bad signature) without retrying", async () => {
    const s = await serve(feishuAnswer(SECRET));
    const r = await liaison([
      "remind",
      book,
      "--to",
      "feishu",
      "--webhook",
      `${s.url}/open-apis/bot/v2/hook/HOOK1`,
      "--secret",
      "other",
      ...today,
    ]);
    expect(r.code).toBe(1);
    expect(s.requests).toHaveLength(1);
    expect(r.stderr).toContain("签名校验失败（错误码 19021");
  });
});

describe("failures worth retrying", () => {
  const wecom = (s: RobotServer): string[] => [
    "remind",
    book,
    "--to",
    "wecom",
    "--webhook",
    `${s.url}/cgi-bin/webhook/send?key=KEY1`,
    ...today,
  ];

  it.each<[string, Answer, string]>([
    ["HTTP 500", { status: 500, body: "Internal Server Error" }, "HTTP 500"],
    ["HTTP 429", { status: 429, body: "", headers: { "Retry-After": "0" } }, "发送太频繁，被企业微信限流（HTTP 429）"],
    [
      "a rate-limit code",
      { status: 200, body: { errcode: 45009, errmsg: "api freq out of limit" } },
      "限流（45009 api freq out of limit）",
    ],
    ["no answer (time-out)", "hang", "1.5秒内没有响应"],
  ])("retries after %s, then sends once", async (_what, first, reason) => {
    const s = await serve((req, n) => (n === 1 ? first : wecomAnswer(req)));
    // A short time-out for the request that gets no answer (the others answer at once).
    const r = await liaison(wecom(s), first === "hang" ? { LIAISON_HTTP_TIMEOUT_MS: "1500" } : {});
    expect(r.code).toBe(0);
    expect(s.requests).toHaveLength(2);
    expect(r.stderr).toMatch(/^liaison：发送到企业微信失败（.+），0(\.0)?\d*秒后重试（第1次重试，共3次）。\n$/);
    expect(r.stderr).toContain(reason);
    expect(r.stdout).toContain("已发送到企业微信：第1/1条（3项）。");
  });

  it("gives up after three retries, says why, exit 1", async () => {
    const s = await serve(() => ({ status: 500, body: "busy" }));
    const r = await liaison(wecom(s));
    expect(r.code).toBe(1);
    expect(s.requests).toHaveLength(4);
    expect(r.stderr.trim().split("\n").pop()).toBe("liaison：发送到企业微信失败（第1/1条，3项）：HTTP 500");
  });

  it("reports a refused connection as a network error", async () => {
    const s = await serve(wecomAnswer);
    const url = `${s.url}/cgi-bin/webhook/send?key=KEY1`;
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    const r = await liaison(["remind", book, "--to", "wecom", "--webhook", url, ...today]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("网络错误：ECONNREFUSED");
  });
});

describe("--state", () => {
  it("sends nothing on a second run the same day and only what changed the next day; failed sends are not recorded", async () => {
    const state = path.join(dir, "state.json");
    rmSync(state, { force: true });
    const down = await serve(() => ({ status: 502, body: "bad gateway" }));
    const failed = await liaison([
      "remind",
      book,
      "--to",
      "wecom",
      "--webhook",
      `${down.url}/cgi-bin/webhook/send?key=KEY1`,
      "--state",
      state,
      ...today,
    ]);
    expect(failed.code).toBe(1);

    const s = await serve(wecomAnswer);
    const args = ["remind", book, "--to", "wecom", "--webhook", `${s.url}/cgi-bin/webhook/send?key=KEY1`, "--state", state];
    expect((await liaison([...args, ...today])).code).toBe(0);
    expect(s.requests).toHaveLength(1);
    expect(JSON.parse(readFileSync(state, "utf8")).version).toBe(1);

    const again = await liaison([...args, ...today]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("这3项今天已提醒过，没有新的变化，未发送。\n");
    expect(s.requests).toHaveLength(1);

    // 2024-10-09: 准备宣传物料 is due today (still due-soon), 整理话术 becomes an escalation (2 days).
    const next = await liaison([...args, "--today", "2024-10-09"]);
    expect(next.code).toBe(0);
    expect(s.requests).toHaveLength(2);
    const content = (s.requests[1].json.markdown as { content: string }).content;
    expect(content).toContain("整理话术");
    expect(content).not.toContain("提交排期表");
    expect(content).not.toContain("准备宣传物料");
    expect(next.stderr).toBe("liaison：2项今天已提醒过，不再重复。\n");
  });

  it("refuses a broken state file before sending anything", async () => {
    const state = path.join(dir, "broken.json");
    writeFileSync(state, "{not json");
    const s = await serve(wecomAnswer);
    const r = await liaison([
      "remind",
      book,
      "--to",
      "wecom",
      "--webhook",
      `${s.url}/cgi-bin/webhook/send?key=KEY1`,
      "--state",
      state,
      ...today,
    ]);
    expect(r.code).toBe(2);
    expect(s.requests).toHaveLength(0);
    expect(r.stderr).toMatch(/^liaison：状态文件“.*broken\.json”无法使用：/);
  });
});

describe("arguments", () => {
  it.each([
    [["remind", "x.xlsx"], "缺少 --to：请指定 wecom、dingtalk、feishu 或 email。"],
    [["remind", "x.xlsx", "--to", "slack"], "--to 的值“slack”无效，可用：wecom、dingtalk、feishu、email。"],
    [["remind", "x.xlsx", "--to", "wecom"], "--to wecom 需要 --webhook <机器人的 Webhook 地址>。"],
    [
      ["remind", "x.xlsx", "--to", "wecom", "--webhook", "http://x", "--secret", "s"],
      "企业微信群机器人没有签名密钥：--secret 只用于钉钉和飞书。",
    ],
    [
      ["remind", "x.xlsx", "--to", "email", "--contacts", "c.xlsx", "--smtp", "http://x", "--from", "a@b.c"],
      "--smtp 的值无效：应为 smtp://user:password@host:port 或 smtps://…（465 端口）。",
    ],
  ])("%j → one line, exit 2", async (argv, line) => {
    const r = await liaison(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`liaison：${line}用 liaison remind --help 查看用法。\n`);
  });

  it("--dry-run prints the messages and sends nothing", async () => {
    const r = await liaison(["remind", book, "--to", "dingtalk", "--dry-run", ...today]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("—— 预览（--dry-run，未发送）：钉钉 第1/1条 ——");
    expect(r.stdout).toContain('"msgtype":"markdown"');
  });
});
