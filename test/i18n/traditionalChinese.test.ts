/**
 * One language is one place: every face's catalogue in every language has the English catalogue's keys (the compiler
 * checks it, and so does this test at run time), and the Traditional Chinese texts are Traditional Chinese as written
 * in Taiwan: no Simplified-only character, no word the Taiwan glossary forbids, in the catalogues, the functions'
 * metadata, the help page, the manifest strings and the built-in profiles' own texts.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { BUILTIN_PROFILES, LANGS, type Lang } from "../../src/engine";
import { GLOSSARY_ZH_TW } from "../../src/engine/glossary";
import { ADAPTER_TEXTS } from "../../src/i18n/adapter";
import { CLI_TEXTS } from "../../src/i18n/cli";
import { EDITOR_TEXTS } from "../../src/i18n/editor";
import { ENGINE_TEXTS, type EngineTexts } from "../../src/i18n/engine";
import { FUNCTION_TEXTS } from "../../src/i18n/functions";
import { PANE_TEXTS, type PaneMessageKey } from "../../src/i18n/pane";

const ROOT = join(__dirname, "..", "..");
const FACES = {
  engine: ENGINE_TEXTS,
  cli: CLI_TEXTS,
  pane: PANE_TEXTS,
  editor: EDITOR_TEXTS,
  adapter: ADAPTER_TEXTS,
  functions: FUNCTION_TEXTS,
};

/**
 * Characters that exist only in Simplified Chinese (their Traditional forms in brackets): 户[戶] 级[級] 联[聯] 额[額]
 * 时[時] 间[間] 数[數] 据[據] 这[這] 个[個] 们[們] 为[為] 会[會] 说[說] 读[讀] 写[寫] 选[選] 项[項] 计[計] 认[認]
 * 设[設] 页[頁] 单[單] 区[區] 订[訂] 销[銷] 务[務] 资[資] 统[統] 图[圖] 标[標] 题[題] 换[換] 错[錯] 误[誤] 载[載]
 * 档[檔] 录[錄] 类[類] 简[簡] 体[體] 应[應] 该[該] 无[無] 请[請] 输[輸] 万[萬] 历[歷] 购[購] 买[買] 码[碼] 缺[缺 is
 * the same, so not listed].
 */
const SIMPLIFIED_ONLY = [
  ..."户级联额时间数据这个们为会说读写选项计认设页单区订销务资统图标题换错误载档录类简体应该无请输万历购买码",
];

const PLURAL_CATEGORIES = new Set(["zero", "one", "two", "few", "many", "other"]);

/**
 * The shape of a catalogue: its keys, down to texts, lists and message functions. A counted noun's forms are one
 * leaf: each language has the plural categories of its own (Intl.PluralRules), English "one" and "other", Chinese
 * "other" alone.
 */
function shape(node: unknown): unknown {
  if (typeof node === "function") return "message";
  if (node && typeof node === "object" && "other" in node && Object.keys(node).every((k) => PLURAL_CATEGORIES.has(k)))
    return "plural forms";
  if (typeof node === "string") return "text";
  if (Array.isArray(node)) return "list";
  if (node && typeof node === "object") {
    return Object.fromEntries(
      Object.keys(node)
        .sort()
        .map((key) => [key, shape((node as Record<string, unknown>)[key])]),
    );
  }
  return typeof node;
}

/** Every zh-TW text the product ships, with where it is. */
function traditionalTexts(): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const dir = join(ROOT, "src/i18n/zh-TW");
  // The catalogues' comments are English, so every CJK character in these files is a text.
  for (const name of readdirSync(dir))
    out.push({ where: `src/i18n/zh-TW/${name}`, text: readFileSync(join(dir, name), "utf8") });
  const walk = (v: unknown, where: string): void => {
    if (typeof v === "string") out.push({ where, text: v });
    else if (v && typeof v === "object")
      for (const [k, x] of Object.entries(v)) if (k !== "//") walk(x, `${where}/${k}`);
  };
  walk(
    JSON.parse(readFileSync(join(ROOT, "src/functions/functions.zh-TW.translation.json"), "utf8")),
    "functions.zh-TW.translation.json",
  );
  out.push({ where: "src/help/help.zh-TW.html", text: readFileSync(join(ROOT, "src/help/help.zh-TW.html"), "utf8") });
  const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
  for (const m of manifest.matchAll(/Override Locale="zh-(?:TW|HK)" Value="([^"]*)"/g))
    out.push({ where: "manifest.xml", text: m[1] });
  for (const profile of BUILTIN_PROFILES) {
    out.push({ where: `built-in profile ${profile.id}`, text: profile.name["zh-TW"] ?? "" });
    for (const g of profile.grades)
      out.push({ where: `built-in profile ${profile.id} grade ${g.grade}`, text: g.cadence["zh-TW"] ?? "" });
  }
  return out;
}

describe("one catalogue per language for every face", () => {
  it.each(Object.keys(FACES))("the %s catalogue of every language has the English keys, no more, no fewer", (face) => {
    const catalogues = FACES[face as keyof typeof FACES] as Readonly<Record<Lang, unknown>>;
    expect(Object.keys(catalogues).sort()).toEqual([...LANGS].sort());
    for (const lang of LANGS) expect([lang, shape(catalogues[lang])]).toEqual([lang, shape(catalogues.en)]);
  });

  it("is checked by the compiler: a language without a catalogue, or a catalogue without a key, does not compile", () => {
    // @ts-expect-error every registered language needs its catalogue
    const withoutTraditional: Readonly<Record<Lang, EngineTexts>> = { en: ENGINE_TEXTS.en, zh: ENGINE_TEXTS.zh };
    const { title: _title, ...untitled } = PANE_TEXTS["zh-TW"];
    // @ts-expect-error a catalogue lacking one of the English keys
    const lacking: Readonly<Record<PaneMessageKey, string>> = untitled;
    expect(Object.keys(withoutTraditional)).toHaveLength(2);
    expect("title" in lacking).toBe(false);
  });
});

describe("Traditional Chinese (zh-TW) as written in Taiwan", () => {
  const texts = traditionalTexts();

  it("reads the texts it checks (the scan is not reading nothing)", () => {
    expect(texts.length).toBeGreaterThan(20);
    const all = texts.map((t) => t.text).join("\n");
    for (const word of ["客戶", "等級", "聯絡頻率", "金額（萬元）", "分數", "分析日期", "活頁簿", "儲存格"])
      expect([word, all.includes(word)]).toEqual([word, true]);
  });

  it("has no Simplified-only character", () => {
    const found = texts.flatMap(({ where, text }) =>
      SIMPLIFIED_ONLY.filter((c) => text.includes(c)).map((c) => `${where}: ${c}`),
    );
    expect(found).toEqual([]);
  });

  it("uses the Taiwan glossary's terms, never the words it forbids", () => {
    const found = texts.flatMap(({ where, text }) =>
      Object.entries(GLOSSARY_ZH_TW).flatMap(([concept, term]) =>
        term.forbidden
          .filter((word) => text.includes(word))
          .map((word) => `${where}: ${word} (${concept}: ${term.zhTW})`),
      ),
    );
    expect(found).toEqual([]);
  });

  it("fills its messages in Traditional Chinese, with Taiwan's row and column words", () => {
    const engine = ENGINE_TEXTS["zh-TW"];
    expect(engine.rowColumnPrefix(6, "下單時間")).toBe("第 6 列，「下單時間」欄：");
    expect(engine.resultHeaders.grade).toBe("客戶等級");
    expect(engine.resultHeaders.cadence).toBe("聯絡頻率");
    expect(engine.summary.asOf).toBe("分析日期");
    expect(engine.summary.units.wan).toBe("萬元");
    expect(CLI_TEXTS["zh-TW"].usage.fileNotFound("a.csv")).toBe("無法讀取「a.csv」：檔案不存在");
  });
});
