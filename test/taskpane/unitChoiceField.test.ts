/**
 * Units as finance sheets write them: inside the header before other words (历史购买总金额（元）含税), and units this
 * add-in cannot read (千元). The rule is the engine's; the pane says what it used and warns where it could not read.
 */
import { builtinProfile, detectColumns } from "../../src/engine";
import type { Profile } from "../../src/engine";
import { paneUnitChoice, unitConflictText, unitHint } from "../../src/taskpane/unitChoice";

const shaoxing = builtinProfile("shaoxing") as Profile; // bounds in 万元

function choiceFor(moneyHeader: string) {
  const headers = ["客户编号", "客户名称", "最近下单时间", "历史购买总次数", moneyHeader];
  const detection = detectColumns(headers);
  expect(detection.missing).toEqual([]);
  return paneUnitChoice(headers, detection, shaoxing.monetaryUnit);
}

describe("a unit anywhere in the money column's header", () => {
  it("reads 元 in 历史购买总金额（元）含税, not the profile's 万元, and says where it came from", () => {
    const choice = choiceFor("历史购买总金额（元）含税");
    expect(choice).toMatchObject({ unit: "yuan", source: "header" });
    expect(unitHint(choice, "wan", "zh")).toBe("依据列标题“历史购买总金额（元）含税”。");
    expect(unitConflictText(choice, "zh")).toBeNull();
  });

  it("warns when the header names a unit the add-in cannot read, and says which one is used instead", () => {
    const choice = choiceFor("历史购买总金额（千元）");
    expect(choice.unit).toBe("wan");
    expect(unitConflictText(choice, "zh")).toBe(
      "列标题“历史购买总金额（千元）”注明的单位（千元）本加载项无法识别：金额将按万元读取。请核对：M 评分取决于金额单位。",
    );
    expect(unitConflictText(choice, "en")).toBe(
      "The column header “历史购买总金额（千元）” names a unit this add-in cannot read (千元): the amounts will be read in 10,000 yuan (万元). Check it: the M scores depend on it.",
    );
  });
});
