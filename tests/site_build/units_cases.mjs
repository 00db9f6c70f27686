// Converting a typed number to another unit (units.mjs), under Node's test runner (run by
// test_node_cases.py): the fewest decimals that convert back to exactly what was typed.
import assert from "node:assert/strict";
import { test } from "node:test";

import { convertValue, parseTyped, writeLikeReader } from "../../site_build/theme/assets/calculators/units.mjs";

const KG_PER_LB = 0.45359237;
const BUN = 1 / 2.801; // mmol/L per mg/dL of BUN

test("a typed number is read as Python reads it, or not at all", () => {
  assert.deepEqual(parseTyped(" 78 "), { value: 78, decimals: 0, separator: "" });
  assert.deepEqual(parseTyped("70,50"), { value: 70.5, decimals: 2, separator: "," });
  assert.deepEqual(parseTyped("\u22122.5"), { value: -2.5, decimals: 1, separator: "." });
  for (const text of ["7o", "1.234,5", "1,5,2", "", "1e3", "Infinity"]) assert.equal(parseTyped(text), null, text);
});

test("78 kg is 172 lb: whole pounds already give back 78 kg", () => {
  const converted = convertValue({ value: 78, decimals: 0, factor: 1 }, KG_PER_LB);
  assert.deepEqual(converted, { value: 172, decimals: 0 });
  assert.equal(writeLikeReader(converted.value, converted.decimals, "", "."), "172");
});

test("more decimals where fewer would move the value typed (10.01 mmol/L is not 28 mg/dL)", () => {
  const converted = convertValue({ value: 10.01, decimals: 2, factor: 1 }, BUN);
  assert.deepEqual(converted, { value: 28.04, decimals: 2 });
});

test("the reader's decimal separator is kept; the page language's (its decimal sign) when they typed none", () => {
  assert.equal(writeLikeReader(155.4, 1, ",", "."), "155,4");
  assert.equal(writeLikeReader(155.4, 1, ".", ","), "155.4");
  assert.equal(writeLikeReader(155.4, 1, "", ","), "155,4");
});

test("every conversion reads back as typed, within the decimals shown", () => {
  for (let tenths = 20; tenths <= 3500; tenths += 7) {
    const typed = { value: tenths / 10, decimals: 1, factor: 1 };
    const { value, decimals } = convertValue(typed, KG_PER_LB);
    const back = (value * KG_PER_LB).toFixed(1);
    assert.equal(back, typed.value.toFixed(1), `${typed.value} kg -> ${value} lb`);
    assert.ok(Math.abs(value * KG_PER_LB - typed.value) <= 0.5 * 10 ** -decimals * KG_PER_LB + 1e-9);
  }
});

test("a whole-number input gets a whole number", () => {
  assert.equal(convertValue({ value: 3, decimals: 0, factor: 1 }, 0.3, { integer: true }).decimals, 0);
});
