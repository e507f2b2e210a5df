/** The integer form of a profile, worked out by hand from the profiles' decimals (RULES.md §2, §6, §11). */

import { builtinProfile } from "../../../src/engine";
import { integerProfile } from "../../../src/engine/compile/integerProfile";
import { CUSTOM_PROFILES } from "./sqlHarness";

test("shaoxing: weights and cut-offs in tenths, bounds as written, amounts in wan", () => {
  const ip = integerProfile(builtinProfile("shaoxing")!);
  expect(ip.scorePlaces).toBe(1);
  expect(ip.weights).toEqual({ recency: 3, frequency: 4, monetary: 6 });
  expect(ip.grades.map((g) => [g.grade, g.op, g.cut])).toEqual([
    ["A", ">", 60],
    ["B", ">", 30],
    ["C", null, null],
  ]);
  expect(ip.thresholds!.recency).toEqual([10, 20, 30, 50]);
  expect(ip.thresholds!.frequency).toEqual([2, 5, 10, 15]);
  expect(ip.thresholds!.monetary.map((b) => b.text)).toEqual(["1", "3", "5", "8"]);
  expect(ip.requirePositiveTotal).toBe(true);
});

test("a wan profile read in yuan: 8 wan is 80000 yuan, shifted as decimals, not multiplied as doubles", () => {
  const ip = integerProfile(builtinProfile("shaoxing")!, "yuan");
  expect(ip.thresholds!.monetary.map((b) => [b.units, b.places, b.text])).toEqual([
    [10000, 0, "10000"],
    [30000, 0, "30000"],
    [50000, 0, "50000"],
    [80000, 0, "80000"],
  ]);
});

test("a yuan profile read in wan: 1999.99 yuan is 0.199999 wan, 20000.5 yuan is 2.00005 wan; money needs 6 places", () => {
  const ip = integerProfile(CUSTOM_PROFILES[0], "wan");
  expect(ip.thresholds!.monetary.map((b) => b.text)).toEqual(["0.05", "0.199999", "0.5", "2.00005"]);
  expect(ip.moneyPlaces).toBe(6);
  // Decimal day and count bounds: D and S are whole, so D ≤ 14.5 is D ≤ 14 and S > 6.5 is S > 6.
  expect(ip.thresholds!.recency).toEqual([7, 14, 30, 60]);
  expect(ip.thresholds!.frequency).toEqual([1, 3, 6, 12]);
  // 0.25/0.35/0.4 and cut-offs 4.2, 3, 2.05 share hundredths.
  expect(ip.weights).toEqual({ recency: 25, frequency: 35, monetary: 40 });
  expect(ip.grades.map((g) => [g.op, g.cut])).toEqual([
    [">=", 420],
    [">", 300],
    [">=", 205],
    [null, null],
  ]);
});

test("quantile profiles carry bins and tie rule, and rank Z as it is", () => {
  const ip = integerProfile(builtinProfile("wuhan")!);
  expect([ip.bins, ip.ties, ip.requirePositiveTotal, ip.thresholds]).toEqual([5, "average", false, undefined]);
  expect(ip.weights).toEqual({ recency: 3, frequency: 3, monetary: 4 });
  expect(ip.grades.map((g) => [g.op, g.cut])).toEqual([
    [">=", 40],
    [">=", 30],
    [">=", 20],
    [null, null],
  ]);
  const deciles = integerProfile(CUSTOM_PROFILES[2]);
  expect([deciles.bins, deciles.ties, deciles.scorePlaces]).toEqual([10, "first", 3]);
});
