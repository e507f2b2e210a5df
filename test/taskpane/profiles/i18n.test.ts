import { profileCatalogue, pt } from "../../../src/taskpane/profiles/i18n";
import { STORAGE_TEXTS } from "../../../src/excel/workbookProfiles";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(profileCatalogue.en) as (keyof typeof profileCatalogue.en)[];

describe("the profile editor's catalogue", () => {
  it("has the same keys in English and Chinese", () => {
    expect(Object.keys(profileCatalogue.zh).sort()).toEqual([...keys].sort());
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of keys)
      expect([key, placeholders(profileCatalogue.zh[key])]).toEqual([key, placeholders(profileCatalogue.en[key])]);
  });

  it("has no empty text, and every Chinese text is Chinese", () => {
    for (const key of keys) {
      expect(profileCatalogue.en[key].trim()).not.toBe("");
      expect([key, /[\u4e00-\u9fff]/.test(profileCatalogue.zh[key])]).toEqual([key, true]);
    }
  });

  it("inserts a profile id as it is, markup included", () => {
    expect(pt("en", "saved", { id: "<b>x</b>" })).toBe(
      "Saved “<b>x</b>” in this workbook. Formulas are recalculating.",
    );
    expect(pt("zh", "deleteTitle", { id: "华东" })).toBe("删除“华东”？");
  });
});

describe("the storage's refusals", () => {
  it("exist in both languages and name the id", () => {
    for (const text of [
      STORAGE_TEXTS.builtinId("wuhan"),
      STORAGE_TEXTS.idTaken("wuhan"),
      STORAGE_TEXTS.storedUnderOtherId("rfm.profile.wuhan"),
    ]) {
      expect(text.en).toContain("wuhan");
      expect(text.zh).toContain("wuhan");
      expect(/[\u4e00-\u9fff]/.test(text.zh)).toBe(true);
    }
  });
});
