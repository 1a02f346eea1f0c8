import { LiaisonError } from "../../../src/core/errors";
import { XlsxWorkbook } from "../../../src/workbook/exceljs/adapter";

/** A zip archive with stored (uncompressed) entries: enough to make "a zip that is not a workbook". */
function storedZip(files: Record<string, string>): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (b: Uint8Array): number => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(text, "utf8");
    const crc = crc32(data);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(data.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    local.push(head, nameBytes, data);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(data.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, nameBytes);
    offset += head.length + nameBytes.length + data.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...local, ...central, end]));
}

/** An OLE compound file header followed by a directory entry name (UTF-16LE), as Excel writes them. */
function oleFile(streamName: string): Uint8Array {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return new Uint8Array([...sig, ...new Array(504).fill(0), ...Buffer.from(streamName, "utf16le"), 0, 0]);
}

async function loadError(data: Uint8Array | ArrayBuffer): Promise<LiaisonError> {
  const e = await XlsxWorkbook.load(data).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(LiaisonError);
  return e as LiaisonError;
}

describe("XlsxWorkbook.load", () => {
  it("reads what it writes, from a Uint8Array or an ArrayBuffer", async () => {
    const book = XlsxWorkbook.create();
    await book.insertTemplate("quotes", { examples: true });
    const bytes = await book.toBuffer();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(await (await XlsxWorkbook.load(bytes)).listSheets()).toEqual(["询价比价表"]);
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(await (await XlsxWorkbook.load(copy)).listSheets()).toEqual(["询价比价表"]);
  });

  it.each([
    ["empty data", new Uint8Array(0)],
    ["a zip without a workbook", storedZip({ "word/document.xml": "<w:document/>" })],
  ])("refuses %s as unreadable", async (_what, data) => {
    expect((await loadError(data)).key).toBe("unreadableFile");
  });

  it("names plain text (a CSV saved as .xlsx) for what it is, as the CLI's reader does (one sniffer)", async () => {
    expect((await loadError(new Uint8Array(Buffer.from("项目名称,协作部门\n发布会,市场部\n")))).key).toBe("textNotWorkbook");
  });

  it("refuses a damaged .xlsx as unreadable", async () => {
    const book = XlsxWorkbook.create();
    await book.insertTemplate("quotes", { examples: true });
    const bytes = await book.toBuffer();
    const damaged = bytes.slice(0, Math.floor(bytes.length / 2));
    expect((await loadError(damaged)).key).toBe("unreadableFile");
    const scrambled = bytes.slice();
    for (let i = 200; i < scrambled.length - 200; i += 7) scrambled[i] ^= 0x5a;
    expect((await loadError(scrambled)).key).toBe("unreadableFile");
  });

  it("tells an encrypted workbook and an old .xls apart", async () => {
    expect((await loadError(oleFile("EncryptionInfo"))).key).toBe("encryptedFile");
    expect((await loadError(oleFile("Workbook"))).key).toBe("legacyXlsFile");
  });

  it("has clear messages in both languages", async () => {
    const e = await loadError(new Uint8Array(0));
    expect(e.describe("zh-CN")).toContain(".xlsx");
    expect(e.describe("en-US")).toContain("not a valid .xlsx workbook");
  });
});
