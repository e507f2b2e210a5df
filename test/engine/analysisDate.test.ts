import {
  analysisDateWarning,
  builtinProfile,
  dataPastAnalysisDate,
  gradeCustomers,
  gradeSales,
  proposedAnalysisDate,
} from "../../src/engine";
import { dayOf } from "./helpers";

describe("proposedAnalysisDate", () => {
  const shaoxing = builtinProfile("shaoxing")!;
  const wuhan = builtinProfile("wuhan")!;

  it("takes the profile's own date when it has one (Wuhan: 2025-07-01), whatever the data", () => {
    expect(proposedAnalysisDate(wuhan, dayOf("2026-01-30"))).toEqual({ day: dayOf("2025-07-01"), source: "profile" });
  });

  it("otherwise takes the latest date in the data (Shaoxing has none of its own), never today", () => {
    expect(proposedAnalysisDate(shaoxing, dayOf("2026-01-30"))).toEqual({ day: dayOf("2026-01-30"), source: "data" });
  });

  it("proposes nothing when neither is known", () => {
    expect(proposedAnalysisDate(shaoxing, null)).toEqual({ day: null, source: "none" });
  });
});

describe("analysisDateWarning", () => {
  const latest = dayOf("2026-01-30");

  it("is quiet from the latest date up to 31 days after it", () => {
    expect(analysisDateWarning(latest, latest)).toBeNull();
    expect(analysisDateWarning(dayOf("2026-03-02"), latest)).toBeNull(); // 31 days after
  });

  it("warns when the date is more than 31 days after the data (the issue's 2026-11-29 against data ending 2026-01-30)", () => {
    expect(analysisDateWarning(dayOf("2026-03-03"), latest)).toEqual({ kind: "farAfterData", days: 32 });
    expect(analysisDateWarning(dayOf("2026-11-29"), latest)).toEqual({ kind: "farAfterData", days: 303 });
  });

  it("warns when the date is before the latest date in the data", () => {
    expect(analysisDateWarning(dayOf("2026-01-29"), latest)).toEqual({ kind: "beforeData", days: 1 });
  });

  it("has nothing to say without dates in the data", () => {
    expect(analysisDateWarning(dayOf("2026-11-29"), null)).toBeNull();
  });
});

describe("dataPastAnalysisDate: the data runs past the analysis date (RULES.md §9)", () => {
  const wuhan = builtinProfile("wuhan")!;

  it("a customer table of 2026 under wuhan's fixed 2025-07-01: the rows after it are not graded, and the latest date is offered", () => {
    const res = gradeCustomers(
      {
        lastDates: ["2026-01-10", "2026-02-01", "2025-06-01", "", "x"],
        counts: [3, 5, 1, null, 2],
        totals: [100, 200, 300, null, 9],
      },
      wuhan,
    );
    expect(dataPastAnalysisDate(res, "profile")).toEqual({
      chosenBy: "profile",
      asOf: "2025-07-01",
      latest: "2026-02-01",
      days: 215,
      suggestedAsOf: "2026-02-01",
      // Four rows read (the blank one is skipped); two of them are dated after 2025-07-01.
      rowsNotGraded: 2,
      rows: 4,
    });
  });

  it("sales records: the sales after it, the customers who have some, and those left with none inside the window", () => {
    const res = gradeSales(
      {
        ids: ["A", "A", "B", "C", "C", "D"],
        dates: ["2025-06-01", "2026-01-05", "2026-02-01", "2024-01-01", "2025-12-31", "2020-01-01"],
        amounts: [10, 20, 30, 40, 50, 60],
      },
      wuhan,
    );
    expect(dataPastAnalysisDate(res, "profile")).toEqual({
      chosenBy: "profile",
      asOf: "2025-07-01",
      latest: "2026-02-01",
      days: 215,
      suggestedAsOf: "2026-02-01",
      // A, B and C have sales after 2025-07-01; B has none inside the window and is not graded. D's sale is before
      // the window: not a matter of the analysis date.
      salesLeftOut: 3,
      sales: 6,
      customersWithLaterSales: 3,
      customersNotGraded: 1,
    });
  });

  it("the user's own date is reported as such", () => {
    const res = gradeSales({ ids: ["A", "A"], dates: ["2025-06-01", "2025-08-01"], amounts: [1, 2] }, wuhan, {
      asOf: "2025-07-15",
    });
    expect(dataPastAnalysisDate(res, "user")).toMatchObject({
      chosenBy: "user",
      asOf: "2025-07-15",
      latest: "2025-08-01",
      days: 17,
      salesLeftOut: 1,
    });
  });

  it("data up to the analysis date, or no date at all: nothing to say", () => {
    const upTo = gradeSales({ ids: ["A"], dates: ["2025-07-01"], amounts: [1] }, wuhan);
    expect(dataPastAnalysisDate(upTo, "profile")).toBeNull();
    const none = gradeSales({ ids: ["A"], dates: ["x"], amounts: [1] }, wuhan);
    expect(dataPastAnalysisDate(none, "profile")).toBeNull();
  });
});
