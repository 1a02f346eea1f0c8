import nodemailer from "nodemailer";
import type { EmailMessage } from "../core/remind";
import { smtpUrl } from "./smtp-url";

export { smtpUrl } from "./smtp-url";

/**
 * E-mail over SMTP with nodemailer (https://nodemailer.com/smtp/): `--smtp` is nodemailer's
 * connection URL, `smtp://user:pass@host:587` (STARTTLS when the server offers it) or
 * `smtps://user:pass@host:465` (TLS from the start). One message per owner, plain text.
 */

export interface Mailer {
  send(message: EmailMessage): Promise<{ ok: true } | { ok: false; retry: boolean; message: string }>;
  close(): void;
}

export function createMailer(smtp: string, from: string, timeoutMs: number): Mailer {
  const url = smtpUrl(smtp);
  if (!url) throw new RangeError("invalid SMTP URL"); // checked with smtpUrl() when the arguments were parsed
  const secure = url.protocol === "smtps:";
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port !== "" ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username !== "" ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(m) {
      try {
        await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
        return { ok: true };
      } catch (e) {
        // SMTP 4xx replies and connection problems are temporary; 5xx (bad recipient, refused auth) are not.
        const responseCode = (e as { responseCode?: unknown }).responseCode;
        const code = (e as { code?: unknown }).code;
        const retry =
          typeof responseCode === "number"
            ? responseCode >= 400 && responseCode < 500
            : code === "ECONNECTION" || code === "ETIMEDOUT" || code === "ESOCKET";
        return { ok: false, retry, message: e instanceof Error ? e.message : String(e) };
      }
    },
    close() {
      transport.close();
    },
  };
}
