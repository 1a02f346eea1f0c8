/** Jest's globalTeardown: removes the preview build global-setup.ts made for this run. */
import { rmSync } from "node:fs";

export default function globalTeardown(): void {
  const dir = process.env.LIAISON_PREVIEW_BUILD;
  if (dir && process.env.LIAISON_PREVIEW_BUILD_OWNED === "1") rmSync(dir, { recursive: true, force: true });
}
