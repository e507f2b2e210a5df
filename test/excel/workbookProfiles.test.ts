import { FakeExcel } from "./fake";
import { fakeSettings } from "./fake/settings";
import { fakeXmlParts } from "./fake/customXmlParts";
import {
  deleteWorkbookProfile,
  findFormulasUsingProfile,
  formulaNamesProfile,
  importWorkbookProfile,
  listWorkbookProfiles,
  migrateWorkbookProfiles,
  PROFILE_SETTING_PREFIX,
  PROFILE_XML_NAMESPACE,
  saveWorkbookProfile,
  workbookProfilesRevision,
} from "../../src/excel/workbookProfiles";
import { readProfilePart } from "../../src/excel/profilePart";
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

  test("it is stored as one custom XML part of the workbook, in RFM Grader's namespace, holding the profile's JSON text", async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) =>
      saveWorkbookProfile(ctx, ourDocument(), { now: () => new Date(Date.UTC(2026, 11, 3, 8)) }),
    );
    const { parts } = await fakeXmlParts(excel);
    expect(parts).toHaveLength(1);
    expect(parts[0].namespaceUri).toBe(PROFILE_XML_NAMESPACE);
    const content = readProfilePart(parts[0].xml);
    expect(content).toEqual({ id: "east-region", saved: "2026-12-03T08:00:00.000Z", json: expect.any(String) });
    expect("json" in content && JSON.parse(content.json)).toEqual(ourDocument());
    // The add-in's settings (which belong to its Id) hold nothing.
    expect((await storeOf(excel)).values.size).toBe(0);
  });

  test("a quantile profile gets RULES.md §11's defaults stored with it", async () => {
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

  test("listing takes two syncs (the parts, then their XML), one when nothing is stored", async () => {
    const excel = new FakeExcel();
    await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(excel.stats).toHaveLength(1);
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    await excel.run((ctx) => saveWorkbookProfile(ctx, { ...ourDocument(), id: "west" }));
    excel.resetStats();
    await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(excel.stats).toHaveLength(2);
  });
});

describe("what is refused, with nothing written", () => {
  async function expectUnchanged(excel: FakeExcel, before: string[]) {
    expect((await fakeXmlParts(excel)).parts.map((p) => p.xml)).toEqual(before);
    expect((await storeOf(excel)).calculations).toEqual([]);
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
    const before = (await fakeXmlParts(excel)).parts.map((p) => p.xml);
    store.calculations.length = 0;

    const renamed = { ...ourDocument(), id: "EAST-REGION", name: { en: "East (new)", zh: "华东（新）" } };
    const outcome = await excel.run((ctx) => saveWorkbookProfile(ctx, renamed));
    expect(outcome).toMatchObject({ status: "refused", reason: "taken" });
    expect(outcome.status === "refused" && outcome.issues.map((i) => [i.field, i.message.en])).toEqual([
      [
        "id",
        'id "EAST-REGION" is already used by a profile saved in this workbook: choose another id, or update that profile',
      ],
    ]);
    await expectUnchanged(excel, before);

    const updated = await excel.run((ctx) => saveWorkbookProfile(ctx, renamed, { update: true }));
    expect(updated).toMatchObject({ status: "saved", replaced: true });
    const { profiles } = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(profiles).toEqual([renamed]);
  });

  test("a failed write leaves the workbook as it was and the error reaches the caller", async () => {
    const excel = new FakeExcel();
    excel.failAtSync(2); // 1: the stored parts (none: no second read); 2: the write
    await expect(excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()))).rejects.toThrow(
      /failed as the test asked/,
    );
    await expectUnchanged(excel, []);
  });
});

describe("importing a JSON file", () => {
  test("a valid file is stored", async () => {
    const excel = new FakeExcel();
    const outcome = await excel.run((ctx) => importWorkbookProfile(ctx, JSON.stringify(ourDocument(), null, 2)));
    expect(outcome).toMatchObject({ status: "saved", replaced: false });
    expect((await excel.run((ctx) => listWorkbookProfiles(ctx))).profiles).toEqual([ourDocument()]);
  });

  const bad: [string, string, string][] = [
    ["a syntax error", '{ "id": "east-region",\n  "method" "thresholds" }', "(json)"],
    ["an invalid profile", JSON.stringify({ ...ourDocument(), grades: [] }), "grades"],
    ["a built-in id", JSON.stringify({ ...ourDocument(), id: "wuhan" }), "id"],
  ];
  test.each(bad)(
    "%s is refused naming the problem, and nothing in the workbook changes",
    async (_what, text, field) => {
      const excel = new FakeExcel({ sheets: { Sales: [["Customer"], ["c1"]] } });
      await excel.run((ctx) => saveWorkbookProfile(ctx, { ...ourDocument(), id: "kept" }));
      const store = await storeOf(excel);
      const parts = await fakeXmlParts(excel);
      const before = parts.parts.map((p) => p.xml);
      store.calculations.length = 0;
      parts.changes.length = 0;

      const outcome = await excel.run((ctx) => importWorkbookProfile(ctx, text));
      expect(outcome.status).toBe("refused");
      expect(outcome.status === "refused" && outcome.issues[0].field).toBe(field);
      expect(parts.parts.map((p) => p.xml)).toEqual(before);
      expect(parts.changes).toEqual([]);
      expect(store.calculations).toEqual([]);
      expect(excel.read("Sales")).toEqual([["Customer"], ["c1"]]);
    },
  );

  test("the syntax error message says where, in both languages", async () => {
    const excel = new FakeExcel();
    const outcome = await excel.run((ctx) =>
      importWorkbookProfile(ctx, '{ "id": "east-region",\n  "method" "thresholds" }'),
    );
    expect(outcome.status === "refused" && outcome.issues[0].message).toEqual({
      en: 'The file is not valid JSON: line 2, column 12: expected ":" after the field name',
      zh: '文件不是有效的 JSON：第 2 行第 12 列：字段名后面应为 ":"',
      "zh-TW": '檔案不是有效的 JSON：第 2 行第 12 個字元：欄位名後面應為 ":"',
    });
  });
});

describe("stored profiles that cannot be used are reported, never thrown", () => {
  test("settings of an earlier version: broken text, an invalid document, a value that is not text, a built-in id, a mismatched key", async () => {
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

describe("formulas follow a change: this workbook's RFM formulas, and nothing else, calculate again", () => {
  function workbookWithFormulas(): FakeExcel {
    const excel = new FakeExcel({
      sheets: {
        Sales: [
          ["Customer", "Date", "Count", "Total", "Grade", "Note"],
          ["c1", 45800, 3, 2],
          ["c2", 45810, 5, 4],
          ["c3", 45820, 9, 7],
        ],
        "Q3 sales": [["x"]],
        Plain: [[1, 2]],
      },
    });
    for (const row of [2, 3, 4]) excel.setFormula("Sales", `E${row}`, `=RFM.GRADE(B${row},C${row},D${row},$H$1)`, "B");
    excel.setFormula("Sales", "F2", "=SUM(C2:C4)", 17);
    excel.setFormula("Q3 sales", "C7", '=IFERROR(rfm.score(A1,A2,A3,"wuhan"),"")', 3);
    excel.setFormula("Plain", "C1", "=A1+B1", 3);
    return excel;
  }

  test("saving calculates each range of RFM formulas (any profile, named or not), after the sync that wrote the part", async () => {
    const excel = workbookWithFormulas();
    const revision = workbookProfilesRevision();
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    const store = await storeOf(excel);
    expect(store.calculations.map((c) => [c.type, c.address])).toEqual([
      ["Range", "Sales!E2:E4"],
      ["Range", "'Q3 sales'!C7"],
    ]);
    // Never the whole application (every open workbook), never the other formulas of this one.
    expect(store.calculations.some((c) => c.type === "Full" || c.type === "Recalculate")).toBe(false);
    const written = (await fakeXmlParts(excel)).changes;
    expect(written).toHaveLength(1);
    for (const c of store.calculations) expect(c.sync).toBeGreaterThan(written[0]);
    expect(workbookProfilesRevision()).toBe(revision + 1);
  });

  test("a workbook without RFM formulas calculates nothing", async () => {
    const excel = new FakeExcel({ sheets: { Plain: [[1, 2]] } });
    excel.setFormula("Plain", "C1", "=A1+B1", 3);
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    expect((await storeOf(excel)).calculations).toEqual([]);
  });

  test("deleting removes the part, calculates the RFM formulas, and says whether there was one", async () => {
    const excel = workbookWithFormulas();
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    const store = await storeOf(excel);
    store.calculations.length = 0;
    const revision = workbookProfilesRevision();

    expect(await excel.run((ctx) => deleteWorkbookProfile(ctx, "East-Region"))).toBe(true);
    expect((await fakeXmlParts(excel)).parts).toEqual([]);
    expect(store.calculations.map((c) => c.address)).toEqual(["Sales!E2:E4", "'Q3 sales'!C7"]);
    expect(workbookProfilesRevision()).toBe(revision + 1);

    expect(await excel.run((ctx) => deleteWorkbookProfile(ctx, "east-region"))).toBe(false);
    expect(store.calculations).toHaveLength(2);
  });

  test("thousands of separate formulas are calculated in few syncs, each request well under Excel's limit", async () => {
    const excel = new FakeExcel({ sheets: { Big: [] } });
    // A formula in every other row: 3,000 separate one-cell ranges.
    for (let i = 0; i < 3000; i++) excel.setFormula("Big", `A${2 * i + 1}`, `=RFM.GRADE(B${2 * i + 1},C1,D1,"x")`, "A");
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    const store = await storeOf(excel);
    expect(store.calculations).toHaveLength(3000);
    const syncs = new Set(store.calculations.map((c) => c.sync));
    expect(syncs.size).toBe(1);
    for (const s of excel.stats) expect(s.requestBytes).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("profiles of an earlier version (workbook settings)", () => {
  /** A workbook as an earlier version left it: profiles in the add-in's settings, no parts. */
  async function earlierWorkbook(): Promise<FakeExcel> {
    const excel = new FakeExcel();
    const store = await fakeSettings(excel);
    store.values.set(OUR_KEY, JSON.stringify(ourDocument()));
    store.values.set(`${PROFILE_SETTING_PREFIX}west`, JSON.stringify({ ...ourDocument(), id: "west" }));
    store.values.set(`${PROFILE_SETTING_PREFIX}broken`, '{ "id": "broken", ');
    store.values.set("rfm.pane.language", "zh");
    return excel;
  }

  test("are listed, and so graded by formulas, before anything is copied", async () => {
    const excel = await earlierWorkbook();
    const listed = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(listed.profiles.map((p) => p.id)).toEqual(["east-region", "west"]);
    expect(listed.invalid.map((x) => x.id)).toEqual(["broken"]);
    expect((await fakeXmlParts(excel)).parts).toEqual([]); // listing writes nothing
  });

  test("are copied into custom XML parts once, in one sync, leaving the settings as they were", async () => {
    const excel = await earlierWorkbook();
    const settingsBefore = [...(await storeOf(excel)).values.entries()];
    excel.resetStats();
    expect(await excel.run((ctx) => migrateWorkbookProfiles(ctx))).toBe(2);
    expect(excel.stats).toHaveLength(2); // the read, then the copy (no parts yet: no second read)
    const parts = (await fakeXmlParts(excel)).parts;
    expect(parts.map((p) => readProfilePart(p.xml)).map((c) => ("id" in c ? c.id : "?"))).toEqual([
      "east-region",
      "west",
    ]);
    expect([...(await storeOf(excel)).values.entries()]).toEqual(settingsBefore);
    // A second opening copies nothing.
    expect(await excel.run((ctx) => migrateWorkbookProfiles(ctx))).toBe(0);
    expect((await fakeXmlParts(excel)).parts).toHaveLength(2);
    const listed = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(listed.profiles).toEqual([ourDocument(), { ...ourDocument(), id: "west" }]);
    expect(listed.invalid.map((x) => x.id)).toEqual(["broken"]);
  });

  test("after the copy, the profiles survive a change of the add-in's Id (whose settings start empty)", async () => {
    const excel = await earlierWorkbook();
    await excel.run((ctx) => migrateWorkbookProfiles(ctx));
    (await storeOf(excel)).values.clear(); // the same workbook, seen by an add-in with another Id
    const listed = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(listed.profiles.map((p) => p.id)).toEqual(["east-region", "west"]);
  });

  test("a part wins over the setting of its id; saving again brings the setting up to date for earlier versions", async () => {
    const excel = await earlierWorkbook();
    await excel.run((ctx) => migrateWorkbookProfiles(ctx));
    const renamed = { ...ourDocument(), name: { en: "East (v2)", zh: "华东（第二版）" } };
    expect(await excel.run((ctx) => saveWorkbookProfile(ctx, renamed))).toMatchObject({
      status: "refused",
      reason: "taken",
    });
    expect(await excel.run((ctx) => saveWorkbookProfile(ctx, renamed, { update: true }))).toMatchObject({
      status: "saved",
      replaced: true,
    });
    expect((await excel.run((ctx) => listWorkbookProfiles(ctx))).profiles[0]).toEqual(renamed);
    expect(JSON.parse((await storeOf(excel)).values.get(OUR_KEY) as string)).toEqual(renamed);
    expect((await fakeXmlParts(excel)).parts).toHaveLength(2);
  });

  test("deleting removes the part and the setting, so the profile does not come back at the next opening", async () => {
    const excel = await earlierWorkbook();
    await excel.run((ctx) => migrateWorkbookProfiles(ctx));
    expect(await excel.run((ctx) => deleteWorkbookProfile(ctx, "west"))).toBe(true);
    expect((await storeOf(excel)).values.has(`${PROFILE_SETTING_PREFIX}west`)).toBe(false);
    expect(await excel.run((ctx) => migrateWorkbookProfiles(ctx))).toBe(0);
    expect((await excel.run((ctx) => listWorkbookProfiles(ctx))).profiles.map((p) => p.id)).toEqual(["east-region"]);
  });

  test("a workbook Excel does not let us write keeps them as settings, listed and graded as before", async () => {
    const excel = await earlierWorkbook();
    excel.failAtSync(2); // the copy
    await expect(excel.run((ctx) => migrateWorkbookProfiles(ctx))).rejects.toThrow();
    expect((await fakeXmlParts(excel)).parts).toEqual([]);
    expect((await excel.run((ctx) => listWorkbookProfiles(ctx))).profiles.map((p) => p.id)).toEqual([
      "east-region",
      "west",
    ]);
  });
});

describe("two people saving at the same moment (co-authoring)", () => {
  test("different profiles: both are kept (one part each, so neither save rewrites the other)", async () => {
    const excel = new FakeExcel();
    await Promise.all([
      excel.run((ctx) => saveWorkbookProfile(ctx, { ...ourDocument(), id: "north" })),
      excel.run((ctx) => saveWorkbookProfile(ctx, { ...ourDocument(), id: "south" })),
    ]);
    expect((await excel.run((ctx) => listWorkbookProfiles(ctx))).profiles.map((p) => p.id)).toEqual(["north", "south"]);
  });

  test("the same new id: two parts result; the one saved later is listed, and the next save leaves one", async () => {
    const excel = new FakeExcel();
    const mine = { ...ourDocument(), name: { en: "Mine", zh: "我的" } };
    const theirs = { ...ourDocument(), name: { en: "Theirs", zh: "他们的" } };
    await Promise.all([
      excel.run((ctx) => saveWorkbookProfile(ctx, theirs, { now: () => new Date(Date.UTC(2026, 0, 1, 9, 0, 1)) })),
      excel.run((ctx) => saveWorkbookProfile(ctx, mine, { now: () => new Date(Date.UTC(2026, 0, 1, 9, 0, 0)) })),
    ]);
    expect((await fakeXmlParts(excel)).parts).toHaveLength(2);
    const listed = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(listed.profiles).toEqual([theirs]);
    expect(listed.invalid).toEqual([]);

    const again = { ...ourDocument(), name: { en: "Agreed", zh: "商定" } };
    await excel.run((ctx) => saveWorkbookProfile(ctx, again, { update: true }));
    expect((await fakeXmlParts(excel)).parts).toHaveLength(1);
    expect((await excel.run((ctx) => listWorkbookProfiles(ctx))).profiles).toEqual([again]);
  });
});

describe("a damaged part", () => {
  async function withDamagedPart(xml: string) {
    const excel = new FakeExcel();
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    (await fakeXmlParts(excel)).addRaw(xml, PROFILE_XML_NAMESPACE);
    return excel;
  }

  test.each([
    ["XML that is not ours", `<other xmlns="${PROFILE_XML_NAMESPACE}"/>`, "(xml)"],
    ["cut-off XML", `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="1" id="north">{"id":"north",`, "(xml)"],
    ["a newer format", `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="2" id="north">{}</profile>`, "(xml)"],
    [
      "broken JSON",
      `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="1" id="north">{ "id": "north", </profile>`,
      "(json)",
    ],
    [
      "an id that is not the part's",
      `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="1" id="north">${JSON.stringify({ ...ourDocument(), id: "south" })}</profile>`,
      "id",
    ],
  ])("%s is reported with its problem; the other profiles are listed as before", async (_what, xml, field) => {
    const excel = await withDamagedPart(xml);
    const listed = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(listed.profiles).toEqual([ourDocument()]);
    expect(listed.invalid).toHaveLength(1);
    expect(listed.invalid[0].issues[0].field).toBe(field);
    expect(listed.invalid[0].issues[0].message.zh).not.toBe("");
  });

  test("a newer version's part says so", async () => {
    const excel = await withDamagedPart(`<profile xmlns="${PROFILE_XML_NAMESPACE}" format="2" id="north">{}</profile>`);
    const [damaged] = (await excel.run((ctx) => listWorkbookProfiles(ctx))).invalid;
    expect(damaged.issues[0].message.en).toMatch(/newer version of RFM Grader \(format 2\)/);
  });

  test("it is never overwritten by accident: its id is taken until the user chooses to update, and deleting removes it", async () => {
    const excel = await withDamagedPart(
      `<profile xmlns="${PROFILE_XML_NAMESPACE}" format="1" id="north">{ "id": "north", </profile>`,
    );
    const north = { ...ourDocument(), id: "north" };
    expect(await excel.run((ctx) => saveWorkbookProfile(ctx, north))).toMatchObject({
      status: "refused",
      reason: "taken",
    });
    // Saving another profile leaves the damaged part as it is.
    await excel.run((ctx) => saveWorkbookProfile(ctx, { ...ourDocument(), id: "west" }));
    expect((await fakeXmlParts(excel)).parts.some((p) => p.xml.includes('{ "id": "north", '))).toBe(true);

    expect(await excel.run((ctx) => saveWorkbookProfile(ctx, north, { update: true }))).toMatchObject({
      status: "saved",
      replaced: true,
    });
    const listed = await excel.run((ctx) => listWorkbookProfiles(ctx));
    expect(listed.profiles.map((p) => p.id)).toEqual(["east-region", "north", "west"]);
    expect(listed.invalid).toEqual([]);
    expect(await excel.run((ctx) => deleteWorkbookProfile(ctx, "north"))).toBe(true);
    expect((await excel.run((ctx) => listWorkbookProfiles(ctx))).profiles.map((p) => p.id)).toEqual([
      "east-region",
      "west",
    ]);
  });

  test("parts written by other programs in other namespaces are not ours and are left alone", async () => {
    const excel = new FakeExcel();
    const parts = await fakeXmlParts(excel);
    parts.addRaw('<invoice xmlns="urn:example:erp"><total>5</total></invoice>', "urn:example:erp");
    await excel.run((ctx) => saveWorkbookProfile(ctx, ourDocument()));
    await excel.run((ctx) => deleteWorkbookProfile(ctx, "east-region"));
    expect(parts.parts.map((p) => p.namespaceUri)).toEqual(["urn:example:erp"]);
    expect(await excel.run((ctx) => listWorkbookProfiles(ctx))).toEqual({ profiles: [], invalid: [] });
  });
});

describe("finding the formulas that use a profile", () => {
  test.each([
    ['=RFM.GRADE(B2,C2,D2,"east-region","2025-07-01")', true],
    ['=rfm.scores(B2:B9,C2:C9,D2:D9," East-Region ")', true],
    ['=IFERROR(RFM.GRADE(B2,C2,D2,"east-region"),"")', true],
    ['=RFM.GRADE(B2,C2,D2,"east-region-2")', false],
    ["=RFM.GRADE(B2,C2,D2,$H$1)", false],
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
        Sales: [
          ["Customer", "Date", "Count", "Total", "Grade"],
          ["c1", 45800, 3, 2],
          ["c2", 45810, 5, 4],
          ["c3", 45820, 9, 7],
          ["c4", 45830, 1, 1],
        ],
        "Q3 sales": [["x"]],
        Other: [["nothing here"]],
      },
    });
    for (const row of [2, 3, 4])
      excel.setFormula("Sales", `E${row}`, `=RFM.GRADE(B${row},C${row},D${row},"east-region")`, "B");
    excel.setFormula("Sales", "E5", '=RFM.GRADE(B5,C5,D5,"wuhan")', "D");
    excel.setFormula("Sales", "G1", "=RFM.PROFILES()", "shaoxing");
    excel.setFormula("Q3 sales", "C7", '=RFM.SCORE(A1,A2,A3,"EAST-REGION")', 3);
    excel.setFormula("Q3 sales", "A9", '=RFM.SCORE(A1,A2,A3,"east-region")', 3);

    const uses = await excel.run((ctx) => findFormulasUsingProfile(ctx, "east-region"));
    expect(uses).toEqual({ cells: 5, addresses: ["Sales!E2:E4", "'Q3 sales'!A9", "'Q3 sales'!C7"] });
  });

  test("a tall sheet is read in blocks: few syncs, each well under Excel's limits", async () => {
    const rows = 60_000;
    const cols = 8;
    const excel = new FakeExcel({ sheets: { Big: [] } });
    for (let c = 0; c < cols; c++)
      excel.setColumn(
        "Big",
        c,
        0,
        Array.from({ length: rows }, (_, i) => `r${i}c${c}`),
      );
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
