import { LiaisonError } from "../../../src/core/errors";
import type { ErrorKey } from "../../../src/core/i18n/messages/errors";

/** Expects a LiaisonError with `key` from `p`. */
export async function expectLiaisonKey(p: Promise<unknown>, key: ErrorKey): Promise<void> {
  await expect(p).rejects.toBeInstanceOf(LiaisonError);
  await p.catch((e: LiaisonError) => expect(e.key).toBe(key));
}
