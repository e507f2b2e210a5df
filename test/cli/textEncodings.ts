/**
 * Encoders for the tests' input files, built without the code under test: GBK and Big5 by inverting Node's own
 * decoders over every two-byte sequence, Windows-1252 over every byte, UTF-16 by Buffer.
 */

let gbkTable: Map<string, number[]> | undefined;

/** text in GBK (code page 936), as Chinese Excel's "CSV (逗号分隔)" saves it. */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== "\ufffd" && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

/** text in UTF-16LE with a byte-order mark, as Excel's "Unicode text" saves it. */
export function utf16le(text: string, bom = true): Buffer {
  return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, "utf16le")]);
}

export function utf16be(text: string): Buffer {
  const le = Buffer.from(text, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

let big5Table: Map<string, number[]> | undefined;

/** text in Big5 (code page 950), as Traditional-Chinese Excel's "CSV" saves it. */
export function big5(text: string): Buffer {
  if (!big5Table) {
    big5Table = new Map();
    const decoder = new TextDecoder("big5");
    // Standard Big5 first (leads A1–F9), then the Hong Kong extensions, which repeat some characters.
    const leads = [
      ...Array.from({ length: 0xfe - 0xa1 + 1 }, (_, k) => 0xa1 + k),
      ...Array.from({ length: 0xa0 - 0x81 + 1 }, (_, k) => 0x81 + k),
    ];
    for (const lead of leads) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail > 0x7e && trail < 0xa1) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== "\ufffd" && !big5Table.has(ch)) big5Table.set(ch, [lead, trail]);
      }
    }
  }
  return encodeWith(big5Table, text, "Big5");
}

let westernTable: Map<string, number[]> | undefined;

/** text in Windows-1252, as Western-European Excel's "CSV" saves it. */
export function windows1252(text: string): Buffer {
  if (!westernTable) {
    westernTable = new Map();
    const decoder = new TextDecoder("windows-1252");
    for (let b = 0x80; b <= 0xff; b++) westernTable.set(decoder.decode(Uint8Array.of(b)), [b]);
  }
  return encodeWith(westernTable, text, "Windows-1252");
}

function encodeWith(table: Map<string, number[]>, text: string, name: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no ${name} code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}
