import { isMain, xmlScanner } from "./scan";
import { decodeXstring } from "./sheet";

/**
 * The shared-string table: one string per `<si>`, rich-text runs joined, phonetic runs (`<rPh>`,
 * the furigana/pinyin guide) left out, an empty `<si/>` read as "" (an empty cell), `_x000D_`
 * escapes decoded. Read with the same lean scanner as the sheets: a big workbook's table holds
 * hundreds of thousands of strings.
 */
export function sharedStringsReader(part: string): { write(text: string): void; close(): string[] } {
  const strings: string[] = [];
  let current = "";
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  const stream = xmlScanner(part, {
    open(tag) {
      if (!isMain(tag.uri)) return;
      switch (tag.local) {
        case "si":
          inSi = true;
          current = "";
          break;
        case "t":
          inT = inSi && phonetic === 0;
          break;
        case "rPh":
          phonetic++;
          break;
      }
    },
    close(local, uri) {
      if (!isMain(uri)) return;
      switch (local) {
        case "si":
          strings.push(decodeXstring(current));
          inSi = false;
          break;
        case "t":
          inT = false;
          break;
        case "rPh":
          phonetic--;
          break;
      }
    },
    text(t) {
      if (inT) current += t;
    },
  });
  return {
    write: (text) => stream.write(text),
    close() {
      stream.close();
      return strings;
    },
  };
}
