// The page's own number and date formatting (format.mjs), under Node's test runner (run by
// test_node_cases.py). Numbers must read exactly as Intl.NumberFormat would write them in each
// site language, which format.mjs avoids on the page only for speed.
import assert from "node:assert/strict";
import { test } from "node:test";

import { formatDate, formatMessage, formatNumber } from "../../site_build/theme/assets/calculators/format.mjs";

// A small deterministic generator (mulberry32), so a failure names a value that can be rerun.
function generator(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EDGES = [0, 1, 0.5, 1.5, 2.5, 0.125, 1.005, 2.675, 12.345, 99.995, 164.55, 0.1 + 0.2, 3, 250, 1e6, 123456.789, -1, -3, -0.5, -2.25, 70.5, 17.99999];

function sample() {
  const random = generator(20261123);
  const values = [...EDGES];
  for (let i = 0; i < 3000; i++) {
    const magnitude = 10 ** Math.floor(random() * 7 - 2);
    values.push((random() - 0.2) * magnitude);
    // Values on a grid of halves of the last shown decimal, where rounding is decided.
    values.push(Math.round(random() * 100000) / 2000);
  }
  return values;
}

for (const language of ["en", "ro"]) {
  for (const decimals of [0, 1, 2, 3]) {
    test(`numbers as Intl.NumberFormat writes them: ${language}, up to ${decimals} decimals`, () => {
      const intl = new Intl.NumberFormat(language, { minimumFractionDigits: 0, maximumFractionDigits: decimals, useGrouping: false });
      for (const value of sample()) {
        const expected = intl.format(value);
        if (expected === "-0") continue; // see the next test
        assert.equal(formatNumber(value, language, decimals), expected, `${value}`);
      }
    });
  }
}

test("a negative value that rounds to zero reads 0, never -0", () => {
  assert.equal(formatNumber(-0.001, "en", 2), "0");
  assert.equal(formatNumber(-0, "ro", 1), "0");
});

test("the decimal sign follows the page's language", () => {
  assert.equal(formatNumber(164.6, "en", 1), "164.6");
  assert.equal(formatNumber(164.6, "ro", 1), "164,6");
  assert.equal(formatNumber(70, "ro", 2), "70");
  assert.equal(formatNumber(2.5, "fr", 1), "2.5");
});

test("dates use the translators' pattern and month names", () => {
  const english = { "ui.date": "{month} {day}, {year}", "ui.month_01": "Jan", "ui.month_12": "Dec" };
  const romanian = { "ui.date": "{day} {month} {year}", "ui.month_01": "ian.", "ui.month_12": "dec." };
  assert.equal(formatDate("2027-01-05", english), "Jan 5, 2027");
  assert.equal(formatDate("2026-12-31", romanian), "31 dec. 2026");
  // Without the translators' texts the date stays unambiguous.
  assert.equal(formatDate("2026-12-31", {}), "2026-12-31");
});

test("message placeholders: numbers localized, units and choices through the messages", () => {
  const messages = {
    "error.out_of_range": "Enter {min} to {max} {unit}.",
    "unit.kg": "kg",
    "warning.regimen": "For {indication}.",
    "inputs.indication.choices.ten": "TEN",
  };
  assert.equal(formatMessage(messages, { key: "error.out_of_range", params: { min: 0.5, max: 300, unit: "kg" } }, "ro"), "Enter 0,5 to 300 kg.");
  assert.equal(formatMessage(messages, { key: "warning.regimen", params: { indication: "ten" } }, "en"), "For TEN.");
  assert.equal(formatMessage(messages, { key: "missing.key" }, "en"), "missing.key");
  // Literal braces are doubled, as in Python's str.format.
  assert.equal(formatMessage({ note: "Use {{braces}} around {n}." }, { key: "note", params: { n: 2 } }, "en"), "Use {braces} around 2.");
});
