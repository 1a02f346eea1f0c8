import { createHmac } from "node:crypto";

/**
 * The robots' signatures, exactly as their documentation computes them.
 *
 * 钉钉 custom robot, 加签 (https://open.dingtalk.com/document/group/customize-robot-security-settings):
 * "把timestamp+"\n"+密钥当做签名字符串，使用HmacSHA256算法计算签名，然后进行Base64 encode，最后再
 * 把签名参数再进行urlEncode" — the key is the secret (SEC…), the message `timestamp + "\n" + secret`,
 * timestamp in milliseconds (within an hour of DingTalk's clock); `timestamp` and `sign` go into
 * the webhook URL's query.
 *
 * 飞书 custom bot, 签名校验 (https://open.feishu.cn/document/client-docs/bot-v3/add-custom-bot):
 * "把 timestamp + "\n" + 密钥 当做签名字符串，使用 HmacSHA256 算法计算签名，再进行 Base64 编码" —
 * its reference code uses that string as the HMAC *key* over an empty message; timestamp in
 * seconds; `timestamp` and `sign` go into the JSON body.
 *
 * 企业微信 group robots have no signature: the `key` in the webhook URL is the credential.
 */

/** DingTalk's `sign` before URL encoding (URLSearchParams encodes it when it is added to the URL). */
export function dingtalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
}

export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("", "utf8").digest("base64");
}
