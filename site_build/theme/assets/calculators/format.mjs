// Locale-aware display of values and messages. Python returns raw numbers and message keys;
// rounding and wording happen here, per the page's language (164.6 in English, 164,6 in Romanian).
//
// Deliberately not Intl.NumberFormat / Intl.DateTimeFormat: the first one a page builds loads
// the locale's ICU data on the main thread, one task of 50-125 ms on a slow machine (measured
// with `python -m site_build bench`), longer than the 50 ms the calculator may block the page.
// Our needs are small: no grouping, at most a few decimals, one decimal sign per language, and
// dates whose words (month names, order) the translators own in the message files.

// The decimal sign of each site language; any other language reads as English.
const DECIMAL_SIGN = { en: ".", ro: "," };

export function decimalSign(language) {
  return DECIMAL_SIGN[language] ?? ".";
}

// At most `decimals` decimals, trailing zeros dropped (12.50 -> "12.5", 3.0 -> "3"). Rounding
// is half away from zero on the number as JavaScript writes it (31.15 -> "31.2", as a reader
// and Intl.NumberFormat expect), not on its binary value (Number#toFixed gives "31.1").
export function formatNumber(value, language, decimals) {
  const number = Number(value);
  const written = String(Math.abs(number));
  let text;
  if (!Number.isFinite(number) || written.includes("e")) {
    text = Math.abs(number).toFixed(decimals); // beyond 1e21 or below 1e-6: not a dose or a score
  } else {
    const [whole, fraction = ""] = written.split(".");
    if (fraction.length <= decimals) {
      text = fraction ? `${whole}.${fraction}` : whole;
    } else {
      // Round the digits as one decimal integer, then put the point back.
      let digits = BigInt(whole + fraction.slice(0, decimals));
      if (fraction[decimals] >= "5") digits += 1n;
      const padded = digits.toString().padStart(decimals + 1, "0");
      text = decimals ? `${padded.slice(0, -decimals)}.${padded.slice(-decimals)}` : padded;
    }
  }
  if (text.includes(".")) text = text.replace(/\.?0+$/, "");
  if (number < 0 && /[1-9]/.test(text)) text = `-${text}`;
  return text.replace(".", decimalSign(language));
}

// An ISO date (YYYY-MM-DD) in the translators' words: ui.date ("{month} {day}, {year}") with
// the month's short name from ui.month_01 ... ui.month_12.
export function formatDate(iso, messages) {
  const [year, month, day] = iso.split("-");
  const template = messages["ui.date"] ?? "{year}-{month}-{day}";
  const parts = { year, month: messages[`ui.month_${month}`] ?? month, day: String(Number(day)) };
  return template.replace(/\{(year|month|day)\}/g, (whole, name) => parts[name]);
}

// Fill {placeholders}: numbers in the reader's locale, unit and field names through the
// translators' texts when they have one. "{{" and "}}" are literal braces, as in Python's
// str.format, which fills the same texts at build time (and the translators' check follows).
export function formatMessage(messages, message, language) {
  const template = messages[message.key] ?? message.key;
  return template.replace(/\{\{|\}\}|\{(\w+)\}/g, (whole, name) => {
    if (name === undefined) return whole[0];
    const value = message.params?.[name];
    if (value === undefined || value === null) return whole;
    if (typeof value === "number") return formatNumber(value, language, 2);
    if (name === "unit") return messages[`unit.${value}`] ?? String(value);
    if (name === "field") return messages[`inputs.${value}.label`] ?? String(value);
    // A parameter named after a choice input (e.g. {indication}) shows that choice's text.
    return messages[`inputs.${name}.choices.${value}`] ?? String(value);
  });
}
