import { Inflate, deflateSync, inflateSync } from "fflate";
import { LiaisonError } from "../../core/errors";

/**
 * The zip container of an OOXML package, read from its central directory (the authoritative list
 * of parts: local headers may carry data descriptors and stale sizes). Parts are inflated on
 * demand, whole or as a stream of chunks, so reading a 100 MB sheet part never holds it inflated
 * at once. Writing copies every untouched entry's compressed bytes as they are (the part stays
 * byte-identical, not even recompressed) and deflates only the parts that changed.
 */

export interface ZipEntry {
  /** Part name as stored, without a leading slash (`xl/workbook.xml`). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  /** Offset of the compressed data in the file. */
  readonly dataStart: number;
}

export interface ZipArchive {
  readonly bytes: Uint8Array;
  /** Entries in central-directory order. */
  readonly entries: readonly ZipEntry[];
  /** By lower-cased name: OPC part names compare case-insensitively. */
  readonly byName: ReadonlyMap<string, ZipEntry>;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;

const u16 = (b: Uint8Array, o: number): number => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number): number => u32(b, o) + u32(b, o + 4) * 0x1_0000_0000;

const utf8 = new TextDecoder("utf-8");
const cp437 = new TextDecoder("latin1");

const damaged = (why: string): LiaisonError => Object.assign(new LiaisonError("unreadableFile"), { cause: new Error(why) });

export function readZip(bytes: Uint8Array): ZipArchive {
  let eocd = -1;
  // The end record sits in the last 22 bytes plus at most a 65,535-byte comment.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged("no end of central directory");
  let count = u16(bytes, eocd + 10);
  let cdOffset = u32(bytes, eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && u32(bytes, eocd - 20) === ZIP64_EOCD_LOCATOR) {
    const z64 = u64(bytes, eocd - 20 + 8);
    count = u64(bytes, z64 + 32);
    cdOffset = u64(bytes, z64 + 48);
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CEN) throw damaged("bad central directory");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let local = u32(bytes, p + 42);
    const rawName = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = ((flags & 0x800) !== 0 ? utf8 : isAscii(rawName) ? utf8 : cp437).decode(rawName).replace(/^\//, "");
    // Zip64: the real sizes and offset are in extra field 0x0001, in this order, when saturated.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, q);
          q += 8;
        }
        if (local === 0xffffffff) local = u64(bytes, q);
      }
      e += 4 + len;
    }
    if (local + 30 > bytes.length || u32(bytes, local) !== LOC) throw damaged(`bad local header for ${name}`);
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + compressedSize > bytes.length) throw damaged(`truncated entry ${name}`);
    entries.push({ name, method, flags, crc, compressedSize, size, time, date, dataStart });
    p = end + commentLen;
  }
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) byName.set(entry.name.toLowerCase(), entry);
  return { bytes, entries, byName };
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if (b[i] > 0x7f) return false;
  return true;
}

function checkReadable(entry: ZipEntry): void {
  // Bit 0: a zip-level password (not how Office encrypts, which uses an OLE container instead).
  if ((entry.flags & 1) !== 0) throw new LiaisonError("encryptedFile");
  if (entry.method !== 0 && entry.method !== 8) throw damaged(`compression method ${entry.method} in ${entry.name}`);
}

/** Parts up to this size are inflated in one call (every part but a big sheet or string table). */
const WHOLE_LIMIT = 4 << 20;

/** An entry's content, inflated whole (small parts: workbook, rels, styles, tables). */
export function entryBytes(zip: ZipArchive, entry: ZipEntry): Uint8Array {
  if (entry.method === 8 && entry.size > 0 && entry.size <= WHOLE_LIMIT) {
    // A small deflated part inflated in one call into a buffer of its stated size: the streaming
    // inflater's growing buffers cost more than the part itself (a table, a rels part). A size
    // that lies (damaged file) falls back to the stream.
    checkReadable(entry);
    const data = zip.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    try {
      const out = inflateSync(data, { out: new Uint8Array(entry.size) });
      if (out.length === entry.size) return out;
    } catch {
      // Read again through the stream, which names the damage.
    }
  }
  const chunks: Uint8Array[] = [];
  streamEntry(zip, entry, (chunk) => chunks.push(chunk));
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function entryText(zip: ZipArchive, entry: ZipEntry): string {
  return utf8.decode(entryBytes(zip, entry));
}

const SLICE = 1 << 16;

/** An entry's content as inflated chunks, in order: memory stays at a few hundred KB per part. */
export function streamEntry(zip: ZipArchive, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  checkReadable(entry);
  const data = zip.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.method === 0) {
    for (let o = 0; o < data.length; o += SLICE) onChunk(data.subarray(o, Math.min(data.length, o + SLICE)));
    return;
  }
  const inflate = new Inflate((chunk) => {
    if (chunk.length > 0) onChunk(chunk);
  });
  try {
    if (data.length === 0) inflate.push(data, true);
    for (let o = 0; o < data.length; o += SLICE) inflate.push(data.subarray(o, Math.min(data.length, o + SLICE)), o + SLICE >= data.length);
  } catch (cause) {
    throw Object.assign(new LiaisonError("unreadableFile"), { cause });
  }
}

/**
 * An entry's text as decoded UTF-8 pieces (a character split between chunks is joined). Each
 * chunk is decoded whole up to its last complete character, the few bytes of a split character
 * carried to the next: a streaming `decode(chunk, { stream: true })` is several times slower in
 * Node (it leaves the fast UTF-8 path), and a sheet is tens of megabytes of text.
 */
export function streamEntryText(zip: ZipArchive, entry: ZipEntry, onText: (text: string) => void): void {
  let carry: Uint8Array | undefined;
  streamEntry(zip, entry, (chunk) => {
    let bytes = chunk;
    if (carry) {
      bytes = new Uint8Array(carry.length + chunk.length);
      bytes.set(carry);
      bytes.set(chunk, carry.length);
      carry = undefined;
    }
    const end = completeUtf8(bytes);
    if (end < bytes.length) carry = bytes.slice(end);
    if (end > 0) onText(utf8.decode(bytes.subarray(0, end)));
  });
  // A truncated character at the very end decodes as U+FFFD, as a streaming decoder's flush does.
  if (carry) onText(utf8.decode(carry));
}

/** The length of `b`'s longest prefix that does not end inside a UTF-8 sequence. */
function completeUtf8(b: Uint8Array): number {
  const n = b.length;
  // Step back over at most three continuation bytes to the lead byte of the last sequence.
  for (let back = 1; back <= 4 && back <= n; back++) {
    const c = b[n - back];
    if ((c & 0xc0) === 0x80) continue; // continuation byte
    const need = c < 0x80 ? 1 : (c & 0xe0) === 0xc0 ? 2 : (c & 0xf0) === 0xe0 ? 3 : (c & 0xf8) === 0xf0 ? 4 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/* -------------------------------------------------------------------------------------------- */

/** A part of the written package: an entry of the original carried over as it is, or new bytes. */
export type OutPart = { readonly name: string; readonly from: ZipEntry } | { readonly name: string; readonly data: Uint8Array };

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Written {
  readonly name: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly csize: number;
  readonly size: number;
  readonly offset: number;
}

/**
 * A zip of `parts`, in order. Carried-over entries keep their compressed bytes, CRC, method and
 * timestamp; new ones are deflated and stamped with `stamp` (DOS time and date of the first
 * original entry, so that output never depends on the clock).
 */
export function writeZip(zip: ZipArchive, parts: readonly OutPart[]): Uint8Array {
  const stamp = zip.entries[0] ?? { time: 0, date: 0x21 };
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = enc.encode(part.name);
    let body: Uint8Array;
    let w: Omit<Written, "name" | "offset">;
    if ("from" in part) {
      const e = part.from;
      body = zip.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
      // Bit 3 (sizes in a trailing descriptor) is dropped: the sizes are written up front.
      w = {
        flags: (e.flags & ~0x8) | 0x800,
        method: e.method,
        time: e.time,
        date: e.date,
        crc: e.crc,
        csize: e.compressedSize,
        size: e.size,
      };
    } else {
      body = deflateSync(part.data, { level: 6 });
      w = {
        flags: 0x800,
        method: 8,
        time: stamp.time,
        date: stamp.date,
        crc: crc32(part.data),
        csize: body.length,
        size: part.data.length,
      };
    }
    if (w.csize > 0xfffffffe || w.size > 0xfffffffe || offset > 0xfffffffe)
      throw new Error(`Part ${part.name} is too large for a zip without zip64`);
    const head = new Uint8Array(30 + name.length);
    const v = new DataView(head.buffer);
    v.setUint32(0, LOC, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, w.flags, true);
    v.setUint16(8, w.method, true);
    v.setUint16(10, w.time, true);
    v.setUint16(12, w.date, true);
    v.setUint32(14, w.crc, true);
    v.setUint32(18, w.csize, true);
    v.setUint32(22, w.size, true);
    v.setUint16(26, name.length, true);
    head.set(name, 30);
    chunks.push(head, body);
    written.push({ ...w, name, offset });
    offset += head.length + body.length;
  }
  const cdStart = offset;
  for (const w of written) {
    const cen = new Uint8Array(46 + w.name.length);
    const v = new DataView(cen.buffer);
    v.setUint32(0, CEN, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(8, w.flags, true);
    v.setUint16(10, w.method, true);
    v.setUint16(12, w.time, true);
    v.setUint16(14, w.date, true);
    v.setUint32(16, w.crc, true);
    v.setUint32(20, w.csize, true);
    v.setUint32(24, w.size, true);
    v.setUint16(28, w.name.length, true);
    v.setUint32(42, w.offset, true);
    cen.set(w.name, 46);
    chunks.push(cen);
    offset += cen.length;
  }
  if (written.length > 0xffff) throw new Error("Too many parts for a zip without zip64");
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, EOCD, true);
  v.setUint16(8, written.length, true);
  v.setUint16(10, written.length, true);
  v.setUint32(12, offset - cdStart, true);
  v.setUint32(16, cdStart, true);
  chunks.push(end);
  const out = new Uint8Array(offset + 22);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}
