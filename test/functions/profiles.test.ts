/** RFM.PROFILES and the replaceable profile source the workbook-profiles issue will extend. */
import { builtinProfile, type Profile } from "../../src/engine";
import { grade, profiles } from "../../src/functions/functions";
import { builtinProfileSource, setProfileSource } from "../../src/functions/profileSource";
import { cell, installRuntime, isFormulaError, rejection, removeRuntime } from "./fakeRuntime";

const none = null as unknown as undefined;

afterEach(() => setProfileSource(builtinProfileSource));
afterAll(() => removeRuntime());

test("PROFILES lists the built-ins with their names (RULES.md §6 gives shaoxing's)", async () => {
  installRuntime({ language: "en-US" });
  const rows = await profiles();
  expect(rows.map((r) => r[0])).toEqual(["shaoxing", "wuhan"]);
  expect(rows[0][1]).toBe("Shaoxing – finance platform (fixed thresholds)");
  expect(rows[1][1]).toMatch(/Wuhan/);
});

test("PROFILES in Chinese Office", async () => {
  installRuntime({ language: "zh-CN" });
  const rows = await profiles();
  expect(rows[0]).toEqual(["shaoxing", "绍兴·财务数据集成平台（固定阈值）"]);
  expect(rows[1][1]).toMatch(/武汉/);
});

describe("a replaced profile source (as the workbook-profiles issue will install)", () => {
  const shaoxing = builtinProfile("shaoxing") as Profile;
  // Same thresholds and weights, one catch-all grade: every graded customer is "Z".
  const mine: Profile = {
    ...shaoxing,
    id: "mine",
    name: { en: "Mine", zh: "我的" },
    grades: [{ grade: "Z", cadence: { en: "whenever", zh: "随时" } }],
  };

  test("functions find the workbook's profile and PROFILES lists it", async () => {
    installRuntime();
    setProfileSource({
      resolve: async (id) => (id === "mine" ? mine : builtinProfile(id)),
      list: async () => [shaoxing, mine],
    });
    expect(await grade(cell(45833), cell(20), cell(10), "mine", 45839, none)).toEqual([["Z"]]);
    expect(await profiles()).toEqual([
      ["shaoxing", "Shaoxing – finance platform (fixed thresholds)"],
      ["mine", "Mine"],
    ]);
  });

  test("a source that fails gives #VALUE! (never a rejected promise Excel cannot show)", async () => {
    installRuntime();
    setProfileSource({
      resolve: async () => {
        throw new Error("workbook settings unreadable");
      },
      list: async () => {
        throw new Error("workbook settings unreadable");
      },
    });
    const listing = await rejection(profiles());
    expect(listing.message).toMatch(/could not compute.*workbook settings unreadable/);
    const grading = await rejection(grade(cell(45833), cell(20), cell(10), "mine", 45839, none));
    expect(isFormulaError(grading) && grading.code).toBe("#VALUE!");
  });
});
