import { xmlStream } from "./xml";

/**
 * The shared-string table: one string per `<si>`, rich-text runs joined, phonetic runs (`<rPh>`,
 * the furigana/pinyin guide) left out, an empty `<si/>` read as "" (an empty cell).
 */
export function sharedStringsReader(part: string): { write(text: string): void; close(): string[] } {
  const strings: string[] = [];
  let current = "";
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  const stream = xmlStream(part, {
    open(tag) {
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
    close(tag) {
      switch (tag.local) {
        case "si":
          strings.push(current);
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
