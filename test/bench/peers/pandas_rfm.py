"""The pandas peer of `npm run bench`: idiomatic pandas for the same rules (RULES.md §3 and §4), CSV in, CSV out.

    python3 pandas_rfm.py customers|sales INPUT.csv OUTPUT.csv

Customers: Shaoxing fixed thresholds, as-of 2025-12-31, amounts in 10,000 yuan. Sales: Wuhan quintiles (ties share
the middle of their group: score = 5 - floor(5 (2G + T) / 2N)) over the window 2021-09-01 .. 2025-07-01.
Scores and cut-offs in whole numbers (10 X), as the rules require.
"""
import sys

import numpy as np
import pandas as pd


def threshold_score(values, bounds, ascending_better):
    # bounds close the bins: value <= bounds[0] is the first bin, and so on.
    bins = np.searchsorted(np.asarray(bounds), values.to_numpy(), side="left")
    return (5 - bins) if ascending_better else (bins + 1)


def customers(path, out):
    df = pd.read_csv(path, encoding="utf-8-sig", dtype={"客户编号": str})
    as_of = pd.Timestamp("2025-12-31")
    last = pd.to_datetime(df["下单时间"], errors="coerce")
    days = (as_of - last).dt.days
    count = pd.to_numeric(df["历史购买总次数"], errors="coerce")
    total = pd.to_numeric(df["历史购买总金额（万元）"], errors="coerce")
    ok = days.notna() & (days >= 0) & count.notna() & (count > 0) & (count % 1 == 0) & total.notna() & (total > 0)
    r = threshold_score(days.fillna(0), [10, 20, 30, 50], ascending_better=True)
    f = threshold_score(count.fillna(0), [2, 5, 10, 15], ascending_better=False)
    m = threshold_score(total.fillna(0), [1, 3, 5, 8], ascending_better=False)
    x10 = 3 * r + 4 * f + 6 * m
    grade = np.select([x10 > 60, x10 > 30], ["A", "B"], "C")
    cadence = pd.Series(grade).map({"A": "1–2 contacts per month", "B": "1–2 contacts per quarter", "C": "1–2 contacts per half-year"})
    df["R Score"] = np.where(ok, r, None)
    df["F Score"] = np.where(ok, f, None)
    df["M Score"] = np.where(ok, m, None)
    df["RFM Score"] = np.where(ok, x10 / 10, None)
    df["Grade"] = np.where(ok, grade, None)
    df["Cadence"] = np.where(ok, cadence, None)
    df["Note"] = np.where(ok, None, "not graded")
    df.to_csv(out, index=False)


def quintile(values, ascending_better):
    n = len(values)
    better = values.rank(method="min", ascending=ascending_better) - 1  # G: customers strictly better
    ties = values.groupby(values).transform("size")  # T
    return 5 - (5 * (2 * better + ties)) // (2 * n)


def sales(path, out):
    df = pd.read_csv(path, encoding="utf-8-sig", dtype={"客户": str})
    df["date"] = pd.to_datetime(df["消费时间"], errors="coerce")
    df["amount"] = pd.to_numeric(df["消费金额"], errors="coerce")
    df = df.dropna(subset=["客户", "date", "amount"])
    as_of, start = pd.Timestamp("2025-07-01"), pd.Timestamp("2021-09-01")
    kept = df[(df["date"] >= start) & (df["date"] <= as_of)]
    g = kept.groupby("客户", sort=False).agg(last=("date", "max"), purchases=("date", "size"), amount=("amount", "sum"))
    days = (as_of - g["last"]).dt.days
    g["R Score"] = quintile(days, ascending_better=True).astype(int)
    g["F Score"] = quintile(g["purchases"], ascending_better=False).astype(int)
    g["M Score"] = quintile(g["amount"].round(6), ascending_better=False).astype(int)
    x10 = 3 * g["R Score"] + 3 * g["F Score"] + 4 * g["M Score"]
    g["RFM Score"] = x10 / 10
    g["Grade"] = np.select([x10 >= 40, x10 >= 30, x10 >= 20], ["A", "B", "C"], "D")
    g["Cadence"] = g["Grade"].map({"A": "one revisit per month", "B": "one revisit per quarter", "C": "one revisit per half-year", "D": "one revisit per year"})
    g["last"] = g["last"].dt.strftime("%Y-%m-%d")
    g.reset_index().to_csv(out, index=False)


if __name__ == "__main__":
    kind, source, target = sys.argv[1:4]
    (customers if kind == "customers" else sales)(source, target)
