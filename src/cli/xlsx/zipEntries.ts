import { crc32, inflateRawSync, createInflateRaw } from "zlib";

/** One file inside a .zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  headerOffset: number;
  /** General purpose flags (bit 0: encrypted). */
  flags: number;
  /** The CRC-32 of the entry's bytes, as the central directory records it. */
  crc: number;
}

/** Why a file could not be opened as a zip. */
export class NotAZip extends Error {}

/** A zip whose entries this reader cannot unpack: encrypted entries, or a compression other than deflate. */
export class UnsupportedZip extends Error {
  constructor(
    readonly entry: string,
    readonly method: number | "encrypted",
  ) {
    super(`${entry}: ${method === "encrypted" ? "encrypted" : `compression method ${method}`}`);
  }
}

/** The entries of a zip held in memory, by name, from its central directory (the part a damaged zip loses first). */
export function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  const end = findEndOfDirectory(bytes);
  if (end < 0) throw new NotAZip("no end of central directory");
  let count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  // Zip64: the real offset and count are in the Zip64 end record.
  if (at === 0xffffffff || count === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) throw new NotAZip("zip64 locator missing");
    const end64 = Number(bytes.readBigUInt64LE(locator + 8));
    if (bytes.readUInt32LE(end64) !== 0x06064b50) throw new NotAZip("zip64 end record missing");
    count = Number(bytes.readBigUInt64LE(end64 + 32));
    at = Number(bytes.readBigUInt64LE(end64 + 48));
  }
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new NotAZip("central directory damaged");
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    let compressedSize = bytes.readUInt32LE(at + 20);
    let size = bytes.readUInt32LE(at + 24);
    let headerOffset = bytes.readUInt32LE(at + 42);
    // Zip64 extra field: sizes and offset that did not fit, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = bytes.readUInt16LE(x),
        len = bytes.readUInt16LE(x + 2);
      if (id === 1) {
        let y = x + 4;
        if (size === 0xffffffff) {
          size = Number(bytes.readBigUInt64LE(y));
          y += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(bytes.readBigUInt64LE(y));
          y += 8;
        }
        if (headerOffset === 0xffffffff) headerOffset = Number(bytes.readBigUInt64LE(y));
      }
      x += 4 + len;
    }
    const flags = bytes.readUInt16LE(at + 8);
    entries.set(name.replace(/\\/g, "/"), {
      name,
      method: bytes.readUInt16LE(at + 10),
      compressedSize,
      size,
      headerOffset,
      flags,
      crc: bytes.readUInt32LE(at + 16),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(bytes: Buffer): number {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let i = last; i >= first; i--) if (bytes.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** An entry's compressed bytes. */
function rawData(bytes: Buffer, entry: ZipEntry): Buffer {
  if ((entry.flags & 1) !== 0) throw new UnsupportedZip(entry.name, "encrypted");
  if (entry.method !== 0 && entry.method !== 8) throw new UnsupportedZip(entry.name, entry.method);
  const at = entry.headerOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50)
    throw new NotAZip(`local header of ${entry.name} damaged`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new NotAZip(`${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

/** A small entry, whole. */
export function entryBytes(bytes: Buffer, entry: ZipEntry): Buffer {
  const data = rawData(bytes, entry);
  let out: Buffer;
  try {
    out = entry.method === 0 ? data : inflateRawSync(data);
  } catch (err) {
    throw new NotAZip(`${entry.name}: ${(err as Error).message}`);
  }
  checkCrc(entry, crc32(out, 0));
  return out;
}

/** A large entry, decompressed piece by piece (a full-height sheet is hundreds of megabytes of XML). */
export async function* entryChunks(bytes: Buffer, entry: ZipEntry): AsyncGenerator<Buffer> {
  const data = rawData(bytes, entry);
  let crc = 0;
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += 1 << 20) {
      const chunk = data.subarray(at, Math.min(at + (1 << 20), data.length));
      crc = crc32(chunk, crc);
      yield chunk;
    }
  } else {
    const inflate = createInflateRaw({ chunkSize: 1 << 20 });
    inflate.end(data);
    try {
      for await (const chunk of inflate) {
        crc = crc32(chunk as Buffer, crc);
        yield chunk as Buffer;
      }
    } catch (err) {
      throw new NotAZip(`${entry.name}: ${(err as Error).message}`);
    }
  }
  checkCrc(entry, crc);
}

/**
 * An entry whose bytes do not give the CRC-32 the zip records for it is damaged (a bit flipped in storage or in
 * transfer): its cells cannot be trusted, so the file is refused rather than read with values that may be wrong.
 */
function checkCrc(entry: ZipEntry, crc: number): void {
  if (crc !== entry.crc)
    throw new NotAZip(`${entry.name}: CRC-32 ${crc.toString(16)} where the zip records ${entry.crc.toString(16)}`);
}
