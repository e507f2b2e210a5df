import { renderToStaticMarkup } from "react-dom/server";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { detectColumns, type Lang } from "../../../src/engine";
import { MappingSection } from "../../../src/taskpane/components/MappingSection";

/** The options each role's dropdown offers, read from the rendered markup. */
function optionsByRole(headers: string[], lang: Lang, defaultOpen = true): Record<string, string[]> {
  const html = renderToStaticMarkup(
    <FluentProvider theme={webLightTheme}>
      <MappingSection
        lang={lang}
        headers={headers}
        firstColumn={0}
        detection={detectColumns(headers)}
        disabled={false}
        onChange={() => undefined}
        onKind={() => undefined}
        defaultOpen={defaultOpen}
      />
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
    // A customer table: date, count and total are required; the customer id is optional.
    const options = optionsByRole(["客户编号", "最近下单时间", "购买次数", "总金额", "订单金额"], "zh");
    for (const role of ["date", "count", "total"]) {
      expect([role, options[role].includes("（不使用）")]).toEqual([role, false]);
    }
    expect(options.id).toContain("（不使用）");
  });

  it("show only the roles the layout needs: no order amount for a customer table, no count or total for sales", () => {
    expect(
      Object.keys(optionsByRole(["客户编号", "最近下单时间", "购买次数", "总金额", "订单金额"], "zh")).sort(),
    ).toEqual(["count", "date", "id", "total"]);
    expect(Object.keys(optionsByRole(["Customer", "Order date", "Amount"], "en")).sort()).toEqual([
      "amount",
      "date",
      "id",
    ]);
  });

  it("stay folded into one line when every column was found, and open by themselves when one is missing", () => {
    const render = (headers: string[]) =>
      renderToStaticMarkup(
        <FluentProvider theme={webLightTheme}>
          <MappingSection
            lang="en"
            headers={headers}
            firstColumn={0}
            detection={detectColumns(headers)}
            disabled={false}
            onChange={() => undefined}
            onKind={() => undefined}
          />
        </FluentProvider>,
      );
    const found = render(["Customer", "Order date", "Amount"]);
    expect(found).toContain("3 of 3 columns found");
    expect(found).toContain(">Change<");
    expect(found).not.toContain("<select");
    const missing = render(["Customer", "Order date", "Region"]);
    expect(missing).toContain("2 of 3 columns found");
    expect(missing).toContain('data-testid="map-amount"');
  });

  it("prompt for a required column that was not found instead of offering to leave it out", () => {
    // Sales records without an amount column: the amount is required and missing.
    const options = optionsByRole(["Customer", "Order date", "Region"], "en");
    expect(options.amount[0]).toBe("Choose a column…");
    expect(options.amount).not.toContain("(not used)");
  });

  it("name both columns when two share the header of a role, in both languages, and open the choices", () => {
    // Sales records with "Amount" in C and F (the engine leaves the role unmapped rather than guess).
    const headers = ["Customer", "Order date", "Amount", "Region", "Note", "Amount"];
    const render = (lang: Lang, firstColumn = 0) =>
      renderToStaticMarkup(
        <FluentProvider theme={webLightTheme}>
          <MappingSection
            lang={lang}
            headers={headers}
            firstColumn={firstColumn}
            detection={detectColumns(headers)}
            disabled={false}
            onChange={() => undefined}
            onKind={() => undefined}
          />
        </FluentProvider>,
      );
    const en = render("en");
    expect(en).toContain("Two columns are headed “Amount” (C and F): choose one.");
    expect(en).toContain('data-testid="map-amount"');
    expect(render("zh")).toContain("有两列的标题都是“Amount”（C 和 F）：请选择其中一列。");
    // Letters are the sheet's: a table starting in column B has them in D and G.
    expect(render("en", 1)).toContain("(D and G)");
    const three = ["客户编号", "下单时间", "金额", "金额", "金额"];
    const html = renderToStaticMarkup(
      <FluentProvider theme={webLightTheme}>
        <MappingSection
          lang="zh"
          headers={three}
          firstColumn={0}
          detection={detectColumns(three)}
          disabled={false}
          onChange={() => undefined}
          onKind={() => undefined}
        />
      </FluentProvider>,
    );
    expect(html).toContain("有3列的标题都是“金额”（C、D 和 E）：请选择其中一列。");
  });
});
