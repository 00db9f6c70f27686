// Locale-aware display of values and messages. Python returns raw numbers and message keys;
// rounding and wording happen here, per the page's language (164.6 in English, 164,6 in Romanian).

// Building an Intl.NumberFormat costs far more than using one (the first, tens of milliseconds:
// the locale's data loads), so each is built once per page.
const numberFormats = new Map();

export function formatNumber(value, language, decimals) {
  const key = `${language}:${decimals}`;
  if (!numberFormats.has(key)) {
    numberFormats.set(key, new Intl.NumberFormat(language, { minimumFractionDigits: 0, maximumFractionDigits: decimals, useGrouping: false }));
  }
  return numberFormats.get(key).format(value);
}

// Fill {placeholders}: numbers in the reader's locale, unit and field names through the
// translators' texts when they have one.
export function formatMessage(messages, message, language) {
  const template = messages[message.key] ?? message.key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => {
    const value = message.params?.[name];
    if (value === undefined || value === null) return whole;
    if (typeof value === "number") return formatNumber(value, language, 2);
    if (name === "unit") return messages[`unit.${value}`] ?? String(value);
    if (name === "field") return messages[`inputs.${value}.label`] ?? String(value);
    // A parameter named after a choice input (e.g. {indication}) shows that choice's text.
    return messages[`inputs.${name}.choices.${value}`] ?? String(value);
  });
}
