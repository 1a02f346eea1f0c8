// Bundled for the browser by browser.test.ts: exposes the renderer and the fixtures to the page.
import { renderDocx } from "../../../src/render/docx";
import { MINUTES, NOTICE, REMINDER } from "./fixtures";

declare global {
  interface Window {
    renderFixtures(): Promise<number[]>;
  }
}

window.renderFixtures = async () => Array.from(await renderDocx([NOTICE, MINUTES, REMINDER]));
