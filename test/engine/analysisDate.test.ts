import { analysisDateWarning, builtinProfile, proposedAnalysisDate } from "../../src/engine";
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
