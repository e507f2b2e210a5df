/**
 * Grade history from sales records, and the next-grade order, in the pane as shipped (headless Chromium, the browser
 * Excel double), at Office's 320 px. The grades and amounts are worked out by hand from the rules
 * (RULES.md §3, §12, §13) under Shaoxing (X = 0.3r + 0.4f + 0.6m; A: X > 6, B: X > 3). Screenshots:
 * test-artifacts/pane-320-zh-history.png and pane-320-en-result-next-grade.png.
 */
import type { Page } from "playwright-core";
import type { E2eSetup } from "./e2e/browserExcel";
import { usePaneSession } from "./e2e/harness";
import type { PageWatch } from "./e2e/harness";
import {
  axeViolations,
  clippedInside,
  expectCleanPage,
  horizontalOverflow,
  read,
  sheetNames,
  shoot,
  waitForAddress,
} from "./e2e/paneChecks";

jest.setTimeout(180_000);

const session = usePaneSession();

function open(setup: E2eSetup): Promise<{ page: Page; watch: PageWatch }> {
  return session.open(setup, { width: 320, height: 720 });
}

async function enabled(page: Page, testId: string): Promise<void> {
  await page.waitForFunction(
    (id) => (document.querySelector(`[data-testid=${id}]`) as HTMLButtonElement | null)?.disabled === false,
    testId,
  );
}

// Excel serials: 2025-01-01 is 45658.
const JAN = (d: number) => 45657 + d;
const FEB = (d: number) => 45688 + d;
const MAR = (d: number) => 45716 + d;

describe("Grade history from sales records, in Chinese", () => {
  // C1: 2 万元 on 5 Jan, 7 on 20 Mar. 31 Jan: D 26 (r 3), S 1 (f 1), Z 2 (m 2): 0.9 + 0.4 + 1.2 = 2.5, C. 28 Feb: D 54
  //     (r 1): 1.9, C. 31 Mar: D 11 (r 4), S 2, Z 9 (m 5): 1.2 + 0.4 + 3 = 4.6, B.
  // C3: 16 sales of 1 万元, 15–30 Jan: S 16 (f 5), Z 16 (m 5). 31 Jan: D 1 (r 5): 6.5, A. 28 Feb: D 29 (r 3): 5.9, B.
  //     31 Mar: D 60 (r 1): 5.3, B.
  // C2: 3 on 10 Feb, a refund of −4 on 15 Mar. 31 Jan: no sale, no grade. 28 Feb: D 18 (r 4), Z 3 (m 2): 2.8, C.
  //     31 Mar: Z −1, not graded under fixed thresholds: no grade.
  const SALES = [
    ["C1", JAN(5), 2],
    ...Array.from({ length: 16 }, (_, k) => ["C3", JAN(15 + k), 1]),
    ["C2", FEB(10), 3],
    ["C2", MAR(15), -4],
    ["C1", MAR(20), 7],
  ];

  it("writes the history, the grade changes and the chart to new sheets, nothing clipped at 320 px", async () => {
    const { page, watch } = await open({
      workbook: { sheets: { 销售: [["客户编号", "下单时间", "订单金额（万元）"], ...SALES] }, selection: "销售!A2" },
      displayLanguage: "zh-CN",
    });
    await waitForAddress(page, /A1:C21$/);
    await page.getByTestId("profile").selectOption("shaoxing");
    await page.getByTestId("history").waitFor();
    // The months proposed: the twelve up to the analysis date's (the data's latest, 2025-03-20).
    await expect(page.getByTestId("history-to").inputValue()).resolves.toBe("2025-03");
    await expect(page.getByTestId("history-from").inputValue()).resolves.toBe("2024-04");
    // The months are named as on the sheets.
    await expect(page.getByTestId("history-to").locator("option:checked").innerText()).resolves.toBe("2025年3月");
    await page.getByTestId("history-from").selectOption("2025-01");
    await expect(page.getByTestId("history-periods").innerText()).resolves.toBe("共 3 个期末，最后一个为 2025/3/31");
    // A to month before the from month holds no period end: said under the fields, and the button waits.
    await page.getByTestId("history-to").selectOption("2024-12");
    await page.getByTestId("history-invalid").waitFor();
    await expect(page.getByTestId("history-run").isDisabled()).resolves.toBe(true);
    await page.getByTestId("history-to").selectOption("2025-03");
    await enabled(page, "history-run");
    await page.getByTestId("history-run").click();
    await page
      .getByTestId("notice")
      .getByText("已生成 3 位客户在 3 个期末的等级历史：工作表“等级历史”“等级变化”和“等级历史汇总”。")
      .waitFor();

    await expect(sheetNames(page)).resolves.toEqual(["销售", "等级历史", "等级变化", "等级历史汇总"]);
    await expect(read(page, "等级历史", "A1:D4")).resolves.toEqual([
      ["客户编号", "2025年1月", "2025年2月", "2025年3月"],
      ["C1", "C", "C", "B"],
      ["C3", "A", "B", "B"],
      ["C2", "", "C", ""],
    ]);
    const moves = await read(page, "等级变化", "A2:F7");
    expect(moves.map((r) => [r[0], r[1], r[2], r[3], r[5]])).toEqual([
      ["2025年1月", "2025年2月", "A", "B", 1],
      ["2025年1月", "2025年2月", "C", "C", 1],
      ["2025年1月", "2025年2月", "无等级", "C", 1],
      ["2025年2月", "2025年3月", "B", "B", 1],
      ["2025年2月", "2025年3月", "C", "B", 1],
      ["2025年2月", "2025年3月", "C", "无等级", 1],
    ]);
    // Nothing of the source was touched.
    await expect(read(page, "销售", "A1:C2")).resolves.toEqual([
      ["客户编号", "下单时间", "订单金额（万元）"],
      ["C1", JAN(5), 2],
    ]);

    await page.getByTestId("history").scrollIntoViewIfNeeded();
    await expect(clippedInside(page, "[data-testid=history]")).resolves.toEqual([]);
    await expect(horizontalOverflow(page)).resolves.toEqual([]);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot(page, "pane-320-zh-history");
    expectCleanPage(watch);
  });

  it("is not offered for a customer table (one row per customer has no sales to replay)", async () => {
    const { page, watch } = await open({
      workbook: {
        sheets: {
          客户: [
            ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额（万元）"],
            ["C1", MAR(20), 2, 9],
          ],
        },
        selection: "客户!A2",
      },
      displayLanguage: "zh-CN",
    });
    await waitForAddress(page, /A1:D2$/);
    await page.getByTestId("profile").waitFor();
    await expect(page.getByTestId("history").count()).resolves.toBe(0);
    expectCleanPage(watch);
  });
});

describe("the next-grade order in the results, in English", () => {
  // Analysis date: the data's latest, 2026-03-15 (serial 46096). Shaoxing in yuan (from the header); with the order
  // D = 0 (r 5, 1.5 points):
  //   A1: D 0, S 16, Z 90,000 (5, 5, 5): A, top grade: empty.
  //   B1: D 15 (r 4), S 12 (f 4), Z 60,000 (m 4): 5.2, B. S 13 is f 4: 1.5 + 1.6 + 0.6m > 6 needs m 5, Z > 80,000:
  //       20,000.01.
  //   B2: D 5, S 9 (f 3), Z 60,000: 5.1, B. S 10 is still f 3: 1.5 + 1.2 + 3 = 5.7 at best: not reachable.
  //   B3: D 5, S 20, Z exactly 80,000 (m 4: a bound belongs to the lower bin): 5.9, B. One cent: 0.01.
  //   C1: D 30 (r 3), S 1, Z 5,000 (m 1): 1.9, C. S 2 is f 1: 1.5 + 0.4 + 0.6m > 3 needs m 2, Z > 10,000: 5,000.01.
  const AS_OF = 46096;
  const CUSTOMERS = [
    ["A1", AS_OF, 16, 90000],
    ["B1", AS_OF - 15, 12, 60000],
    ["B2", AS_OF - 5, 9, 60000],
    ["B3", AS_OF - 5, 20, 80000],
    ["C1", AS_OF - 30, 1, 5000],
  ];

  it("writes the smallest order per customer, 'not reachable with one order' in words, and shows the card whole", async () => {
    const { page, watch } = await open({
      workbook: {
        sheets: {
          Customers: [["Customer id", "Last order date", "Purchase count", "Total amount (yuan)"], ...CUSTOMERS],
        },
        selection: "Customers!A2",
      },
      displayLanguage: "en-US",
    });
    await waitForAddress(page, /A1:D6$/);
    await page.getByTestId("profile").selectOption("shaoxing");
    await enabled(page, "grade");
    await page.getByTestId("grade").click();
    await page.getByTestId("result").waitFor();

    const written = await read(page, "Customers", "E1:Z6");
    const header = written[0];
    const column = header.indexOf("Next grade with one order of");
    expect(column).toBe(header.filter((h) => h !== "").length - 1); // the last result column
    expect(written.slice(1).map((r) => [r[header.indexOf("Grade")], r[column]])).toEqual([
      ["A", ""],
      ["B", 20000.01],
      ["B", "not reachable with one order"],
      ["B", 0.01],
      ["C", 5000.01],
    ]);

    // The card sums it up: 20,000.01 + 0.01 + 5,000.01 = 25,000.03 yuan for B1, B3 and C1; B2 cannot.
    await expect(page.getByTestId("next-grade").innerText()).resolves.toBe(
      "One order each would lift 3 of the 4 customers below grade A, 25,000.03 yuan in all. 1 cannot move up with one order. " +
        "Each customer's amount is in the column “Next grade with one order of”.",
    );
    await expect(clippedInside(page, "[data-testid=result]")).resolves.toEqual([]);
    await expect(horizontalOverflow(page)).resolves.toEqual([]);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await shoot(page, "pane-320-en-result-next-grade");
    expectCleanPage(watch);
  });
});
