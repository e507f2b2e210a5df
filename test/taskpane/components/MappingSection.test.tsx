import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { detectColumns, type Lang } from "../../../src/engine";
import { MappingSection } from "../../../src/taskpane/components/MappingSection";

/** The options each role's dropdown offers, read from the rendered markup. */
function optionsByRole(headers: string[], lang: Lang): Record<string, string[]> {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <MappingSection lang={lang} headers={headers} firstColumn={0} detection={detectColumns(headers)} disabled={false} onChange={() => undefined} />
    </FluentProvider>,
  );
  const result: Record<string, string[]> = {};
  for (const m of html.matchAll(/data-testid="map-(\w+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    result[m[1]] = [...m[2].matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((o) => o[1]);
  }
  return result;
}

describe("the column choices", () => {
  it("offer (not used) only on the columns the data can do without", () => {
    // A customer table: date, count and total are required; id and the last order's amount are optional.
    const options = optionsByRole(["客户编号", "最近下单时间", "购买次数", "总金额", "订单金额"], "zh");
    expect(Object.keys(options).sort()).toEqual(["amount", "count", "date", "id", "total"]);
    for (const role of ["date", "count", "total"]) {
      expect([role, options[role].includes("（不使用）")]).toEqual([role, false]);
    }
    expect(options.amount).toContain("（不使用）");
  });

  it("prompt for a required column that was not found instead of offering to leave it out", () => {
    // Sales records without an amount column: the amount is required and missing.
    const options = optionsByRole(["Customer", "Order date", "Region"], "en");
    expect(options.amount[0]).toBe("Choose a column…");
    expect(options.amount).not.toContain("(not used)");
  });
});
