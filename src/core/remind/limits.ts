import type { RobotPlatform } from "./types";

/**
 * Size limits of the robots' messages, as each platform documents them. A digest longer than
 * its platform's limit is split into several messages (render.ts).
 *
 * - 企业微信 group robot: `markdown.content` "最长不超过4096个字节，必须是utf8编码"; `text.content`
 *   2048 bytes. https://developer.work.weixin.qq.com/document/path/91770 (消息类型及数据格式). Over
 *   the limit the robot answers errcode 40058 "markdown.content exceed max length 4096".
 * - 钉钉 custom robot: the request body must stay within 20000 bytes (errcode 460101 "message too
 *   long, exceed 20000 bytes"; newer answer "body 大小不合法；请保持大小在 20000bytes 以内").
 *   https://open.dingtalk.com/document/group/custom-robot-access
 * - 飞书 custom bot: "发送消息时，请求体的数据大小不能超过 20 KB" (code 9499 Bad Request beyond).
 *   https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot
 *
 * What is measured: WeCom its markdown content; DingTalk and Feishu the whole JSON body, with room
 * kept for what sending adds (Feishu's `timestamp` and `sign` fields, ~80 bytes).
 */
export const SIZE_LIMITS: Readonly<Record<RobotPlatform, { readonly bytes: number; readonly measure: "content" | "body" }>> = {
  wecom: { bytes: 4096, measure: "content" },
  dingtalk: { bytes: 20000, measure: "body" },
  feishu: { bytes: 20480 - 256, measure: "body" },
};

/** WeCom `text.content` limit (same page as above). */
export const WECOM_TEXT_BYTES = 2048;

/** UTF-8 length of a string (the core has no TextEncoder guarantee; this is exact for every code point). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}
