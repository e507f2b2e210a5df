import { closeSync, openSync, writeSync } from "fs";
import { constants, crc32, createDeflateRaw, type DeflateRaw, type ZlibOptions } from "zlib";

/**
 * A .zip file written entry by entry straight to disk: each entry's data is deflated by Node's zlib (native, on the
 * thread pool, so compression runs on the second core while the caller builds the next chunk), and its local header
 * is patched with the CRC and sizes once the entry is complete. Nothing but the current chunk is held in memory.
 * No Zip64: an entry or the whole file past 4 GiB is refused rather than written damaged.
 */
export class ZipFile {
  private readonly fd: number;
  private offset = 0;
  private readonly central: Buffer[] = [];
  private entry?: OpenEntry;

  constructor(
    path: string,
    private readonly level = constants.Z_BEST_SPEED,
  ) {
    this.fd = openSync(path, "w");
  }

  /** Starts an entry; write its data with `write`, then `closeEntry`. */
  openEntry(name: string): void {
    const nameBytes = Buffer.from(name, "utf8");
    const header = Buffer.alloc(30 + nameBytes.length);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    header.writeUInt16LE(0x0800, 6); // names are UTF-8
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(DOS_TIME_1980, 10);
    header.writeUInt16LE(nameBytes.length, 26);
    nameBytes.copy(header, 30);
    const headerOffset = this.offset;
    this.put(header);
    // A deep queue lets the caller build the next pieces while zlib compresses the previous ones.
    const deflate = createDeflateRaw({
      level: this.level,
      chunkSize: 256 * 1024,
      highWaterMark: 16 << 20,
    } as ZlibOptions);
    const entry: OpenEntry = {
      name: nameBytes,
      headerOffset,
      crc: 0,
      size: 0,
      compressed: 0,
      deflate,
      failed: undefined,
    };
    deflate.on("data", (chunk: Buffer) => {
      if (entry.failed) return;
      entry.compressed += chunk.length;
      try {
        this.put(chunk);
      } catch (err) {
        // A full disk or a file size limit: kept for the writer's next call (thrown from an event it would end
        // the process), and zlib stopped.
        entry.failed = err as Error;
        deflate.destroy();
      }
    });
    deflate.on("error", (err) => (entry.failed ??= err));
    this.entry = entry;
  }

  /** Adds data to the open entry; resolves at once unless zlib is behind (then when it has caught up). */
  write(data: Buffer | string): Promise<void> | void {
    const entry = this.entry!;
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    if (bytes.length === 0) return;
    entry.crc = crc32(bytes, entry.crc);
    entry.size += bytes.length;
    if (entry.failed) throw entry.failed;
    if (!entry.deflate.write(bytes)) return settled(entry, "drain");
  }

  /** A whole entry at once: opened, written and closed. */
  async addEntry(name: string, data: Buffer | string): Promise<void> {
    this.openEntry(name);
    await this.write(data);
    await this.closeEntry();
  }

  async closeEntry(): Promise<void> {
    const entry = this.entry!;
    this.entry = undefined;
    if (entry.failed) throw entry.failed;
    const ended = settled(entry, "end");
    entry.deflate.end();
    entry.deflate.resume();
    await ended;
    if (entry.size > MAX_32 || entry.compressed > MAX_32 || this.offset > MAX_32) throw new Error(TOO_LARGE);
    const sizes = Buffer.alloc(12);
    sizes.writeUInt32LE(entry.crc >>> 0, 0);
    sizes.writeUInt32LE(entry.compressed, 4);
    sizes.writeUInt32LE(entry.size, 8);
    writeAll(this.fd, sizes, entry.headerOffset + 14);

    const record = Buffer.alloc(46 + entry.name.length);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(0x0800, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(DOS_TIME_1980, 12);
    sizes.copy(record, 16);
    record.writeUInt16LE(entry.name.length, 28);
    record.writeUInt32LE(entry.headerOffset, 42);
    entry.name.copy(record, 46);
    this.central.push(record);
  }

  /** Writes the central directory and closes the file. */
  finish(): void {
    try {
      const start = this.offset;
      for (const record of this.central) this.put(record);
      const end = Buffer.alloc(22);
      end.writeUInt32LE(0x06054b50, 0);
      end.writeUInt16LE(this.central.length, 8);
      end.writeUInt16LE(this.central.length, 10);
      end.writeUInt32LE(this.offset - start, 12);
      end.writeUInt32LE(start, 16);
      this.put(end);
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes the file after a failure (the caller removes it). */
  abandon(): void {
    this.entry?.deflate.destroy();
    closeSync(this.fd);
  }

  private put(bytes: Buffer): void {
    writeAll(this.fd, bytes, this.offset);
    this.offset += bytes.length;
  }
}

/**
 * Resolves on the entry's `event` ("drain", "end"); rejects with the entry's failure when zlib stops first (an error,
 * or a write that failed and destroyed it), so that a writer never waits for an event that cannot come.
 */
function settled(entry: OpenEntry, event: "drain" | "end"): Promise<void> {
  const { deflate } = entry;
  return new Promise<void>((resolve, reject) => {
    const done = () => {
      deflate.off(event, done);
      deflate.off("close", done);
      deflate.off("error", done);
      if (entry.failed) reject(entry.failed);
      else resolve();
    };
    deflate.once(event, done);
    deflate.once("close", done);
    deflate.once("error", done);
  });
}

interface OpenEntry {
  name: Buffer;
  headerOffset: number;
  crc: number;
  size: number;
  compressed: number;
  deflate: DeflateRaw;
  failed: Error | undefined;
}

const MAX_32 = 0xffffffff;
const TOO_LARGE = "the workbook would be larger than 4 GiB, more than a .xlsx file can hold here";
/** 1980-01-01 00:00 in MS-DOS date/time form (a fixed stamp: the same input writes the same bytes). */
const DOS_TIME_1980 = ((1 << 5) | 1) << 16;

function writeAll(fd: number, bytes: Buffer, position: number): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at, position + at);
}
