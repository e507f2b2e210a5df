#!/usr/bin/env python3
"""Synthetic inputs for the benchmark's scale jobs, deterministic (seed 7):

    gen_big.py OUTDIR N_CUSTOMERS N_SALES

customers.csv: N customer rows with English headers (Customer ID, Last order date, Order amount, Purchase count,
Total amount), last orders up to 400 days before 2025-11-11. sales.csv: N_SALES sales (Customer, Order date, Amount)
over about N_SALES / 5 customers, dated 2021-09-01 .. 2025-07-01. One random stream feeds both files, in that order.
"""
import datetime as dt
import os
import random
import sys

out, n_customers, n_sales = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out, exist_ok=True)
rng = random.Random(7)

as_of = dt.date(2025, 11, 11)
with open(os.path.join(out, "customers.csv"), "w") as fh:
    fh.write("Customer ID,Last order date,Order amount,Purchase count,Total amount\n")
    for i in range(n_customers):
        last = as_of - dt.timedelta(days=rng.randint(0, 400))
        fh.write(f"C{i},{last.isoformat()},{rng.randint(1, 200) / 100},{rng.randint(1, 30)},{rng.randint(1, 2000) / 100}\n")

first_day = dt.date(2021, 9, 1)
with open(os.path.join(out, "sales.csv"), "w") as fh:
    fh.write("Customer,Order date,Amount\n")
    buyers = max(1, n_sales // 5)
    for _ in range(n_sales):
        day = first_day + dt.timedelta(days=rng.randint(0, 1399))
        fh.write(f"W{rng.randint(0, buyers - 1)},{day.isoformat()},{rng.randint(300, 9000)}\n")
