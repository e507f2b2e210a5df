import { FakeExcel } from "./fake";
import { fakeSettings } from "./fake/settings";
import {
  deleteWorkbookProfile,
  findFormulasUsingProfile,
  formulaNamesProfile,
  importWorkbookProfile,
  listWorkbookProfiles,
  PROFILE_SETTING_PREFIX,
  saveWorkbookProfile,
  workbookProfilesRevision,
} from "../../src/excel/workbookProfiles";
import { MAX_CHUNK_CELLS } from "../../src/excel/chunks";
import { eastRegionDocument } from "../fixtures/eastRegionProfile";

const ourDocument = eastRegionDocument;

const OUR_KEY = `${PROFILE_SETTING_PREFIX}east-region`;

async function storeOf(excel: FakeExcel) {
  return fakeSettings(excel);
}

describe("saving and listing", () => {
  test("a saved profile is listed again, from a later Excel.run, exactly as it was written", async () => {
    const excel = new FakeExcel();
    const saved = await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    expect(saved).toEqual({ status: "saved", profile: ourDocument(), replaced: false });

    const listed = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(listed).toEqual({ profiles: [ourDocument()], invalid: [] });
  });

  test("it is stored as one setting whose value is the profile's JSON text", async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    const store = await storeOf(excel);
    expect([...store.values.keys()]).toEqual([OUR_KEY]);
    const text = store.values.get(OUR_KEY) as string;
    expect(JSON.parse(text)).toEqual(ourDocument());
  });

  test("a quantile profile gets spec §6's defaults stored with it", async () => {
    const excel = new FakeExcel();
    const doc = { ...ourDocument(), id: "ranked", method: "quantiles" } as Record<string, unknown>;
    delete doc.thresholds;
    await excel.run((ctx) => saveWorkbookProfile(ctx, doc));
    const { profiles } = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(profiles[0]).toMatchObject({ id: "ranked", method: "quantiles", bins: 5, ties: "average" });
  });

  test("profiles are listed by id; other settings of the add-in are not profiles", async () => {
    const excel = new FakeExcel();
    await excel.run(async (ctx) => {
      ctx.workbook.settings.add("rfm.pane.language", "zh");
    });
    for (const id of ["west", "East-2", "central"]) {
      await excel.run((ctx) => saveWorkbookProfile(ctx, { ...ourDocument(), id }));
    }
    const { profiles } = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(profiles.map((p) => p.id)).toEqual(["central", "East-2", "west"]);
  });

  test("listing takes one sync", async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    excel.resetStats();
    await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(excel.stats).toHaveLength(1);
  });
});

describe("what is refused, with nothing written", () => {
  async function expectUnchanged(excel: FakeExcel, before: [string, unknown][]) {
    const store = await storeOf(excel);
    expect([...store.values.entries()]).toEqual(before);
    expect(store.calculations).toEqual([]);
  }

  test("an invalid document: every problem names its field, as the engine's validation says", async () => {
    const excel = new FakeExcel();
    const doc = ourDocument();
    doc.thresholds.recency = [7, 30, 14, 60];
    doc.weights.monetary = "half";
    const outcome = await excel.run((ctx) => saveWorkbookProfile(ctx, doc));
    expect(outcome).toMatchObject({ status: "refused", reason: "invalid" });
    const fields = outcome.status === "refused" ? outcome.issues.map((i) => i.field) : [];
    expect(fields).toEqual(expect.arrayContaining(["thresholds.recency[2]", "weights.monetary"]));
    await expectUnchanged(excel, []);
  });

  test.each(["shaoxing", "wuhan", "Wuhan", " SHAOXING"])("the built-in id %j", async (id) => {
    const excel = new FakeExcel();
    const outcome = await excel.run((ctx) => saveWorkbookProfile(ctx, { ...ourDocument(), id: id.trim() }));
    expect(outcome).toMatchObject({ status: "refused", reason: "builtin" });
    if (outcome.status !== "refused") return;
    expect(outcome.issues).toHaveLength(1);
    expect(outcome.issues[0].field).toBe("id");
    expect(outcome.issues[0].message.en).toContain("built-in profile, which cannot be overwritten");
    expect(outcome.issues[0].message.zh).toContain("内置方案不能被覆盖");
    await expectUnchanged(excel, []);
  });

  test("an id already stored (in any case) unless the user chose to update it", async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    const store = await storeOf(excel);
    const before = [...store.values.entries()];
    store.calculations.length = 0;

    const renamed = { ...ourDocument(), id: "EAST-REGION", name: { en: "East (new)", zh: "华东（新）" } };
    const outcome = await excel.run((ctx) => saveWorkbookProfile(ctx, renamed));
    expect(outcome).toMatchObject({ status: "refused", reason: "taken" });
    expect(outcome.status === "refused" && outcome.issues.map((i) => [i.field, i.message.en])).toEqual([
      ["id", 'id "EAST-REGION" is already used by a profile saved in this workbook: choose another id, or update that profile'],
    ]);
    await expectUnchanged(excel, before);

    const updated = await excel.run((ctx) => saveWorkbookProfile(ctx, renamed, { update: true }));
    expect(updated).toMatchObject({ status: "saved", replaced: true });
    const { profiles } = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(profiles).toEqual([renamed]);
  });

  test("a failed write leaves the workbook as it was and the error reaches the caller", async () => {
    const excel = new FakeExcel();
    excel.failAtSync(2); // 1: the existence check; 2: the write
    await expect(excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()))).rejects.toThrow(/failed as the test asked/);
    await expectUnchanged(excel, []);
  });
});

describe("importing a JSON file", () => {
  test("a valid file is stored", async () => {
    const excel = new FakeExcel();
    const outcome = await excel.run((ctx) => importWorkbookProfile(ctx, JSON.stringify(ourDocument(), null, 2)));
    expect(outcome).toMatchObject({ status: "saved", replaced: false });
    expect((await storeOf(excel)).values.has(OUR_KEY)).toBe(true);
  });

  const bad: [string, string, string][] = [
    ["a syntax error", '{ "id": "east-region",\n  "method" "thresholds" }', "(json)"],
    ["an invalid profile", JSON.stringify({ ...ourDocument(), grades: [] }), "grades"],
    ["a built-in id", JSON.stringify({ ...ourDocument(), id: "wuhan" }), "id"],
  ];
  test.each(bad)("%s is refused naming the problem, and nothing in the workbook changes", async (_what, text, field) => {
    const excel = new FakeExcel({ sheets: { Sales: [["Customer"], ["c1"]] } });
    await excel.run((ctx) => saveWorkbookProfile(ctx, { ...ourDocument(), id: "kept" }));
    const store = await storeOf(excel);
    const before = [...store.values.entries()];
    store.calculations.length = 0;
    store.changes.length = 0;

    const outcome = await excel.run((ctx) => importWorkbookProfile(ctx, text));
    expect(outcome.status).toBe("refused");
    expect(outcome.status === "refused" && outcome.issues[0].field).toBe(field);
    expect([...store.values.entries()]).toEqual(before);
    expect(store.changes).toEqual([]);
    expect(store.calculations).toEqual([]);
    expect(excel.read("Sales")).toEqual([["Customer"], ["c1"]]);
  });

  test("the syntax error message says where, in both languages", async () => {
    const excel = new FakeExcel();
    const outcome = await excel.run((ctx) => importWorkbookProfile(ctx, '{ "id": "east-region",\n  "method" "thresholds" }'));
    expect(outcome.status === "refused" && outcome.issues[0].message).toEqual({
      en: 'The file is not valid JSON: line 2, column 12: expected ":" after the field name',
      zh: '文件不是有效的 JSON：第 2 行第 12 列：字段名后面应为 ":"',
    });
  });
});

describe("stored profiles that cannot be used are reported, never thrown", () => {
  test("broken text, an invalid document, a value that is not text, a built-in id, a mismatched key", async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    await excel.run(async (ctx) => {
      const s = ctx.workbook.settings;
      s.add(`${PROFILE_SETTING_PREFIX}broken`, '{ "id": "broken", ');
      s.add(`${PROFILE_SETTING_PREFIX}no-grades`, JSON.stringify({ ...ourDocument(), id: "no-grades", grades: [] }));
      s.add(`${PROFILE_SETTING_PREFIX}object`, ourDocument());
      s.add(`${PROFILE_SETTING_PREFIX}wuhan`, JSON.stringify({ ...ourDocument(), id: "wuhan" }));
      s.add(`${PROFILE_SETTING_PREFIX}elsewhere`, JSON.stringify(ourDocument()));
    });
    const listed = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(listed.profiles.map((p) => p.id)).toEqual(["east-region"]);
    expect(listed.invalid.map((x) => [x.id, x.issues[0].field])).toEqual([
      ["broken", "(json)"],
      ["elsewhere", "id"],
      ["no-grades", "grades"],
      ["object", "(profile)"],
      ["wuhan", "id"],
    ]);
    for (const x of listed.invalid) for (const i of x.issues) expect(i.message.zh).not.toBe("");
  });
});

describe("formulas follow a change", () => {
  test("saving asks for a full calculation after the sync that wrote the setting", async () => {
    const excel = new FakeExcel();
    const revision = workbookProfilesRevision();
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    const store = await storeOf(excel);
    expect(store.calculations).toHaveLength(1);
    expect(store.calculations[0].type).toBe("Full");
    expect(store.changes).toHaveLength(1);
    expect(store.calculations[0].sync).toBeGreaterThan(store.changes[0]);
    expect(workbookProfilesRevision()).toBe(revision + 1);
  });

  test("deleting removes the setting, recalculates, and says whether there was one", async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    const store = await storeOf(excel);
    store.calculations.length = 0;
    const revision = workbookProfilesRevision();

    expect(await excel.run((ctx) => deleteWorkbookProfile(ctx, "East-Region"))).toBe(true);
    expect(store.values.size).toBe(0);
    expect(store.calculations.map((c) => c.type)).toEqual(["Full"]);
    expect(workbookProfilesRevision()).toBe(revision + 1);

    expect(await excel.run((ctx) => deleteWorkbookProfile(ctx, "east-region"))).toBe(false);
    expect(store.calculations).toHaveLength(1);
  });
});

describe("finding the formulas that use a profile", () => {
  test.each([
    ['=RFM.GRADE(B2,C2,D2,"east-region","2025-07-01")', true],
    ['=rfm.scores(B2:B9,C2:C9,D2:D9," East-Region ")', true],
    ['=IFERROR(RFM.GRADE(B2,C2,D2,"east-region"),"")', true],
    ['=RFM.GRADE(B2,C2,D2,"east-region-2")', false],
    ['=RFM.GRADE(B2,C2,D2,$H$1)', false],
    ['=B2&"east-region"', false],
    ["east-region", false],
    [42, false],
  ])("%j names the profile: %j", (formula, expected) => {
    expect(formulaNamesProfile(formula, "east-region")).toBe(expected);
  });

  test("a quote inside a text literal is read as Excel writes it (doubled)", () => {
    expect(formulaNamesProfile('=RFM.GRADE(B2,C2,D2,"say ""hi""")', 'say "hi"')).toBe(true);
  });

  test("addresses on every sheet, a filled-down column merged into one range, sheet names quoted", async () => {
    const excel = new FakeExcel({
      sheets: {
        Sales: [["Customer", "Date", "Count", "Total", "Grade"], ["c1", 45800, 3, 2], ["c2", 45810, 5, 4], ["c3", 45820, 9, 7], ["c4", 45830, 1, 1]],
        "Q3 sales": [["x"]],
        Other: [["nothing here"]],
      },
    });
    for (const row of [2, 3, 4]) excel.setFormula("Sales", `E${row}`, `=RFM.GRADE(B${row},C${row},D${row},"east-region")`, "B");
    excel.setFormula("Sales", "E5", '=RFM.GRADE(B5,C5,D5,"wuhan")', "D");
    excel.setFormula("Sales", "G1", '=RFM.PROFILES()', "shaoxing");
    excel.setFormula("Q3 sales", "C7", '=RFM.SCORE(A1,A2,A3,"EAST-REGION")', 3);
    excel.setFormula("Q3 sales", "A9", '=RFM.SCORE(A1,A2,A3,"east-region")', 3);

    const uses = await excel.run((ctx) => findFormulasUsingProfile(ctx, "east-region"));
    expect(uses).toEqual({ cells: 5, addresses: ["Sales!E2:E4", "'Q3 sales'!A9", "'Q3 sales'!C7"] });
  });

  test("a tall sheet is read in blocks: few syncs, each well under Excel's limits", async () => {
    const rows = 60_000;
    const cols = 8;
    const excel = new FakeExcel({ sheets: { Big: [] } });
    for (let c = 0; c < cols; c++) excel.setColumn("Big", c, 0, Array.from({ length: rows }, (_, i) => `r${i}c${c}`));
    excel.setFormula("Big", `I${rows}`, `=RFM.GRADE(A${rows},B${rows},C${rows},"east-region")`, "A");
    excel.resetStats();

    const uses = await excel.run((ctx) => findFormulasUsingProfile(ctx, "east-region"));
    expect(uses.addresses).toEqual([`Big!I${rows}`]);
    // Syncs 1 and 2 read the sheet names and the used ranges; every later one reads formulas.
    const blockReads = excel.stats.slice(2);
    expect(blockReads.reduce((n, s) => n + s.cellsRead, 0)).toBe(rows * (cols + 1));
    for (const s of excel.stats) {
      expect(s.cellsRead).toBeLessThanOrEqual(MAX_CHUNK_CELLS);
      expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
    }
    // 540,000 cells in at most 200,000-cell syncs, plus the sheet names and the used ranges.
    expect(excel.stats.length).toBeLessThanOrEqual(2 + 8);
  });

  test("an empty workbook has no uses", async () => {
    const excel = new FakeExcel();
    expect(await excel.run((ctx) => findFormulasUsingProfile(ctx, "east-region"))).toEqual({ cells: 0, addresses: [] });
  });
});
