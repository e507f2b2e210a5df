import {
  builtinProfile,
  chooseUnit,
  detectColumns,
  gradeCustomers,
  headerUnit,
  headerUnitInfo,
  nameColumn,
  normaliseHeader,
  notATable,
} from "../../src/engine";

describe("normaliseHeader: case, surrounding spaces and a trailing unit do not matter (RULES.md §10)", () => {
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

describe("detectColumns recognises every header of RULES.md §10", () => {
  // For each role, a table whose only recognisable header in that role is the one under test.
  const idHeaders = ["客户编号", "客户ID", "客户", "customer", "customer id", "customer_id", "id"];
  const dateHeaders = [
    "下单时间",
    "最近下单时间",
    "订单日期",
    "消费时间",
    "日期",
    "last order date",
    "order date",
    "date",
  ];
  const countHeaders = [
    "历史购买总次数",
    "购买次数",
    "消费频次",
    "frequency",
    "purchase count",
    "purchases",
    "orders",
    "count",
  ];
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
    const d = detectColumns(["Kunde", "Zuletzt", "Anzahl", "Umsatz"], {
      id: "Kunde",
      date: 1,
      count: "Anzahl",
      total: 3,
    });
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

describe("a unit written in the header (RULES.md §10)", () => {
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
  it.each(["历史购买总金额", "Amount", "Amount (USD)", "金额（含税）", "(元) 金额", "金额（千元）", null, 7])(
    "%p names no unit",
    (header) => {
      expect(headerUnit(header)).toBeUndefined();
    },
  );

  const customers = ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额（元）"];
  it("no --unit: the money column's header decides (yuan under a wan profile)", () => {
    expect(chooseUnit(customers, detectColumns(customers), "wan")).toEqual({
      unit: "yuan",
      source: "header",
      headerUnit: "yuan",
      conflict: false,
    });
  });
  it("the user's unit wins, and a header that disagrees is reported", () => {
    expect(chooseUnit(customers, detectColumns(customers), "wan", "wan")).toEqual({
      unit: "wan",
      source: "user",
      headerUnit: "yuan",
      conflict: true,
    });
    expect(chooseUnit(customers, detectColumns(customers), "wan", "yuan")).toEqual({
      unit: "yuan",
      source: "user",
      headerUnit: "yuan",
      conflict: false,
    });
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

describe("a unit anywhere in the header: the first bracketed unit counts (RULES.md §10)", () => {
  it.each([
    ["历史购买总金额（元）含税", "yuan", "历史购买总金额"],
    ["Amount (CNY) incl. VAT", "yuan", "amount"],
    ["金额(万元)/含税", "wan", "金额"],
    ["订单金额【万元】", "wan", "订单金额"],
    ["Order amount [CNY]", "yuan", "order amount"],
    ["订单金额（含税）（元）", "yuan", "订单金额"],
    ["历史购买总金额（万元）（2025年）", "wan", "历史购买总金额"],
  ])("%p: unit %p, matched as %p", (header, unit, name) => {
    expect(headerUnit(header)).toBe(unit);
    expect(normaliseHeader(header)).toBe(name);
  });

  it("a customer table headed 历史购买总金额（元）含税 is read in yuan, not in the profile's 万元", () => {
    const headers = ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额（元）含税"];
    const detection = detectColumns(headers);
    expect(detection.mapping.total).toBe(3);
    expect(detection.missing).toEqual([]);
    const choice = chooseUnit(headers, detection, "wan");
    expect(choice).toMatchObject({ unit: "yuan", source: "header" });
    // 45,000 yuan is 4.5 万元: more than 3 and up to 5, so M = 3 (read as 45,000 万元 it would be 5).
    const res = gradeCustomers(
      { lastDates: ["2026-01-10"], counts: [3], totals: [45000] },
      builtinProfile("shaoxing")!,
      { asOf: "2026-01-20", unit: choice.unit },
    );
    expect(res.m[0]).toBe(3);
  });

  it("words after the brackets are a qualifier: two such headers for one role are ambiguous, not a guess", () => {
    const d = detectColumns(["客户编号", "订单日期", "订单金额（元）含税", "订单金额（元）不含税"]);
    expect(d.mapping.amount).toBeUndefined();
    expect(d.ambiguous).toEqual([{ role: "amount", columns: [2, 3] }]);
  });

  it("headers that differ only in their unit are distinct: --map by the exact text picks one", () => {
    const headers = ["客户编号", "订单日期", "金额（元）", "金额（万元）"];
    expect(detectColumns(headers).ambiguous).toEqual([{ role: "amount", columns: [2, 3] }]);
    expect(detectColumns(headers, { amount: "金额（万元）" }).mapping.amount).toBe(3);
    expect(detectColumns(headers, { amount: " 金额（元） " }).mapping.amount).toBe(2);
    // The name without a unit matches both: still ambiguous.
    expect(detectColumns(headers, { amount: "金额" }).ambiguous).toEqual([{ role: "amount", columns: [2, 3] }]);
  });

  it("a hand-made mapping that matches no header exactly is matched as recognition matches", () => {
    expect(detectColumns(["客户编号", "订单日期", "订单金额（元）"], { amount: "订单金额" }).mapping.amount).toBe(2);
  });
});

describe("Traditional Chinese headers and units (RULES.md §10)", () => {
  const cases: [string, string][] = [
    ["客戶編號", "id"],
    ["客戶ID", "id"],
    ["客戶", "id"],
    ["下單時間", "date"],
    ["最近下單時間", "date"],
    ["訂單日期", "date"],
    ["消費時間", "date"],
    ["日期", "date"],
    ["歷史購買總次數", "count"],
    ["購買次數", "count"],
    ["消費頻次", "count"],
    ["歷史購買總金額", "total"],
    ["歷史訂單總金額", "total"],
    ["消費金額", "total"],
    ["總金額", "total"],
    ["訂單金額", "amount"],
    ["本次訂單金額", "amount"],
    ["金額", "amount"],
  ];
  // For each role, a table whose only header for that role is the one under test (as for the simplified headers).
  const around: Record<string, (h: string) => string[]> = {
    id: (h) => [h, "订单日期", "订单金额"],
    date: (h) => ["客户编号", h, "订单金额"],
    count: (h) => ["客户编号", "订单日期", h, "总金额"],
    total: (h) => ["客户编号", "订单日期", "购买次数", h],
    amount: (h) => ["客户编号", "订单日期", h],
  };
  const position: Record<string, number> = { id: 0, date: 1, count: 2, total: 3, amount: 2 };
  it.each(cases)("%s is recognised as %s", (header, role) => {
    const d = detectColumns(around[role](header));
    expect(d.mapping[role as keyof typeof d.mapping]).toBe(position[role]);
  });

  it("a whole Traditional Chinese customer table, units in 萬元", () => {
    const headers = ["客戶編號", "最近下單時間", "本次訂單金額", "歷史購買總次數", "歷史購買總金額（萬元）"];
    const d = detectColumns(headers);
    expect(d).toMatchObject({
      kind: "customers",
      mapping: { id: 0, date: 1, amount: 2, count: 3, total: 4 },
      missing: [],
    });
    expect(chooseUnit(headers, d, "yuan")).toMatchObject({ unit: "wan", source: "header" });
  });

  it.each([
    ["金額（元）", { unit: "yuan" }],
    ["金額（萬元）", { unit: "wan" }],
    ["金額（NTD）", { unit: "yuan", currency: "TWD" }],
    ["金額（TWD）", { unit: "yuan", currency: "TWD" }],
    ["金額（新臺幣元）", { unit: "yuan", currency: "TWD" }],
    ["金額（萬元 新台幣）", { unit: "wan", currency: "TWD" }],
    ["Amount (HKD)", { unit: "yuan", currency: "HKD" }],
    ["金額（港元）", { unit: "yuan", currency: "HKD" }],
    ["金額（萬港元）", { unit: "wan", currency: "HKD" }],
    ["Amount (10k HKD)", { unit: "wan", currency: "HKD" }],
    ["金额（万元人民币）", { unit: "wan", currency: "CNY" }],
  ])("%p is %p", (header, info) => {
    expect(headerUnitInfo(header)).toMatchObject(info);
  });

  it("a TWD column under a 万元 profile is read in its own scale; the currency is a label, never converted", () => {
    const headers = ["客戶編號", "最近下單時間", "歷史購買總次數", "歷史購買總金額（NTD）"];
    expect(chooseUnit(headers, detectColumns(headers), "wan")).toEqual({
      unit: "yuan",
      source: "header",
      headerUnit: "yuan",
      conflict: false,
      currency: "TWD",
    });
  });

  it("units this product cannot read are said, not guessed", () => {
    expect(headerUnitInfo("金额（千元）")).toEqual({ unreadable: "千元" });
    expect(headerUnitInfo("Amount (USD)")).toEqual({ unreadable: "USD" });
    expect(headerUnitInfo("Amount ($m)")).toEqual({ unreadable: "$m" });
    const headers = ["客户编号", "最近下单时间", "历史购买总次数", "历史购买总金额（千元）"];
    expect(chooseUnit(headers, detectColumns(headers), "wan")).toEqual({
      unit: "wan",
      source: "profile",
      conflict: false,
      unreadable: "千元",
    });
  });

  it("two currencies in one unit, or a word that is no unit, name no unit", () => {
    expect(headerUnitInfo("金额（CNY HKD）")).toBeUndefined();
    expect(headerUnitInfo("金额（元元）")).toBeUndefined();
    expect(headerUnitInfo("金额（参考）")).toBeUndefined();
  });
});

describe("the column that names the customer", () => {
  it.each([
    [["客户编号", "客户名称", "订单日期", "金额"], 1],
    [["客戶編號", "客戶名稱", "訂單日期", "金額"], 1],
    [["Customer ID", "Region", "Customer Name", "Date", "Amount"], 2],
    [["id", "name", "date", "amount"], 1],
    [["客户编号", "联系人", "订单日期", "金额"], undefined],
  ])("%p: column %p", (headers, expected) => {
    expect(nameColumn(headers, detectColumns(headers).mapping)).toBe(expected);
  });
  it("a column a role takes is not the name", () => {
    expect(nameColumn(["name", "date", "amount"], { id: 0, date: 1, amount: 2 })).toBeUndefined();
  });
});

describe("a selection that is not a table", () => {
  it.each([
    [["合计"], 0, "oneCell"],
    [[""], 0, "empty"],
    [["", null, " "], 0, "empty"],
    [["客户编号", "订单日期", "金额"], 0, "headerOnly"],
    [["C001", "2025-06-01", "1200"], 0, "oneRow"],
    [["客户编号"], 12, "oneColumn"],
  ])("%p with %p rows below: %p", (headers, rows, expected) => {
    expect(notATable(headers, rows)).toBe(expected);
  });
  it("a header with rows below it is a table", () => {
    expect(notATable(["客户编号", "订单日期", "金额"], 1)).toBeNull();
    expect(notATable(["a", "b"], 3)).toBeNull();
  });
});
