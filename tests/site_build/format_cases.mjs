// The page's own formatting (format.mjs), under Node's test runner (run by test_node_cases.py):
// the shared cases (format_cases.json, which the Python twin passes too), and numbers exactly as
// Intl.NumberFormat would write them in each site language, which format.mjs avoids on the page
// only for speed.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { fill, formatDate, formatMessage, formatNumber, formatSigned, MINUS } from "../../site_build/theme/assets/calculators/format.mjs";
import { DECIMALS, sample } from "./format_sample.mjs";

const CASES = JSON.parse(readFileSync(new URL("./format_cases.json", import.meta.url), "utf-8"));
const LANGUAGES = Object.keys(CASES.texts);

for (const language of LANGUAGES) {
  const texts = CASES.texts[language];
  test(`the shared cases: ${language}`, () => {
    for (const { value, decimals, [language]: expected } of CASES.numbers) assert.equal(formatNumber(value, texts, decimals), expected, `${value}, ${decimals}`);
    for (const { value, decimals, [language]: expected } of CASES.signed) assert.equal(formatSigned(value, texts, decimals), expected, `${value}, ${decimals}`);
    for (const { date, [language]: expected } of CASES.dates) assert.equal(formatDate(date, texts), expected, date);
    for (const { template, params, texts: own, [language]: expected } of CASES.fill) assert.equal(fill(template, params, { ...texts, ...own }), expected, template);
  });

  test(`numbers as Intl.NumberFormat writes them: ${language}`, () => {
    for (const decimals of DECIMALS) {
      const intl = new Intl.NumberFormat(language, { minimumFractionDigits: 0, maximumFractionDigits: decimals, useGrouping: false });
      for (const value of sample()) {
        const expected = intl.format(value).replace("-", MINUS);
        if (expected === `${MINUS}0`) continue; // our rule: a value that rounds to zero reads 0
        assert.equal(formatNumber(value, texts, decimals), expected, `${value}, ${decimals}`);
      }
    }
  });
}

test("without the translators' texts a number keeps a point and a date stays unambiguous", () => {
  assert.equal(formatNumber(2.5, {}, 1), "2.5");
  assert.equal(formatDate("2026-12-31", {}), "2026-12-31");
});

test("a message is its key when the translators have no text for it", () => {
  assert.equal(formatMessage({}, { key: "missing.key" }), "missing.key");
  assert.equal(formatMessage({ "ui.cycle": "Cycle {number}" }, { key: "ui.cycle", params: { number: 3 } }), "Cycle 3");
});
