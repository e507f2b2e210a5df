import { langFromTag } from "../../src/engine";
import { catalogue, t } from "../../src/taskpane/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the task pane's message catalogue", () => {
  it("has the same keys in English and Chinese", () => {
    expect(Object.keys(catalogue.zh).sort()).toEqual(Object.keys(catalogue.en).sort());
  });

  it("uses the same placeholders in both languages, so no value is dropped in translation", () => {
    for (const key of Object.keys(catalogue.en) as (keyof typeof catalogue.en)[]) {
      expect([key, placeholders(catalogue.zh[key])]).toEqual([key, placeholders(catalogue.en[key])]);
    }
  });

  it("has no empty text, and the Chinese texts are not English left untranslated", () => {
    for (const key of Object.keys(catalogue.en) as (keyof typeof catalogue.en)[]) {
      expect(catalogue.en[key].trim()).not.toBe("");
      expect([key, /[\u4e00-\u9fff]/.test(catalogue.zh[key])]).toEqual([key, true]);
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
    ["zh-TW", "zh"],
    ["ZH-hk", "zh"],
    ["zh", "zh"],
    ["en-US", "en"],
    ["de-DE", "en"],
    ["", "en"],
    [undefined, "en"],
  ])("Office display language %p reads as %p", (tag, lang) => {
    expect(langFromTag(tag)).toBe(lang);
  });
});
