/**
 * A profile written in the add-in travels to the command line: saved in a workbook (the Excel double), exported as
 * JSON from there, handed to the real `rfm grade --profile FILE.json`; the CLI's grades equal those the task pane
 * writes into the workbook with the same profile, and both equal the grades worked by hand below.
 */
import { profileToJson } from "../../src/engine";
import { listWorkbookProfiles, saveWorkbookProfile } from "../../src/excel/workbookProfiles";
import { createGradingFlow } from "../../src/taskpane/gradingFlow";
import { FakeExcel } from "../excel/fake";
import { eastRegionDocument } from "../fixtures/eastRegionProfile";
import { buildCli, csvFile, records, rfm, tempDir, write } from "./helpers";

// The rules are in test/fixtures/eastRegionProfile.ts.
const EAST_REGION = eastRegionDocument();

const HEADERS = ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额"];
// As-of 2025-07-01. [id, date, Excel serial of the date, S, Z, expected grade (worked by hand)]
const CUSTOMERS: [string, string, number, number | string, number, string][] = [
  ["K1", "2025-06-26", 45834, 8, 30000, "B"], // D 5 r5, f4, m4: 1.25 + 1 + 2 = 4.25
  ["K2", "2025-06-21", 45829, 13, 60000, "A"], // D 10 r4, f5, m5: 1 + 1.25 + 2.5 = 4.75
  ["K3", "2025-05-17", 45794, 2, 1000, "D"], // D 45 r2, f2, m1: 0.5 + 0.5 + 0.5 = 1.5
  ["K4", "2025-05-17", 45794, 2, 3000, "C"], // D 45 r2, f2, m2: 0.5 + 0.5 + 1 = 2 (at least 2)
  ["K5", "2025-06-24", 45832, 7, 20000, "B"], // D 7 r5, f4, m3: 1.25 + 1 + 1.5 = 3.75
  ["K6", "2025-04-01", 45748, 1, 500, "D"], // D 91 r1, f1, m1: 0.25 + 0.25 + 0.5 = 1
  ["K7", "2025-06-30", 45838, "2.5", 9000, ""], // S not whole: not graded
];

const AS_OF = "2025-07-01";

beforeAll(() => buildCli());

test("export from the workbook, grade with the CLI: the same grades as the task pane writes, and as worked by hand", async () => {
  // 1. The add-in side: the profile saved in a workbook, read back, exported as the editor's export does.
  const excel = new FakeExcel({
    sheets: { Customers: [HEADERS, ...CUSTOMERS.map(([id, , serial, s, z]) => [id, serial, s, z])] },
    selection: "Customers!A1",
  });
  const saved = await excel.run((ctx) => saveWorkbookProfile(ctx, EAST_REGION));
  expect(saved.status).toBe("saved");
  const { profiles } = await excel.run((ctx) => listWorkbookProfiles(ctx));
  const exported = profileToJson(profiles[0]);

  // 2. The task pane grades the sheet with the stored profile.
  const flow = createGradingFlow((batch) => excel.run(batch));
  const inspection = await flow.inspect();
  const outcome = await flow.grade(
    { ...inspection, profile: profiles[0], asOf: AS_OF, unit: "yuan", lang: "en" },
    { askOverwrite: async () => "cancel" },
  );
  expect(outcome.status).toBe("done");
  const sheet = excel.read("Customers");
  const gradeColumn = sheet[0].indexOf("Grade");
  expect(gradeColumn).toBeGreaterThan(3);
  const paneGrades = sheet.slice(1).map((row) => String(row[gradeColumn] ?? ""));

  // 3. The command line grades a CSV of the same customers with the exported file.
  const dir = tempDir();
  const profileFile = write(dir, "east-region.json", exported);
  const csv = write(
    dir,
    "customers.csv",
    csvFile([HEADERS.join(","), ...CUSTOMERS.map(([id, date, , s, z]) => `${id},${date},${s},${z}`)]),
  );
  const run = rfm(["grade", csv, "--profile", profileFile, "--as-of", AS_OF], dir);
  expect(run.status).toBe(0);
  // The CLI's summary names the profile it read from the file.
  expect(run.stderr).toContain("Profile: East region (east-region)");
  const cliGrades = records(run.stdout).map((r) => r.Grade ?? "");

  const byHand = CUSTOMERS.map((c) => c[5]);
  expect(paneGrades).toEqual(byHand);
  expect(cliGrades).toEqual(byHand);
});
