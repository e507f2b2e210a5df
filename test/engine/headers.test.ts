import { chooseUnit, detectColumns, headerUnit, normaliseHeader } from "../../src/engine";

describe("normaliseHeader: case, surrounding spaces and a trailing unit do not matter (spec §7)", () => {
  it.each([
    ["Amount (CNY)", "amount"],
    ["  AMOUNT  ", "amount"],
    ["Amount(CNY)", "amount"],
    ["订单金额（万元）", "订单金额"],
    ["订单金额(万元)", "订单金额"],
    ["订单金额 （元）", "订单金额"],
    [" 历史购买总金额（万元） ", "历史购买总金额"],
    ["Total Amount (10,000 CNY)", "total amount"],
    ["Customer ID", "customer id"],
  ])("%p reads like %p", (raw, plain) => {
    expect(normaliseHeader(raw)).toBe(normaliseHeader(plain));
  });

  it("different names stay different", () => {
    expect(normaliseHeader("amount")).not.toBe(normaliseHeader("total amount"));
    expect(normaliseHeader("订单金额")).not.toBe(normaliseHeader("历史订单总金额"));
  });

  it("non-text headers do not throw", () => {
    expect(() => normaliseHeader(null)).not.toThrow();
    expect(() => normaliseHeader(42)).not.toThrow();
    expect(() => normaliseHeader(undefined)).not.toThrow();
  });
});

describe("detectColumns recognises every header of spec §7", () => {
  // For each role, a table whose only recognisable header in that role is the one under test.
  const idHeaders = ["客户编号", "客户ID", "客户", "customer", "customer id", "customer_id", "id"];
  const dateHeaders = ["下单时间", "最近下单时间", "订单日期", "消费时间", "日期", "last order date", "order date", "date"];
  const countHeaders = ["历史购买总次数", "购买次数", "消费频次", "frequency", "purchase count", "purchases", "orders", "count"];
  const totalHeaders = ["历史购买总金额", "历史订单总金额", "消费金额", "总金额", "monetary", "total amount"];
  const amountHeaders = ["订单金额", "本次订单金额", "金额", "amount", "order amount"];

  it.each(idHeaders)("customer id: %s", (h) => {
    const d = detectColumns(["x", h, "订单日期", "订单金额"]);
    expect(d.mapping.id).toBe(1);
  });

  it.each(dateHeaders)("order date: %s", (h) => {
    const d = detectColumns(["客户编号", "x", h, "订单金额"]);
    expect(d.mapping.date).toBe(2);
  });

  it.each(countHeaders)("purchase count: %s", (h) => {
    const d = detectColumns(["客户编号", "订单日期", h, "总金额"]);
    expect(d.mapping.count).toBe(2);
    expect(d.kind).toBe("customers");
  });

  it.each(totalHeaders)("total amount: %s", (h) => {
    const d = detectColumns(["客户编号", "订单日期", "购买次数", h]);
    expect(d.mapping.total).toBe(3);
  });

  it.each(amountHeaders)("amount of one order: %s", (h) => {
    const d = detectColumns(["客户编号", "订单日期", h]);
    expect(d.mapping.amount).toBe(2);
    expect(d.kind).toBe("transactions");
  });

  it.each([
    ["upper case", "CUSTOMER ID"],
    ["mixed case", "Last Order Date"],
    ["surrounding spaces", "  order date  "],
    ["full-width unit", "订单金额（万元）"],
    ["half-width unit", "Amount (CNY)"],
  ])("%s: %s is recognised", (_what, h) => {
    const d = detectColumns([h]);
    expect(Object.values(d.mapping)).toContain(0);
  });
});

describe("detectColumns: customer-level vs transaction-level", () => {
  it("the Shaoxing table (Chinese headers with a unit) is customer-level; its order amount is only shown", () => {
    const d = detectColumns(["客户编号", "最近下单时间", "本次订单金额", "历史购买总次数", "历史购买总金额（万元）"]);
    expect(d.kind).toBe("customers");
    expect(d.mapping).toEqual({ id: 0, date: 1, amount: 2, count: 3, total: 4 });
    expect(d.missing).toEqual([]);
  });

  it("an English customer table", () => {
    const d = detectColumns(["Customer ID", "Last Order Date", "Purchase Count", "Total Amount (CNY)", "Region"]);
    expect(d.kind).toBe("customers");
    expect(d.mapping).toMatchObject({ id: 0, date: 1, count: 2, total: 3 });
    expect(d.missing).toEqual([]);
  });

  it("Wuhan-style sales records (no count column) are transaction-level", () => {
    const d = detectColumns(["订单号", "客户ID", "订单日期", "订单金额（元）", "产品"]);
    expect(d.kind).toBe("transactions");
    expect(d.mapping).toMatchObject({ id: 1, date: 2, amount: 3 });
    expect(d.mapping.count).toBeUndefined();
    expect(d.missing).toEqual([]);
  });

  it("English sales records", () => {
    const d = detectColumns(["customer_id", "date", "amount"]);
    expect(d.kind).toBe("transactions");
    expect(d.mapping).toEqual({ id: 0, date: 1, amount: 2 });
    expect(d.missing).toEqual([]);
  });

  it("a customer table without a total names total as missing", () => {
    const d = detectColumns(["客户编号", "最近下单时间", "历史购买总次数"]);
    expect(d.kind).toBe("customers");
    expect(d.missing).toEqual(["total"]);
  });

  it("a customer table without a date names date as missing", () => {
    const d = detectColumns(["客户编号", "购买次数", "总金额"]);
    expect(d.kind).toBe("customers");
    expect(d.missing).toEqual(["date"]);
  });

  it("sales records without an amount name amount as missing", () => {
    const d = detectColumns(["客户", "日期"]);
    expect(d.kind).toBe("transactions");
    expect(d.missing).toContain("amount");
    expect(d.missing).not.toContain("date");
  });

  it("sales records without a customer name id as missing (a customer must be known to aggregate)", () => {
    const d = detectColumns(["日期", "金额"]);
    expect(d.kind).toBe("transactions");
    expect(d.missing).toContain("id");
  });

  it("a table with nothing recognisable misses the required roles", () => {
    const d = detectColumns(["a", "b", "c"]);
    expect(d.mapping).toEqual({});
    expect(d.missing.length).toBeGreaterThan(0);
  });

  it("blank and non-text headers are skipped", () => {
    const d = detectColumns([null, "", 17, "customer", "date", "amount"]);
    expect(d.mapping).toEqual({ id: 3, date: 4, amount: 5 });
  });
});

describe("detectColumns: manual mapping wins", () => {
  it("maps unknown headers by name and by 0-based index", () => {
    const d = detectColumns(["Kunde", "Zuletzt", "Anzahl", "Umsatz"], { id: "Kunde", date: 1, count: "Anzahl", total: 3 });
    expect(d.kind).toBe("customers");
    expect(d.mapping).toMatchObject({ id: 0, date: 1, count: 2, total: 3 });
    expect(d.missing).toEqual([]);
  });

  it("overrides a recognised header", () => {
    const d = detectColumns(["customer", "date", "order date", "amount"], { date: "order date" });
    expect(d.mapping.date).toBe(2);
    expect(d.mapping.id).toBe(0);
    expect(d.mapping.amount).toBe(3);
  });

  it("mapping a count column by hand makes the table customer-level", () => {
    const d = detectColumns(["customer", "date", "n", "total amount"], { count: "n" });
    expect(d.kind).toBe("customers");
    expect(d.mapping.count).toBe(2);
  });
});

describe("a header named 'total' is the total amount (the --map role has that name)", () => {
  it("customer table", () => {
    const d = detectColumns(["id", "date", "count", "total"]);
    expect(d.mapping.total).toBe(3);
    expect(d.missing).toEqual([]);
  });
  it("sales records: 'total' of one sale is its amount when there is no amount column", () => {
    const d = detectColumns(["customer", "order date", "Total"]);
    expect(d.kind).toBe("transactions");
    expect(d.mapping.amount).toBe(2);
  });
});

describe("two columns with the same header leave their role unmapped and name both columns", () => {
  it("two 金额 columns in sales records: the amount is ambiguous, never the first by chance", () => {
    const d = detectColumns(["客户编号", "订单日期", "金额", "备注", "金额（万元）"]);
    expect(d.mapping.amount).toBeUndefined();
    expect(d.ambiguous).toEqual([{ role: "amount", columns: [2, 4] }]);
    expect(d.missing).toEqual(["amount"]);
  });
  it("an ambiguous order amount does not fall back to a total column", () => {
    const d = detectColumns(["客户编号", "订单日期", "金额", "金额", "消费金额"]);
    expect(d.mapping.amount).toBeUndefined();
    expect(d.ambiguous).toEqual([{ role: "amount", columns: [2, 3] }]);
  });
  it("a hand-made mapping to a header that two columns carry is ambiguous too", () => {
    const d = detectColumns(["id", "date", "Revenue", "Revenue"], { amount: "revenue" });
    expect(d.ambiguous).toEqual([{ role: "amount", columns: [2, 3] }]);
    expect(d.mapping.amount).toBeUndefined();
  });
  it("different recognised names for one role are not ambiguous: the leftmost is taken", () => {
    const d = detectColumns(["customer", "customer id", "date", "amount"]);
    expect(d.mapping.id).toBe(0);
    expect(d.ambiguous).toEqual([]);
  });
  it("duplicate headers of columns that play no role are no problem", () => {
    const d = detectColumns(["客户编号", "备注", "订单日期", "备注", "订单金额"]);
    expect(d.ambiguous).toEqual([]);
    expect(d.missing).toEqual([]);
  });
});

describe("a unit written in the header (spec §7)", () => {
  it.each([
    ["历史购买总金额（元）", "yuan"],
    ["历史购买总金额(元)", "yuan"],
    ["Amount (CNY)", "yuan"],
    ["amount (RMB)", "yuan"],
    ["Total (yuan)", "yuan"],
    ["订单金额（人民币）", "yuan"],
    ["订单金额（¥）", "yuan"],
    ["历史购买总金额（万元）", "wan"],
    ["total (wan)", "wan"],
    ["Total amount (10k)", "wan"],
    ["Total Amount (10,000 CNY)", "wan"],
    ["Total amount (10k CNY)", "wan"],
  ])("%p is in %p", (header, unit) => {
    expect(headerUnit(header)).toBe(unit);
  });
  it.each(["历史购买总金额", "Amount", "Amount (USD)", "金额（含税）", "(元) 金额", null, 7])("%p names no unit", (header) => {
    expect(headerUnit(header)).toBeUndefined();
  });

  const customers = ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额（元）"];
  it("no --unit: the money column's header decides (yuan under a wan profile)", () => {
    expect(chooseUnit(customers, detectColumns(customers), "wan")).toEqual({ unit: "yuan", source: "header", headerUnit: "yuan", conflict: false });
  });
  it("the user's unit wins, and a header that disagrees is reported", () => {
    expect(chooseUnit(customers, detectColumns(customers), "wan", "wan")).toEqual({ unit: "wan", source: "user", headerUnit: "yuan", conflict: true });
    expect(chooseUnit(customers, detectColumns(customers), "wan", "yuan")).toEqual({ unit: "yuan", source: "user", headerUnit: "yuan", conflict: false });
  });
  it("no unit anywhere: the profile's", () => {
    const plain = ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额"];
    expect(chooseUnit(plain, detectColumns(plain), "wan")).toEqual({ unit: "wan", source: "profile", conflict: false });
  });
  it("sales records: the order amount's header counts, not another column's", () => {
    const sales = ["客户编号", "订单日期", "订单金额（万元）", "运费（元）"];
    expect(chooseUnit(sales, detectColumns(sales), "yuan").unit).toBe("wan");
  });
});
