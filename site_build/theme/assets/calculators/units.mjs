// A number already typed keeps its meaning when the reader changes its unit: it is converted to
// the new unit, never silently read as a number of the new unit (78 kg must not become 78 lb).
// The factors come from the calculator's declaration (forms.py writes them into the page); the
// page script decides what to show and say (page.mjs). No DOM here.
import { roundedText } from "./format.mjs";

// The grammar Python accepts (calculators/parsing.py): digits with at most one "." or ",".
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/;

// The most decimals a converted value is ever written with.
export const MAX_DECIMALS = 6;

// What the reader typed: its value, how many decimals they wrote, and their decimal separator
// ("" when they wrote none). null when Python would not read it as a number either.
export function parseTyped(text) {
  const trimmed = String(text).trim().replace("\u2212", "-");
  if (!NUMBER.test(trimmed)) return null;
  const value = Number(trimmed.replace(",", "."));
  if (!Number.isFinite(value)) return null;
  const separator = trimmed.includes(",") ? "," : trimmed.includes(".") ? "." : "";
  const decimals = (trimmed.split(/[.,]/)[1] ?? "").length;
  return { value, decimals, separator };
}

// `origin` is a value as the reader typed it: {value, decimals, factor}, where value x factor is
// the canonical value. Returns the same quantity in the unit whose factor is `toFactor`, written
// with the fewest decimals from which converting back gives exactly what was typed (78 kg ->
// 172 lb, since 172 lb is 78.0 kg to the reader's precision; 10.01 mmol/L -> 28.04 mg/dL, since
// 28.0 would read back as 10.00). A whole-number input gets a whole number.
export function convertValue(origin, toFactor, { integer = false } = {}) {
  const exact = (origin.value * origin.factor) / toFactor;
  const typed = roundedText(origin.value, origin.decimals);
  const most = integer ? 0 : MAX_DECIMALS;
  for (let decimals = 0; decimals <= most; decimals++) {
    const shown = Number(roundedText(exact, decimals));
    const back = (shown * toFactor) / origin.factor;
    if (roundedText(back, origin.decimals) === typed) return { value: shown, decimals };
  }
  return { value: Number(roundedText(exact, most)), decimals: most };
}

// A converted value as the reader would write it: their own decimal separator, or the page
// language's (`decimalSign`) when they typed none.
export function writeLikeReader(value, decimals, separator, decimalSign) {
  return roundedText(value, decimals).replace(".", separator || decimalSign);
}
