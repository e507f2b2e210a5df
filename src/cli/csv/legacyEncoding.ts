/**
 * Which legacy encoding a text file that is neither UTF-8 nor UTF-16 was saved in: GB18030/GBK (Simplified-Chinese
 * Excel's "CSV"), Big5 (Traditional-Chinese Excel's) or Windows-1252 (Western Excel's). The three overlap: most GBK
 * text is also valid Big5 and the reverse, and a Western letter followed by an ASCII letter is a valid two-byte
 * character in both. So each is judged on two kinds of evidence:
 *
 * - its bytes: how much of the text is made of the characters that encoding's text is mostly made of (GB2312's
 *   common hanzi and Chinese punctuation for GBK; Big5's level-1 characters and symbols for Big5; letters with
 *   accents beside other letters for Windows-1252), against characters such text rarely holds (kana, box drawing,
 *   private-use code points, runs of symbols);
 * - its headers: the first lines decoded in each encoding and matched against the column headers the engine knows
 *   (客户编号, 下單時間, Customer, …). A header that reads as a known header in one encoding and as mojibake in another
 *   is the strongest signal there is.
 *
 * When neither tells one encoding from the others, nothing is guessed: the caller refuses the file and names the
 * likely encodings and the `--encoding` flag.
 */

import { TextDecoder } from "util";
import { detectColumns } from "../../engine";
import { scanCsv, scanRecords } from "./scanCsv";

type LegacyEncoding = "gb18030" | "big5" | "windows1252";

export type LegacyVerdict =
  | { encoding: LegacyEncoding; evidence: "bytes" | "headers" }
  /** Several encodings read the file equally well (best first). */
  | { ambiguous: LegacyEncoding[] }
  /** None of them reads it. */
  | { unknown: true };

/** What the statistics look at: enough for a clear picture, little enough to stay quick on a large file. */
const SAMPLE_BYTES = 256 * 1024;
/** Lines tried as a header row (a title row may stand above it), within this many bytes. */
const HEADER_LINES = 6;
const HEADER_BYTES = 16 * 1024;
/** A share of plausible characters below this is not text of that encoding. */
const PLAUSIBLE = 0.6;
/** How far ahead the best encoding must be on its bytes alone. */
const MARGIN = 0.25;

const DECODER_LABELS: Record<LegacyEncoding, string> = {
  gb18030: "gb18030",
  big5: "big5",
  windows1252: "windows-1252",
};

export function legacyEncoding(raw: Uint8Array): LegacyVerdict {
  const sample = wholeLines(raw);
  const plausible = { gb18030: gbkShare(sample), big5: big5Share(sample), windows1252: westernShare(sample) };
  const readable = (Object.keys(plausible) as LegacyEncoding[]).filter((e) => plausible[e] >= 0 && decodes(sample, e));
  if (readable.length === 0) return { unknown: true };
  if (readable.length === 1) {
    // The bytes rule the others out; what is left must still look like text.
    const [only] = readable;
    return plausible[only] >= PLAUSIBLE / 2 ? { encoding: only, evidence: "bytes" } : { ambiguous: [only] };
  }

  // Headers: the encoding in which the most of them are known, if it is the only one.
  const known = new Map(readable.map((e) => [e, headersIn(sample, e)]));
  const most = Math.max(...known.values());
  const withMost = readable.filter((e) => known.get(e) === most);
  if (most > 0 && withMost.length === 1 && plausible[withMost[0]] >= PLAUSIBLE / 2)
    return { encoding: withMost[0], evidence: "headers" };

  // GBK read as Big5 (and the reverse) gives valid characters, but rare ones: common characters tell them apart.
  if (readable.includes("gb18030") && readable.includes("big5")) {
    const simplified = commonShare(sample, "gb18030"),
      traditional = commonShare(sample, "big5");
    if (simplified >= 3 * traditional && simplified >= 0.15) plausible.big5 *= traditional / simplified;
    else if (traditional >= 3 * simplified && traditional >= 0.15) plausible.gb18030 *= simplified / traditional;
  }
  readable.sort((a, b) => plausible[b] - plausible[a]);
  const [best, second] = readable;
  if (plausible[best] >= PLAUSIBLE && plausible[best] - plausible[second] >= MARGIN)
    return { encoding: best, evidence: "bytes" };
  const likely = readable.filter((e) => plausible[e] >= PLAUSIBLE / 2);
  return { ambiguous: likely.length > 0 ? likely : readable };
}

/**
 * The most frequent characters of modern Chinese text, Simplified and Traditional (the thousand most frequent of
 * each, from frequency counts of running text): two thirds and more of what Chinese files hold, and a few percent of
 * the characters GBK bytes make when read as Big5, or the reverse.
 */
const COMMON_HANZI = new Set(
  "的一是不了人我在有他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶這個們來為國說時會對於過發後裡種經麼學現當沒動還進樣開從實軍無與長機關點業將兩間問並應戰頭體見產話內給門兒東聲員論處義幾認條氣題爾別變總電數報結務場計資許統區隊決馬書則聽卻達強難權設記類據邊張該規萬覺術領確傳師觀讓識帶導爭運飛風乾聯組濟車親極辦議證轉準遠單羅愛擊備連調質團價黨華級離況亞請際約復線斷滿視須寫稱嗎輕農裝廣顯標談圖歷醫專費號盡較語僅隨選紅響雖勢參眾構節維劃敵陳態護興驗責營夠嚴續講終緊黃絕項圍織鬥雙紀採舉殺蘇訴細願錢網熱屬臉職樂剛狀獨彈創錯蘭試腦預誰陽繼驚傷藥適衛險陸習勞財環納歡獲負雲遊龍樹層衝範異漢簡擔靜積餘檢靈協揮勝階審堅媽劉讀壓銀買養懷執亂幫歲優鐵稅藝陣腳惡塊頓島託戶評寶釋顧貨歐換聞壞討麗監臨艦魚雜誤灣減編測敗夢溫劍漸貴槍樓縣畫遺祕謝魯慮銷鐘詩趕劇損舊錄葉鄉禮婦歸飯額順輸搖脫補謂療澤滅筆鮮詞聖擇尋廠煙諾倫奧賣載宮陰園謀榮孫頂",
);

/** The share of the sample's non-ASCII characters, decoded in this encoding, that are common Chinese characters. */
function commonShare(sample: Uint8Array, encoding: "gb18030" | "big5"): number {
  const text = new TextDecoder(DECODER_LABELS[encoding]).decode(sample.subarray(0, 64 * 1024));
  let chars = 0,
    common = 0;
  for (const c of text) {
    if (c.charCodeAt(0) < 0x80) continue;
    chars++;
    if (COMMON_HANZI.has(c)) common++;
  }
  return chars === 0 ? 0 : common / chars;
}

/** The first bytes, cut after their last line break so that no character is cut in two. */
function wholeLines(raw: Uint8Array): Uint8Array {
  if (raw.length <= SAMPLE_BYTES) return raw;
  const cut = raw.lastIndexOf(10, SAMPLE_BYTES);
  return raw.subarray(0, cut > 0 ? cut + 1 : SAMPLE_BYTES);
}

function decodes(bytes: Uint8Array, encoding: LegacyEncoding): boolean {
  try {
    new TextDecoder(DECODER_LABELS[encoding], { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Roles recognised among the headers of the first lines, decoded in this encoding. */
function headersIn(sample: Uint8Array, encoding: LegacyEncoding): number {
  return knownHeaders(
    Buffer.from(new TextDecoder(DECODER_LABELS[encoding]).decode(sample.subarray(0, HEADER_BYTES)), "utf8"),
  );
}

/** Roles the engine recognises among the headers of the first lines of UTF-8 text (the best line counts). */
export function knownHeaders(utf8: Uint8Array): number {
  let best = 0;
  for (const delimiter of [",", "\t", ";", "|"]) {
    const rows = scanRecords(scanCsv(utf8.subarray(0, HEADER_BYTES), delimiter)).slice(0, HEADER_LINES);
    for (const row of rows) if (row.length > 1) best = Math.max(best, Object.keys(detectColumns(row).mapping).length);
  }
  return best;
}

/**
 * The share of GBK's characters in the sample that Simplified-Chinese text is made of: GB2312 hanzi (level 2, the
 * rarer ones, count half), its punctuation and full-width forms (rows A1 and A3); GBK's extra hanzi (traditional and
 * rare characters) count a quarter; kana, Greek, Cyrillic, pinyin, box drawing, private use and four-byte GB18030
 * characters count nothing. -1 when the bytes cannot be GBK (a lead byte without its trail).
 */
function gbkShare(bytes: Uint8Array): number {
  let chars = 0,
    score = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (lead === 0x80 || lead === 0xff || trail === undefined) return -1;
    chars++;
    i++;
    if (trail >= 0x30 && trail <= 0x39) {
      i += 2; // a four-byte GB18030 character
      continue;
    }
    const high = trail >= 0xa1 && trail <= 0xfe;
    if (high && lead >= 0xb0 && lead <= 0xd7) score += 1;
    else if (high && lead >= 0xd8 && lead <= 0xf7) score += 0.5;
    else if (high && (lead === 0xa1 || lead === 0xa3)) score += 1;
    else if (!high && ((lead >= 0x81 && lead <= 0xa0) || lead >= 0xaa)) score += 0.25;
    else if (high && lead >= 0x81 && lead <= 0xa0) score += 0.25;
  }
  return chars === 0 ? 0 : score / chars;
}

/**
 * The share of Big5's characters that Traditional-Chinese text is made of: level-1 characters (A440–C67E) and the
 * symbols and punctuation (A140–A3BF); level-2 characters (C940–F9D5, the rarer ones) count a quarter; the rest
 * (Hong Kong extensions, kana and Cyrillic at C6A1–C8FE, private use) nothing. -1 when the bytes cannot be Big5.
 */
function big5Share(bytes: Uint8Array): number {
  let chars = 0,
    score = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i];
    if (lead < 0x80) continue;
    const trail = bytes[i + 1];
    if (
      lead === 0x80 ||
      lead === 0xff ||
      trail === undefined ||
      trail < 0x40 ||
      (trail > 0x7e && trail < 0xa1) ||
      trail === 0xff
    )
      return -1;
    chars++;
    i++;
    const code = (lead << 8) | trail;
    if ((code >= 0xa440 && code <= 0xc67e) || (code >= 0xa140 && code <= 0xa3bf)) score += 1;
    else if (code >= 0xc940 && code <= 0xf9d5) score += 0.25;
  }
  return chars === 0 ? 0 : score / chars;
}

/** Windows-1252 letters with accents and ligatures (À–ÿ but × and ÷; Š Œ Ž š œ ž Ÿ). */
const LETTER = new Uint8Array(256);
for (let b = 0xc0; b <= 0xff; b++) if (b !== 0xd7 && b !== 0xf7) LETTER[b] = 1;
for (const b of [0x8a, 0x8c, 0x8e, 0x9a, 0x9c, 0x9e, 0x9f]) LETTER[b] = 1;
/** Symbols Western text does hold: € … ‘ ’ “ ” – — no-break space £ § © « ° ± ² ³ µ · » ¼ ½ ¾. */
const SYMBOL = new Uint8Array(256);
for (const b of [
  0x80, 0x85, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0xa0, 0xa3, 0xa7, 0xa9, 0xab, 0xb0, 0xb1, 0xb2, 0xb3, 0xb5, 0xb7,
  0xbb, 0xbc, 0xbd, 0xbe,
])
  SYMBOL[b] = 1;
/** Bytes Windows-1252 leaves undefined. */
const UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * The share of the sample's non-ASCII bytes that look like Western text in Windows-1252: a letter with an accent
 * beside an ASCII letter (Müller, Répartition), or a common symbol on its own. Western text rarely puts three such
 * bytes in a row; Chinese text in any two-byte encoding always does. -1 for a byte Windows-1252 does not define.
 */
function westernShare(bytes: Uint8Array): number {
  let chars = 0,
    score = 0;
  for (let i = 0; i < bytes.length;) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    let end = i;
    while (end < bytes.length && bytes[end] >= 0x80) end++;
    const run = end - i;
    chars += run;
    if (run <= 2) {
      const touchesLetter = isAsciiLetter(bytes[i - 1]) || isAsciiLetter(bytes[end]);
      for (let k = i; k < end; k++) {
        const b = bytes[k];
        if (UNDEFINED.has(b)) return -1;
        if (LETTER[b] === 1 && touchesLetter) score += 1;
        else if (SYMBOL[b] === 1 && run === 1) score += 0.75;
      }
    } else {
      for (let k = i; k < end; k++) if (UNDEFINED.has(bytes[k])) return -1;
    }
    i = end;
  }
  return chars === 0 ? 0 : score / chars;
}

function isAsciiLetter(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}
