// Numbers, signs, dates and {placeholders} as a reader of the page's language sees them. Python
// returns raw numbers and message keys; rounding and wording happen here.
//
// The same rule as site_build/content/formatting.py, which writes the pages' tables: both are
// tested on tests/site_build/format_cases.json and on each other's output for thousands of
// numbers, so a table and a result never disagree. In short: rounding half away from zero on
// the number as written; at most `decimals` places, trailing zeros dropped; the minus sign
// U+2212, never "-0"; the decimal sign, date pattern and month names from the translators'
// messages (ui.decimal_sign, ui.date, ui.month_01 ... ui.month_12 in common.yml).
//
// Deliberately not Intl.NumberFormat / Intl.DateTimeFormat: the first one a page builds loads
// the locale's ICU data on the main thread, one task of 50-125 ms on a slow machine (measured
// with `python -m tests.bench`), longer than the 50 ms the calculator may block the page.

export const MINUS = "\u2212";
// Decimals of a number filled into a text.
const MESSAGE_DECIMALS = 2;

export function decimalSign(messages) {
  return messages["ui.decimal_sign"] ?? ".";
}

// `value` rounded as a machine reads it ("." and "-"): half away from zero on the number as
// JavaScript writes it (31.15 -> "31.2", as a reader and Intl.NumberFormat expect), not on its
// binary value (Number#toFixed gives "31.1"); at most `decimals` places, trailing zeros dropped
// (12.50 -> "12.5", 3.0 -> "3"); a value that rounds to zero is "0", never "-0".
export function roundedText(value, decimals) {
  const number = Number(value);
  if (!Number.isFinite(number)) return String(number);
  // The shortest decimal form, exponent included (1e-7, 1e+21), as digits and a point position.
  const [mantissa, exponent = "0"] = String(Math.abs(number)).split("e");
  const [wholePart, fractionPart = ""] = mantissa.split(".");
  let digits = wholePart + fractionPart;
  let point = wholePart.length + Number(exponent);
  if (point < 0) {
    digits = "0".repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += "0".repeat(point - digits.length);
  const whole = digits.slice(0, point) || "0";
  const fraction = digits.slice(point);
  let text;
  if (fraction.length <= decimals) {
    text = fraction ? `${whole}.${fraction}` : whole;
  } else {
    // Round the digits as one decimal integer, then put the point back.
    let rounded = BigInt(whole + fraction.slice(0, decimals));
    if (fraction[decimals] >= "5") rounded += 1n;
    const padded = rounded.toString().padStart(decimals + 1, "0");
    text = decimals ? `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}` : padded;
  }
  if (text.includes(".")) text = text.replace(/\.?0+$/, "");
  return number < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

// `value` for a reader: their decimal sign, the minus sign U+2212.
export function formatNumber(value, messages, decimals = MESSAGE_DECIMALS) {
  return roundedText(value, decimals).replace("-", MINUS).replace(".", decimalSign(messages));
}

// Points with their sign: "+2", "0", "−1".
export function formatSigned(value, messages, decimals = MESSAGE_DECIMALS) {
  const text = formatNumber(value, messages, decimals);
  return Number(value) > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

// An ISO date (YYYY-MM-DD) in the translators' words: ui.date ("{month} {day}, {year}") with
// the month's name from ui.month_01 ... ui.month_12.
export function formatDate(iso, messages) {
  const [year, month, day] = iso.split("-");
  const template = messages["ui.date"] ?? "{year}-{month}-{day}";
  const parts = { year: String(Number(year)), month: messages[`ui.month_${month}`] ?? month, day: String(Number(day)) };
  return template.replace(/\{(year|month|day)\}/g, (whole, name) => parts[name]);
}

// Fill {placeholders}: numbers in the reader's language, unit and field names through the
// translators' texts when they have one, and a parameter named after a choice input (e.g.
// {indication}) shows that choice's text. "{{" and "}}" are literal braces.
export function fill(template, params, messages) {
  return template.replace(/\{\{|\}\}|\{(\w+)\}/g, (whole, name) => {
    if (name === undefined) return whole[0];
    const value = params?.[name];
    if (value === undefined || value === null) return whole;
    if (typeof value === "number") return formatNumber(value, messages);
    if (name === "unit") return messages[`unit.${value}`] ?? String(value);
    if (name === "field") return messages[`inputs.${value}.label`] ?? String(value);
    return messages[`inputs.${name}.choices.${value}`] ?? String(value);
  });
}

// A message from Python ({key, params}) in the translators' words; the key itself when they
// have no text for it.
export function formatMessage(messages, message) {
  return fill(messages[message.key] ?? message.key, message.params, messages);
}
