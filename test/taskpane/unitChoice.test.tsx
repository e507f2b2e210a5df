/**
 * The unit the pane reads amounts in: the engine's rule (user's pick, else the money column's header, else the
 * profile), what the pane says next to the field, the warning when the pick disagrees with the header, and what the
 * summary sheet records. Expected grades are worked out by hand from the shaoxing rules (see fixtures.ts).
 */
import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, MessageBar, MessageBarBody, SSRProvider, webLightTheme } from "@fluentui/react-components";
import { builtinProfile, detectColumns, displayDateForm } from "../../src/engine";
import type { Lang, MonetaryUnit, Profile } from "../../src/engine";
import { OptionsSection } from "../../src/taskpane/components/OptionsSection";
import { createGradingFlow } from "../../src/taskpane/gradingFlow";
import { paneUnitChoice, unitConflictText, unitHint, unitSourceFact } from "../../src/taskpane/unitChoice";
import { FakeExcel } from "../excel/fake";
import { SHAOXING_AS_OF } from "./fixtures";

const shaoxing = builtinProfile("shaoxing") as Profile; // bounds in 万元
const wuhan = builtinProfile("wuhan") as Profile;
const YUAN_HEADERS = ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额（元）"];

describe("which unit the pane uses", () => {
  it("takes the unit written in the money column's header over the profile's, and says so in both languages", () => {
    const choice = paneUnitChoice(YUAN_HEADERS, detectColumns(YUAN_HEADERS), shaoxing.monetaryUnit);
    expect(shaoxing.monetaryUnit).toBe("wan");
    expect(choice).toMatchObject({
      unit: "yuan",
      source: "header",
      headerUnit: "yuan",
      conflict: false,
      header: "历史购买总金额（元）",
    });
    expect(unitHint(choice, "wan", "en")).toBe("From the column header “历史购买总金额（元）”.");
    expect(unitHint(choice, "wan", "zh")).toBe("依据列标题“历史购买总金额（元）”。");
    expect(unitConflictText(choice, "en")).toBeNull();
    expect(unitSourceFact(choice)).toEqual({
      source: "header",
      header: "历史购买总金额（元）",
    });
  });

  it("reads 10k / 万元 headers as wan, and the order amount of sales records decides for them", () => {
    const sales = ["Customer", "Order date", "Amount (10k CNY)"];
    expect(paneUnitChoice(sales, detectColumns(sales), "yuan")).toMatchObject({
      unit: "wan",
      source: "header",
    });
    // A unit in another column's header does not count: only the column graded as money.
    const other = ["客户编号", "下单时间（北京时间）", "订单金额", "备注（万元）"];
    expect(paneUnitChoice(other, detectColumns(other), "yuan")).toMatchObject({
      unit: "yuan",
      source: "profile",
    });
  });

  it("falls back to the profile's unit when the header names none, and says that", () => {
    const headers = ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额"];
    const choice = paneUnitChoice(headers, detectColumns(headers), "wan");
    expect(choice).toMatchObject({
      unit: "wan",
      source: "profile",
      conflict: false,
    });
    expect(unitHint(choice, "wan", "en")).toBe("The profile's unit: the column header “历史购买总金额” names no unit.");
    expect(unitHint(choice, "wan", "zh")).toBe("分级方案的金额单位：列标题“历史购买总金额”未注明单位。");
    expect(unitSourceFact(choice)).toEqual({ source: "profile" });
  });

  it("keeps the user's pick, and warns when it disagrees with the header", () => {
    const detection = detectColumns(YUAN_HEADERS);
    const picked = paneUnitChoice(YUAN_HEADERS, detection, "wan", "wan");
    expect(picked).toMatchObject({
      unit: "wan",
      source: "user",
      headerUnit: "yuan",
      conflict: true,
    });
    expect(unitConflictText(picked, "en")).toBe(
      "The column header “历史购买总金额（元）” says yuan (元), but the amounts will be read in 10,000 yuan (万元). Check which is right: the M scores depend on it.",
    );
    expect(unitConflictText(picked, "zh")).toBe(
      "列标题“历史购买总金额（元）”注明的单位是元，但金额将按万元读取。请核对哪一个正确：M 评分取决于金额单位。",
    );
    expect(unitSourceFact(picked)).toEqual({ source: "user" });
    const agreeing = paneUnitChoice(YUAN_HEADERS, detection, "wan", "yuan");
    expect(agreeing.conflict).toBe(false);
    expect(unitHint(agreeing, "wan", "en")).toBe(
      "Chosen by hand; the column header “历史购买总金额（元）” says the same.",
    );
  });
});

describe("the Amounts are in field", () => {
  const render = (lang: Lang, headers: string[], profileUnit: MonetaryUnit, userUnit?: MonetaryUnit) =>
    renderToStaticMarkup(
      <SSRProvider>
        <FluentProvider theme={webLightTheme}>
          <OptionsSection
            lang={lang}
            form={displayDateForm(lang === "zh" ? "zh-CN" : "en-US")}
            builtinProfiles={[shaoxing, wuhan]}
            workbookProfiles={[]}
            kind="customers"
            options={{
              profileId: "shaoxing",
              asOfText: "1/31/2026",
              asOfOrigin: "user",
              windowStartText: "",
              userUnit,
            }}
            unitChoice={paneUnitChoice(headers, detectColumns(headers), profileUnit, userUnit)}
            profileUnit={profileUnit}
            latestDay={undefined}
            asOfInvalid={false}
            windowInvalid={false}
            warning={null}
            disabled={false}
            onProfile={() => undefined}
            onChange={() => undefined}
          />
        </FluentProvider>
      </SSRProvider>,
    );
  const selected = (html: string) =>
    /data-testid="unit"[^>]*>[\s\S]*?<option[^>]*selected=""[^>]*value="(\w+)"|data-testid="unit"[^>]*>[\s\S]*?<option value="(\w+)"[^>]*selected=""/.exec(
      html,
    );

  it("shows the header's unit with the explanation beside it, and no warning", () => {
    const html = render("zh", YUAN_HEADERS, "wan");
    const match = selected(html);
    expect(match?.[1] ?? match?.[2]).toBe("yuan");
    expect(html).toContain("依据列标题“历史购买总金额（元）”。");
    expect(html).not.toContain("unit-warning");
  });

  it("shows a warning (not an error) with a way back when the user's pick disagrees with the header", () => {
    const html = render("en", YUAN_HEADERS, "wan", "wan");
    const match = selected(html);
    expect(match?.[1] ?? match?.[2]).toBe("wan");
    // Styled as Fluent's warning bar, not its error bar.
    const barClass = (markup: string) => /data-testid="unit-warning" class="([^"]*)"/.exec(markup)?.[1];
    const bar = (intent: "warning" | "error") =>
      barClass(
        renderToStaticMarkup(
          <SSRProvider>
            <FluentProvider theme={webLightTheme}>
              <MessageBar intent={intent} layout="multiline" data-testid="unit-warning">
                <MessageBarBody>x</MessageBarBody>
              </MessageBar>
            </FluentProvider>
          </SSRProvider>,
        ),
      );
    expect(bar("warning")).not.toBe(bar("error"));
    expect(barClass(html)).toBe(bar("warning"));
    expect(html).toContain("says yuan (元), but the amounts will be read in 10,000 yuan (万元)");
    expect(html).toContain("Use yuan (元)");
    // Nothing in the field is styled as an error.
    expect(html).not.toContain('aria-invalid="true"');
  });
});

describe("grading with the header's unit", () => {
  // Shaoxing, as-of 2026-01-31; 46047 = 2026-01-25: D = 6 → r 5; S = 16 → f 5.
  // 5,000 yuan = 0.5 万元 ≤ 1 → m 1; X = 1.5 + 2 + 0.6 = 4.1 → B.
  // 90,000 yuan = 9 万元 > 8 → m 5; X = 1.5 + 2 + 3 = 6.5 → A.
  // Read as 万元 by mistake, 5,000 would score m 5 and grade A: the unit changes the result.
  const rows = [
    ["C010", 46047, 16, 5000],
    ["C011", 46047, 16, 90000],
  ];

  it.each(["en", "zh"] as Lang[])(
    "scores 5,000 yuan M 1 under shaoxing and records the unit and its source (%s)",
    async (lang) => {
      const excel = new FakeExcel({
        sheets: { Sales: [YUAN_HEADERS, ...rows] },
        selection: "Sales!A1",
      });
      const flow = createGradingFlow((batch) => excel.run(batch));
      const { source, date1904, detection } = await flow.inspect();
      const choice = paneUnitChoice(source.headers, detection, shaoxing.monetaryUnit);
      const outcome = await flow.grade(
        {
          source,
          date1904,
          detection,
          profile: shaoxing,
          asOf: SHAOXING_AS_OF,
          unit: choice.unit,
          unitSource: unitSourceFact(choice),
          lang,
        },
        { askOverwrite: async () => "cancel" },
      );
      expect(outcome.status).toBe("done");
      expect(excel.read("Sales", "E2:I3").map((r) => [r[2], r[4]])).toEqual([
        [1, "B"],
        [5, "A"],
      ]);
      const sheet = excel.read(lang === "zh" ? "RFM 汇总" : "RFM Summary");
      const unitRow = sheet.find((r) => r[0] === (lang === "zh" ? "金额单位" : "Amount unit"));
      expect(unitRow?.slice(1, 3)).toEqual(
        lang === "zh"
          ? ["元", "依据列标题“历史购买总金额（元）”"]
          : ["yuan", "from the column header “历史购买总金额（元）”"],
      );
    },
  );

  it("records a unit the user picked as theirs", async () => {
    const excel = new FakeExcel({
      sheets: { Sales: [YUAN_HEADERS, ...rows] },
      selection: "Sales!A1",
    });
    const flow = createGradingFlow((batch) => excel.run(batch));
    const { source, date1904, detection } = await flow.inspect();
    const choice = paneUnitChoice(source.headers, detection, shaoxing.monetaryUnit, "wan");
    await flow.grade(
      {
        source,
        date1904,
        detection,
        profile: shaoxing,
        asOf: SHAOXING_AS_OF,
        unit: choice.unit,
        unitSource: unitSourceFact(choice),
        lang: "en",
      },
      { askOverwrite: async () => "cancel" },
    );
    // Read as 万元: 5,000 and 90,000 are both far beyond 8 → m 5, X = 6.5 → A.
    expect(excel.read("Sales", "E2:I3").map((r) => [r[2], r[4]])).toEqual([
      [5, "A"],
      [5, "A"],
    ]);
    expect(
      excel
        .read("RFM Summary")
        .find((r) => r[0] === "Amount unit")
        ?.slice(1, 3),
    ).toEqual(["10k yuan (万元)", "chosen by the user"]);
  });
});
