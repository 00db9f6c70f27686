// Thousands of numbers where rounding is decided, the same on every run (a seeded generator, so
// a failure names a value that can be rerun). format_cases.mjs checks format.mjs against
// Intl.NumberFormat on them; run directly (`node format_sample.mjs`), this prints format.mjs's
// machine text of each, which test_formatting.py compares with site_build/content/formatting.py.
import { roundedText } from "../../site_build/theme/assets/calculators/format.mjs";

export const DECIMALS = [0, 1, 2, 3];

// mulberry32
function generator(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function sample() {
  const random = generator(20261123);
  const values = [];
  for (let i = 0; i < 3000; i++) {
    const magnitude = 10 ** Math.floor(random() * 7 - 2);
    values.push((random() - 0.2) * magnitude);
    // Values on a grid of halves of the last shown decimal, where rounding is decided.
    values.push(Math.round(random() * 100000) / 2000);
  }
  return values;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = sample().map((value) => [value, DECIMALS.map((decimals) => roundedText(value, decimals))]);
  process.stdout.write(JSON.stringify({ decimals: DECIMALS, rows }));
}
