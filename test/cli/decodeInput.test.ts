/** decodeInput: any file Excel saves as text, to UTF-8 bytes with its encoding and delimiter named. */

import { decodeInput, detectDelimiter, encodingOf, profileText } from "../../src/cli/decodeInput";
import { UsageError } from "../../src/cli/usageError";
import { gbk, utf16be, utf16le } from "./textEncodings";

const TABLE = "客户编号,下单时间,订单金额\nK1,2025-06-01,100\nK2,2025-06-02,\"1,200\"\n";

test("UTF-8 without a byte-order mark is passed on as it is: the same memory, no copy", () => {
  const raw = Buffer.from(TABLE);
  const read = decodeInput("a.csv", raw);
  expect(read).toMatchObject({ encoding: "utf8", bom: false, detected: true, delimiter: "," });
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
  expect(read).toMatchObject({ encoding: "gb18030", bom: false, detected: true, delimiter: "," });
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

test("--encoding forces one; bytes that are not in it are refused with a line that says what to do", () => {
  expect(decodeInput("a.csv", gbk(TABLE), "gb18030")).toMatchObject({ encoding: "gb18030", detected: false });
  // GBK bytes read as UTF-8 by force
  expect(() => decodeInput("a.csv", gbk(TABLE), "utf8")).toThrow(UsageError);
  expect(() => decodeInput("a.csv", gbk(TABLE), "utf8")).toThrow(/"a.csv" is not UTF-8 text: leave out --encoding/);
});

test("--encoding names as people write them", () => {
  expect(["UTF-8", "utf8", "GBK", "gb2312", "cp936", "GB18030", "Unicode", "UTF-16LE", "utf16be", "big5"].map(encodingOf)).toEqual([
    "utf8", "utf8", "gb18030", "gb18030", "gb18030", "gb18030", "utf16le", "utf16le", "utf16be", "big5",
  ]);
  expect(encodingOf("latin1")).toBeNull();
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
  expect(() => profileText("p.json", gbk('{"name": {"zh": "每月沟通次"}}'))).toThrow(/Profile file "p.json" is not UTF-8 text/);
  expect(() => profileText("p.json", utf16le(json))).toThrow(/is not UTF-8 text/);
});
