/**
 * Formulas naming a profile stored in the workbook: =RFM.GRADE(..., "east-region") grades by the stored rules, and
 * follows them when they change. The workbook is the grid-backed Excel double with its custom XML parts (and the
 * settings where earlier versions stored profiles).
 */
import { grade, profiles, score } from "../../src/functions/functions";
import { EXCEL_RETRY_DELAYS_MS, setExcelRetryDelays } from "../../src/functions/officeHost";
import { setProfileSource } from "../../src/functions/profileSource";
import { createWorkbookProfileSource, workbookProfileSource } from "../../src/functions/workbookProfileSource";
import { deleteWorkbookProfile, PROFILE_SETTING_PREFIX, saveWorkbookProfile } from "../../src/excel/workbookProfiles";
import { FakeExcel } from "../excel/fake";
import { fakeXmlParts } from "../excel/fake/customXmlParts";
import { profilePartXml } from "../../src/excel/profilePart";
import { eastRegionDocument } from "../fixtures/eastRegionProfile";
import { column, installRuntime, rejection, removeRuntime } from "./fakeRuntime";

const none = null as unknown as undefined;
const AS_OF = 45839; // 2025-07-01

const eastRegion = eastRegionDocument;

// Worked by hand with the rules in test/fixtures/eastRegionProfile.ts (as-of 2025-07-01):
//   2025-06-26 (D 5, r 5), S 8 (f 4), Z 30000 (m 4): X = 1.25 + 1 + 2 = 4.25 → B
//   2025-06-21 (D 10, r 4), S 13 (f 5), Z 60000 (m 5): X = 1 + 1.25 + 2.5 = 4.75 → A
//   2025-05-17 (D 45, r 2), S 2 (f 2), Z 1000 (m 1): X = 0.5 + 0.5 + 0.5 = 1.5 → D
//   2025-05-17 (D 45, r 2), S 2 (f 2), Z 3000 (m 2): X = 0.5 + 0.5 + 1 = 2 → C (at least 2)
const DATES = column(45834, 45829, 45794, 45794);
const COUNTS = column(8, 13, 2, 2);
const TOTALS = column(30000, 60000, 1000, 3000);

let excel: FakeExcel;

function useWorkbook(): void {
  excel = new FakeExcel();
  installRuntime({ language: "en-US" });
  (globalThis as Record<string, unknown>).Excel = {
    run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => excel.run(batch),
  };
}

beforeEach(() => {
  useWorkbook();
  workbookProfileSource.forget();
  setProfileSource(workbookProfileSource);
});
afterAll(() => removeRuntime());

test("GRADE and SCORE grade by the rules of a profile stored in the workbook", async () => {
  await excel.run((ctx) => saveWorkbookProfile(ctx, eastRegion()));
  expect(await grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)).toEqual([["B"], ["A"], ["D"], ["C"]]);
  expect(await score(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)).toEqual([[4.25], [4.75], [1.5], [2]]);
});

test("the id is matched ignoring case and spaces, as for the built-ins", async () => {
  await excel.run((ctx) => saveWorkbookProfile(ctx, eastRegion()));
  expect(await grade(DATES, COUNTS, TOTALS, " East-Region ", AS_OF, none)).toEqual([["B"], ["A"], ["D"], ["C"]]);
});

test("PROFILES lists the built-ins, then the workbook's profiles, in the Office language", async () => {
  await excel.run((ctx) => saveWorkbookProfile(ctx, eastRegion()));
  expect((await profiles()).map((row) => row[0])).toEqual(["shaoxing", "wuhan", "east-region"]);
  expect((await profiles())[2]).toEqual(["east-region", "East region"]);
  installRuntime({ language: "zh-CN" });
  (globalThis as Record<string, unknown>).Excel = {
    run: <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => excel.run(batch),
  };
  expect((await profiles())[2]).toEqual(["east-region", "华东区"]);
});

test("a stored profile that cannot be used is left out; the others still work", async () => {
  await excel.run((ctx) => saveWorkbookProfile(ctx, eastRegion()));
  await excel.run(async (ctx) => {
    ctx.workbook.settings.add(`${PROFILE_SETTING_PREFIX}broken`, "{ not json");
  });
  expect((await profiles()).map((row) => row[0])).toEqual(["shaoxing", "wuhan", "east-region"]);
  const err = await rejection(grade(DATES, COUNTS, TOTALS, "broken", AS_OF, none));
  expect(err.message).toContain("broken");
});

test("after an update, the very next calculation uses the new rules (no stale cache)", async () => {
  await excel.run((ctx) => saveWorkbookProfile(ctx, eastRegion()));
  expect(await grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)).toEqual([["B"], ["A"], ["D"], ["C"]]);
  const stricter = eastRegion();
  stricter.grades[0].atLeast = 4.25; // 4.25 is now an A
  await excel.run((ctx) => saveWorkbookProfile(ctx, stricter, { update: true }));
  expect(await grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)).toEqual([["A"], ["A"], ["D"], ["C"]]);
});

test("after a delete, formulas naming it say the profile is unknown", async () => {
  await excel.run((ctx) => saveWorkbookProfile(ctx, eastRegion()));
  expect(await grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)).toEqual([["B"], ["A"], ["D"], ["C"]]);
  await excel.run((ctx) => deleteWorkbookProfile(ctx, "east-region"));
  const err = await rejection(grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none));
  expect(err.code).toBe("#VALUE!");
  expect(err.message).toContain("east-region");
});

describe("reads of the workbook", () => {
  function countingSource(now: () => number = Date.now) {
    let reads = 0;
    const source = createWorkbookProfileSource((batch) => {
      reads++;
      return excel.run(batch);
    }, now);
    setProfileSource(source);
    return { reads: () => reads };
  }

  test("a burst of formulas shares one read; built-in profiles never read the workbook", async () => {
    await excel.run((ctx) => saveWorkbookProfile(ctx, eastRegion()));
    const counter = countingSource();
    await Promise.all(Array.from({ length: 10 }, () => grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)));
    expect(counter.reads()).toBe(1);
    await grade(DATES, COUNTS, TOTALS, "shaoxing", AS_OF, none);
    await grade(DATES, COUNTS, TOTALS, "wuhan", AS_OF, none);
    expect(counter.reads()).toBe(1);
  });

  test("a change made elsewhere (a co-author) is seen once the short cache has expired", async () => {
    let clock = 1_000_000;
    const counter = countingSource(() => clock);
    await excel.run((ctx) => saveWorkbookProfile(ctx, eastRegion()));
    expect(await grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)).toEqual([["B"], ["A"], ["D"], ["C"]]);
    // Another user's add-in rewrites the part: this page's revision does not change.
    const theirs = eastRegion();
    theirs.grades[0].atLeast = 4.25;
    const parts = await fakeXmlParts(excel);
    expect(parts.parts).toHaveLength(1);
    parts.parts[0].xml = profilePartXml("east-region", JSON.stringify(theirs), new Date(Date.UTC(2030, 0, 1)));
    clock += 500;
    expect(await grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)).toEqual([["B"], ["A"], ["D"], ["C"]]);
    clock += 2000;
    expect(await grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)).toEqual([["A"], ["A"], ["D"], ["C"]]);
    expect(counter.reads()).toBe(2);
  });

  test("a read that fails for a moment (Excel busy) is retried", async () => {
    await excel.run((ctx) => saveWorkbookProfile(ctx, eastRegion()));
    excel.failAtSync(1);
    expect(await grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)).toEqual([["B"], ["A"], ["D"], ["C"]]);
  });

  test("a read that keeps failing gives #VALUE! saying so and naming Excel's error; the next formula tries again", async () => {
    setExcelRetryDelays([1, 1, 1]);
    try {
      await excel.run((ctx) => saveWorkbookProfile(ctx, eastRegion()));
      let failures = 4; // the first try and the three retries
      const source = createWorkbookProfileSource((batch) => {
        if (failures-- > 0)
          return Promise.reject(new Error("The operation is not allowed while a cell is being edited."));
        return excel.run(batch);
      });
      setProfileSource(source);
      const err = await rejection(grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none));
      expect(err.message).toMatch(
        /^Excel did not let RFM read the profiles saved in this workbook \(Excel said: The operation is not allowed while a cell is being edited\./,
      );
      expect(err.message).toMatch(/Ctrl\+Alt\+F9/);
      expect(await grade(DATES, COUNTS, TOTALS, "east-region", AS_OF, none)).toEqual([["B"], ["A"], ["D"], ["C"]]);
    } finally {
      setExcelRetryDelays(EXCEL_RETRY_DELAYS_MS);
    }
  });

  test("outside Excel there are only the built-ins", async () => {
    delete (globalThis as Record<string, unknown>).Excel;
    workbookProfileSource.forget();
    expect((await profiles()).map((row) => row[0])).toEqual(["shaoxing", "wuhan"]);
  });
});
