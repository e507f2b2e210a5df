import { posix } from "path";
import { entryBytes, type ZipEntry } from "./zipEntries";
import { attribute, childrenNamed, parseXml, type XmlElement } from "./xmlText";

/** One relationship of a part: its id, its type's last word ("worksheet", "styles"…) and the part it points to. */
export interface Relationship {
  id: string;
  /** The last segment of the type URI, lower-cased: the same word in the transitional and the Strict namespaces. */
  type: string;
  /** The target part's name, without leading slash; undefined for an external target (a web address). */
  target: string | undefined;
}

/**
 * The parts of an Open Packaging Conventions package (the zip inside an .xlsx), found as the conventions say: part
 * names compare without regard to case, relationship targets are relative to their source part's folder (`..`
 * allowed) or absolute from the package root, and may be percent-encoded.
 */
export class OpcPackage {
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    readonly bytes: Buffer,
    entries: Map<string, ZipEntry>,
  ) {
    for (const [name, entry] of entries) {
      const key = name.replace(/^\/+/, "").toLowerCase();
      if (!this.byName.has(key)) this.byName.set(key, entry);
    }
  }

  /** The zip entry of a part, or undefined when the package has no such part. */
  entry(partName: string): ZipEntry | undefined {
    const key = partName.replace(/^\/+/, "").toLowerCase();
    const found = this.byName.get(key);
    if (found) return found;
    try {
      return (
        this.byName.get(decodeURIComponent(key)) ?? this.byName.get(encodeURI(decodeURIComponent(key)).toLowerCase())
      );
    } catch {
      return undefined;
    }
  }

  has(partName: string): boolean {
    return this.entry(partName) !== undefined;
  }

  /** A small part's text: UTF-8, or UTF-16 where it starts with a byte-order mark (both are allowed). */
  text(partName: string): string | undefined {
    const entry = this.entry(partName);
    return entry ? xmlPartText(entryBytes(this.bytes, entry)) : undefined;
  }

  xml(partName: string): XmlElement | undefined {
    const text = this.text(partName);
    return text === undefined ? undefined : parseXml(text);
  }

  /** The relationships whose source is this part ("" for the package itself). */
  relationships(source: string): Relationship[] {
    const base = posix.dirname("/" + source.replace(/^\/+/, ""));
    const relsPath =
      source === "" ? "_rels/.rels" : posix.join(posix.dirname(source), "_rels", posix.basename(source) + ".rels");
    const root = this.xml(relsPath);
    return childrenNamed(root, "Relationship").map((r: XmlElement) => {
      const type = attribute(r, "Type") ?? "";
      const target = (attribute(r, "Target") ?? "").trim().replace(/\\/g, "/");
      const external = (attribute(r, "TargetMode") ?? "").toLowerCase() === "external";
      return {
        id: attribute(r, "Id") ?? "",
        type: type.slice(type.lastIndexOf("/") + 1).toLowerCase(),
        target: external ? undefined : resolveTarget(base, target),
      };
    });
  }
}

/** A target against its source's folder: absolute targets from the root; `..` never climbs above the root. */
function resolveTarget(baseFolder: string, target: string): string {
  const path = target.startsWith("/") ? target : posix.join(baseFolder, target);
  return posix.normalize(path).replace(/^(\/|\.\.\/)+/, "");
}

/** The text of an XML part's bytes. */
function xmlPartText(bytes: Buffer): string {
  const text = decodedPart(bytes);
  refuseDocumentType(text);
  return text;
}

function decodedPart(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString("utf16le", 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)))
      .swap16()
      .toString("utf16le");
  return bytes.toString("utf8", bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0);
}

/**
 * A part that declares a document type (<!DOCTYPE …>): the packaging conventions forbid it and tell readers to treat
 * it as an error, since its entities are how XML bombs are made (and their references would otherwise be read as text).
 */
export class DocumentTypeInPart extends Error {}

/** Only the prolog is looked at: the XML declaration, comments and processing instructions before the root element. */
const PROLOG_DOCTYPE = /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->)\s*)*<!DOCTYPE/;

function refuseDocumentType(text: string): void {
  if (PROLOG_DOCTYPE.test(text.slice(0, 65536))) throw new DocumentTypeInPart("document type declared");
}

/** A part the package needs and does not hold. */
export class MissingPart extends Error {
  constructor(readonly part: string) {
    super(`no part ${part}`);
  }
}

/**
 * A large part's bytes as UTF-8, piece by piece: as they are when the part is UTF-8 (nearly always); a UTF-16 part
 * (allowed, rare) is decoded whole first.
 */
export async function* utf8Chunks(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) return;
  const head: Buffer = first.value;
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16) {
    refuseDocumentType(head.toString("latin1", 0, 65536));
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    return;
  }
  const all: Buffer[] = [head];
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) all.push(next.value);
  yield Buffer.from(xmlPartText(Buffer.concat(all)), "utf8");
}
