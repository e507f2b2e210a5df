/** decodeInput: any file Excel saves as text, to UTF-8 bytes with its encoding and delimiter named. */

import fc from "fast-check";
import { decodeInput, detectDelimiter, encodingOf, profileText } from "../../src/cli/decodeInput";
import { UsageError } from "../../src/cli/usageError";
import { big5, gbk, utf16be, utf16le, windows1252 } from "./textEncodings";

const TABLE = '客户编号,下单时间,订单金额\nK1,2025-06-01,100\nK2,2025-06-02,"1,200"\n';

test("UTF-8 without a byte-order mark is passed on as it is: the same memory, no copy", () => {
  const raw = Buffer.from(TABLE);
  const read = decodeInput("a.csv", raw);
  expect(read).toMatchObject({ encoding: "utf8", bom: false, evidence: "utf8", delimiter: "," });
  expect(read.bytes.buffer).toBe(raw.buffer);
  expect(read.bytes.byteOffset).toBe(raw.byteOffset);
  expect(read.bytes.toString()).toBe(TABLE);
});

test("UTF-8 with a byte-order mark (Excel's CSV UTF-8): the mark is dropped, still no copy", () => {
  const raw = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TABLE)]);
  const read = decodeInput("a.csv", raw);
  expect(read).toMatchObject({ encoding: "utf8", bom: true });
  expect(read.bytes.buffer).toBe(raw.buffer);
  expect(read.bytes.toString()).toBe(TABLE);
});

test("GBK (Chinese Excel's CSV) is detected when the bytes are not UTF-8, and transcoded", () => {
  const read = decodeInput("a.csv", gbk(TABLE));
  expect(read).toMatchObject({ encoding: "gb18030", bom: false, evidence: "headers", delimiter: "," });
  expect(read.bytes.toString()).toBe(TABLE);
});

test("UTF-16LE with a byte-order mark and tabs (Excel's Unicode text)", () => {
  const text = TABLE.replace(/,(?=[^"\n]*(?:"[^"\n]*"[^"\n]*)*$)/gm, "\t").replace(/\n/g, "\r\n");
  const read = decodeInput("a.txt", utf16le(text));
  expect(read).toMatchObject({ encoding: "utf16le", bom: true, delimiter: "\t" });
  expect(read.bytes.toString()).toBe(text);
});

test("UTF-16BE with a byte-order mark, and UTF-16LE without one", () => {
  expect(decodeInput("a.csv", utf16be(TABLE)).bytes.toString()).toBe(TABLE);
  const noBom = decodeInput("a.csv", utf16le("Customer,Date,Amount\nA,2025-06-01,100\n", false));
  expect(noBom.encoding).toBe("utf16le");
  expect(noBom.bytes.toString()).toBe("Customer,Date,Amount\nA,2025-06-01,100\n");
});

test("UTF-16LE without a byte-order mark whose text is mostly Chinese: the zero bytes of its delimiters tell", () => {
  const text = "客户编号,下单时间,订单金额\r\n张三丰,二〇二五年六月一日,一百元\r\n李四光,二〇二五年六月二日,两百元\r\n";
  expect(decodeInput("a.txt", utf16le(text, false))).toMatchObject({
    encoding: "utf16le",
    evidence: "zeros",
    bom: false,
  });
  expect(decodeInput("a.txt", utf16le(text, false)).bytes.toString()).toBe(text);
});

test("--encoding forces one; bytes that are not in it are refused with a line that says what to do", () => {
  expect(decodeInput("a.csv", gbk(TABLE), "gb18030")).toMatchObject({ encoding: "gb18030", evidence: "forced" });
  // GBK bytes read as UTF-8 by force
  expect(() => decodeInput("a.csv", gbk(TABLE), "utf8")).toThrow(UsageError);
  expect(() => decodeInput("a.csv", gbk(TABLE), "utf8")).toThrow(
    '"a.csv" is not UTF-8 text; it reads as GB18030/GBK: use --encoding gb18030, or leave out --encoding to have it detected',
  );
});

test("--encoding names as people write them", () => {
  expect(
    ["UTF-8", "utf8", "GBK", "gb2312", "cp936", "GB18030", "Unicode", "UTF-16LE", "utf16be", "big5", "cp950"].map(
      encodingOf,
    ),
  ).toEqual([
    "utf8",
    "utf8",
    "gb18030",
    "gb18030",
    "gb18030",
    "gb18030",
    "utf16le",
    "utf16le",
    "utf16be",
    "big5",
    "big5",
  ]);
  expect(["windows-1252", "Windows_1252", "cp1252", "latin1", "ISO-8859-1"].map(encodingOf)).toEqual(
    Array(5).fill("windows1252"),
  );
  expect(encodingOf("ansi")).toBeNull(); // the "ANSI" code page is GBK on Chinese Windows: too vague to name one
});

describe("GBK, Big5 and Windows-1252 told apart by their bytes and headers", () => {
  const WESTERN =
    "Customer,Last order date,Purchases,Total amount\r\nMüller GmbH,2025-06-01,3,1200\r\nRépartition Sàrl,2025-06-02,5,300\r\nNæstved ApS,2025-06-03,1,80\r\n";
  const TRADITIONAL =
    "客戶編號,下單時間,歷史購買總次數,歷史購買總金額\r\n台北許先生,2025-06-01,3,1200\r\n高雄陳小姐,2025-06-02,5,300\r\n";

  test.each([
    [
      "Windows-1252 (Western Excel): accented letters beside letters",
      windows1252(WESTERN),
      WESTERN,
      "windows1252",
      "bytes",
    ],
    ["Big5 with Traditional headers (the headers decide)", big5(TRADITIONAL), TRADITIONAL, "big5", "headers"],
    [
      "Big5 whose headers are the same in both scripts",
      big5("客戶,日期,金額\r\n許一,2025-06-01,10\r\n"),
      "客戶,日期,金額\r\n許一,2025-06-01,10\r\n",
      "big5",
      "headers",
    ],
    [
      "Big5 with headers no encoding knows: its common characters decide",
      big5("名稱,地址,備註\r\n陳小姐,臺北市中山區,老客戶\r\n"),
      "名稱,地址,備註\r\n陳小姐,臺北市中山區,老客戶\r\n",
      "big5",
      "bytes",
    ],
    [
      "GBK with English headers: its common characters decide",
      gbk("Customer,Date,Amount\r\n客户1,2025-06-01,10\r\n客户2,2025-06-02,20\r\n"),
      "Customer,Date,Amount\r\n客户1,2025-06-01,10\r\n客户2,2025-06-02,20\r\n",
      "gb18030",
      "bytes",
    ],
    ["GBK with Chinese headers", gbk(TABLE), TABLE, "gb18030", "headers"],
  ])("%s", (_what, raw, text, encoding, evidence) => {
    const read = decodeInput("a.csv", raw);
    expect(read).toMatchObject({ encoding, evidence, bom: false, delimiter: "," });
    expect(read.bytes.toString()).toBe(text);
  });

  test("bytes that could be GBK or Big5 alike are refused in one line that names both and the flag", () => {
    // B0A4 B0B3: 挨俺 in GBK, 陘偃 in Big5; uncommon in both, headers known in neither.
    const raw = Buffer.concat([
      Buffer.from("Name,Note\r\n"),
      Buffer.from([0xb0, 0xa4, 0xb0, 0xb3]),
      Buffer.from(",1\r\n"),
    ]);
    expect(() => decodeInput("a.csv", raw)).toThrow(
      '"a.csv" could be GB18030/GBK or Big5 text, and its bytes do not tell which: name it with --encoding gb18030 or --encoding big5',
    );
    expect(decodeInput("a.csv", raw, "big5").bytes.toString()).toBe("Name,Note\r\n陘偃,1\r\n");
  });

  test("a wrong --encoding is one short line naming the likely encoding, never the mojibake", () => {
    const lines = (raw: Buffer, forced: "big5" | "gb18030" | "utf16le" | "windows1252") => {
      try {
        decodeInput("a.csv", raw, forced);
      } catch (err) {
        return (err as UsageError).text;
      }
      throw new Error("not refused");
    };
    expect(lines(gbk(TABLE), "big5").en).toBe(
      '"a.csv" read as Big5 has no column header rfm knows, read as GB18030/GBK it has: use --encoding gb18030, or leave out --encoding to have it detected',
    );
    expect(lines(big5(TRADITIONAL), "gb18030").zh).toBe(
      "“a.csv”按 GB18030/GBK 读取时没有可识别的列标题，按 Big5 读取则有：请使用 --encoding big5，或去掉 --encoding 让程序自动识别",
    );
    // UTF-8 forced into UTF-16 decodes into kilobytes of CJK mojibake: refused in a line of ordinary length.
    const long = Buffer.from("客户编号,下单时间,订单金额\n" + "K1,2025-06-01,100\n".repeat(500) + "K2,2025-06-01,10\n");
    const refused = lines(long, "utf16le").en;
    expect(refused).toBe(
      '"a.csv" read as UTF-16LE has no column header rfm knows, read as UTF-8 it has: use --encoding utf8, or leave out --encoding to have it detected',
    );
    expect(lines(Buffer.from(TABLE), "windows1252").en).toContain("read as UTF-8 it has: use --encoding utf8");
  });

  test("--encoding that contradicts the file's byte-order mark is refused", () => {
    const raw = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TABLE)]);
    expect(() => decodeInput("a.csv", raw, "gb18030")).toThrow(
      '"a.csv" starts with a UTF-8 byte-order mark, so it is not GB18030/GBK text: use --encoding utf8, or leave out --encoding',
    );
  });

  test("random tables in each script and encoding: named right or refused, never read in a wrong encoding", () => {
    const scripts = {
      gb18030: {
        words: ["客户", "张三", "北京市", "上海", "有限公司", "老客户", "华东", "订单", "王小明", "备注"],
        encode: gbk,
        headers: ["客户编号,下单时间,订单金额", "名称,地址,备注"],
      },
      big5: {
        words: ["客戶", "張三", "臺北市", "高雄", "有限公司", "老客戶", "訂單", "陳小姐", "備註", "地址"],
        encode: big5,
        headers: ["客戶編號,下單時間,訂單金額", "名稱,地址,備註"],
      },
      windows1252: {
        words: ["Müller", "Société", "Café", "Zürich", "Straße", "Señor", "Björk", "Ærø", "Crème", "Répartition"],
        encode: windows1252,
        headers: ["Kunde,Datum,Betrag", "Nom,Adresse,Remarque"],
      },
    };
    const kinds = Object.keys(scripts) as (keyof typeof scripts)[];
    const table = fc.tuple(
      fc.constantFrom(...kinds),
      fc.nat({ max: 2 }),
      fc.array(fc.tuple(fc.nat({ max: 9 }), fc.nat({ max: 9 }), fc.nat({ max: 999 })), { minLength: 1, maxLength: 12 }),
    );
    let decided = 0,
      runs = 0;
    fc.assert(
      fc.property(table, ([kind, header, rows]) => {
        const script = scripts[kind];
        const head = header === 2 ? "Customer,Date,Amount" : script.headers[header];
        const text =
          [head, ...rows.map(([a, b, n]) => `${script.words[a]} ${script.words[b]},2025-06-01,${n}`)].join("\r\n") +
          "\r\n";
        runs++;
        let read;
        try {
          read = decodeInput("t.csv", script.encode(text));
        } catch (err) {
          expect(err).toBeInstanceOf(UsageError);
          return;
        }
        expect(read.encoding).toBe(kind);
        expect(read.bytes.toString()).toBe(text);
        decided++;
      }),
      { numRuns: 300 },
    );
    // Refusing is for the files that truly cannot be told: nearly all of these can.
    expect(decided / runs).toBeGreaterThan(0.9);
  });

  test("--encoding windows-1252 reads what it names", () => {
    expect(decodeInput("a.csv", windows1252(WESTERN), "windows1252")).toMatchObject({
      encoding: "windows1252",
      evidence: "forced",
    });
  });
});

test.each([
  ["comma", "a,b,c\n1,2,3\n4,5,6\n", ","],
  ["tab, with commas inside amounts", "a\tb\tc\n1\t1,200\t3\n4\t5,000\t6\n", "\t"],
  ["semicolon (European Excel), decimal commas", "a;b;c\n1;2,5;3\n4;5,25;6\n", ";"],
  ["comma, with semicolons inside quotes", 'a,b,c\n1,"x;y;z",3\n4,"p;q",6\n', ","],
  ["a single column", "a\n1\n2\n", ","],
])("delimiter: %s", (_what, text, delimiter) => {
  expect(detectDelimiter(Buffer.from(text))).toBe(delimiter);
});

test("profile files: UTF-8 with or without a byte-order mark; GBK and UTF-16 are refused", () => {
  const json = '{"name": {"zh": "每月沟通1–2次"}}';
  expect(profileText("p.json", Buffer.from(json))).toBe(json);
  expect(profileText("p.json", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]))).toBe(json);
  expect(() => profileText("p.json", gbk('{"name": {"zh": "每月沟通次"}}'))).toThrow(
    /Profile file "p.json" is not UTF-8 text/,
  );
  expect(() => profileText("p.json", utf16le(json))).toThrow(/is not UTF-8 text/);
});
