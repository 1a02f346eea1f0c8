// Renders the robots' reminder markdown (from `liaison remind --dry-run`) as the chat clients
// would show it, and screenshots it with headless Chromium into docs/screenshots/. A real robot
// cannot be called from here, so this is a rendering of the exact markdown, not a client capture.
//   node scripts/remind-preview.mjs <book.xlsx> <contacts.xlsx> <YYYY-MM-DD>
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const [book, contacts, today] = process.argv.slice(2);
const bin = path.resolve("bin/liaison.js");
const dryRun = (to) =>
  JSON.parse(
    execFileSync(process.execPath, [bin, "remind", book, "--to", to, "--dry-run", "--today", today, "--contacts", contacts], {
      encoding: "utf8",
    })
      .split("\n")
      .find((l) => l.startsWith("{")),
  );

const esc = (s) => s.replace(/&(?!lt;|gt;)/g, "&amp;");
/** The markdown subset both robots document: headings, bold, quotes, lists, <font color>. */
function render(md) {
  return md
    .split("\n")
    .map((line) => {
      let html = esc(line)
        .replace(/\\([\\`*_[\]#])/g, "$1")
        .replace(/\*\*(.+?)\*\*/g, "<b>$1</b>")
        .replace(/&lt;font color=&quot;(\w+)&quot;&gt;/g, '<span class="$1">')
        .replace(/<font color="(\w+)">/g, '<span class="$1">')
        .replace(/<\/font>/g, "</span>")
        .replace(/@(\d{11})/g, '<span class="at">@$1</span>');
      const h = /^(#{1,6}) (.*)$/.exec(html);
      if (h) return `<h${h[1].length}>${h[2]}</h${h[1].length}>`;
      if (html.startsWith("&gt; ") || html.startsWith("> ")) return `<blockquote>${html.replace(/^(&gt;|>) /, "")}</blockquote>`;
      if (html.startsWith("- ")) return `<li>${html.slice(2)}</li>`;
      return html === "" ? "" : `<p>${html}</p>`;
    })
    .join("\n");
}

const page = (title, bodyHtml) => `<!doctype html><meta charset="utf-8"><style>
body{margin:0;padding:24px;background:#f0f2f5;font:14px/1.6 "Noto Sans CJK SC","Noto Sans SC",sans-serif;color:#1f2329}
.cap{color:#8f959e;font-size:12px;margin-bottom:8px}.bubble{background:#fff;border-radius:8px;padding:12px 16px;max-width:720px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
h2,h3{font-size:17px;margin:4px 0 8px}h4{font-size:15px;margin:12px 0 4px}p{margin:4px 0}li{margin:2px 0 2px 18px}
blockquote{margin:2px 0;padding-left:8px;border-left:3px solid #dee0e3;color:#1f2329}.warning{color:#f54a45}.comment{color:#8f959e}.info{color:#34c724}.at{color:#3370ff}
</style><div class="cap">${title}</div><div class="bubble">${bodyHtml}</div>`;

const dir = mkdtempSync(path.join(tmpdir(), "remind-preview-"));
const shots = [
  ["wecom", "企业微信群机器人 · markdown（渲染示意）", (b) => b.markdown.content],
  ["dingtalk", "钉钉自定义机器人 · markdown（渲染示意）", (b) => b.markdown.text],
];
for (const [to, title, content] of shots) {
  const html = path.join(dir, `${to}.html`);
  writeFileSync(html, page(title, render(content(dryRun(to)))));
  const out = path.resolve("docs/screenshots", `remind-${to}.png`);
  execFileSync(
    "/usr/bin/chromium",
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--hide-scrollbars",
      "--window-size=800,420",
      `--screenshot=${out}`,
      `file://${html}`,
    ],
    { stdio: "ignore" },
  );
  console.log(out);
}
