/**
 * `--smtp` checked when the arguments are parsed: apart from the mailer, so that parsing (which
 * every command does) never loads nodemailer — `liaison check` starts without it.
 */

/** Checks `--smtp` before anything is read: scheme, host and port. Returns undefined when it is not usable. */
export function smtpUrl(value: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  if ((url.protocol !== "smtp:" && url.protocol !== "smtps:") || url.hostname === "") return undefined;
  return url;
}
