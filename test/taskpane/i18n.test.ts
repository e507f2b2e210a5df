import { LANGS, langFromTag } from "../../src/engine";
import { catalogue, t } from "../../src/taskpane/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the task pane's message catalogue", () => {
  const others = LANGS.filter((lang) => lang !== "en");

  it.each(others)("has the same keys in English and %s", (lang) => {
    expect(Object.keys(catalogue[lang]).sort()).toEqual(Object.keys(catalogue.en).sort());
  });

  it.each(others)("uses the same placeholders in English and %s, so no value is dropped in translation", (lang) => {
    for (const key of Object.keys(catalogue.en) as (keyof typeof catalogue.en)[]) {
      expect([key, placeholders(catalogue[lang][key])]).toEqual([key, placeholders(catalogue.en[key])]);
    }
  });

  it.each(others)("has no empty text, and the %s texts are not English left untranslated", (lang) => {
    for (const key of Object.keys(catalogue.en) as (keyof typeof catalogue.en)[]) {
      expect(catalogue.en[key].trim()).not.toBe("");
      // The help page's file name and the sample's date format are not words.
      if (key === "helpPage" || key === "sampleDateFormat") continue;
      expect([key, /[\u4e00-\u9fff]/.test(catalogue[lang][key])]).toEqual([key, true]);
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(t("en", "customersGraded", { graded: 4, rows: 5 })).toBe("4 of 5 graded");
    expect(t("zh", "customersGraded", { graded: 4, rows: 5 })).toBe("已分级 4 / 5");
    expect(t("en", "progressReading", { done: 0 })).toBe("Reading rows… 0 of {total}");
  });

  it("inserts values as they are, even ones that look like placeholders or markup", () => {
    expect(t("en", "resultWritten", { address: "{sheet}<b>" })).toBe("Results written to {sheet}<b>.");
  });
});

describe("the language of the pane", () => {
  it.each([
    ["zh-CN", "zh"],
    ["zh-SG", "zh"],
    ["zh-Hans-CN", "zh"],
    ["zh-TW", "zh-TW"],
    ["ZH-hk", "zh-TW"],
    ["zh-MO", "zh-TW"],
    ["zh-Hant-HK", "zh-TW"],
    ["zh", "zh"],
    ["en-US", "en"],
    ["de-DE", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("Office display language %p reads as %p", (tag, lang) => {
    expect(langFromTag(tag)).toBe(lang);
  });
});
