// How each kind of output is shown. Values arrive raw from Python; text comes from the
// translators' messages embedded in the page; numbers use the page's
// language, dates the translators' month names (format.mjs).
import { formatDate, formatMessage, formatNumber, formatSigned } from "./format.mjs";

// Inline text of a scalar output.
export function displayScalar(output, value, messages) {
  const decimals = Number(output.dataset.decimals || 1);
  const name = output.dataset.output;
  switch (output.dataset.kind) {
    case "percent":
      return `${formatNumber(value, messages, decimals)} %`;
    case "category":
      return messages[`outputs.${name}.values.${value}`] ?? String(value);
    case "number": {
      const unit = output.dataset.unit;
      const number = formatNumber(value, messages, decimals);
      return unit ? `${number} ${unit}` : number;
    }
    default:
      return String(value);
  }
}

// Structured outputs: a list of elements, plus the plain-text lines for "copy as text".
export function renderBlock(output, value, messages) {
  const name = output.dataset.output;
  const lines = [];
  let element;
  if (output.dataset.kind === "breakdown") {
    element = document.createElement("table");
    element.className = "calc-breakdown";
    const body = document.createElement("tbody");
    for (const row of value) {
      const label = messages[`criteria.${row.item}`] ?? row.item;
      const points = formatSigned(row.points, messages);
      const tr = document.createElement("tr");
      tr.dataset.item = row.item;
      for (const text of [label.replace(/\{\w+\}/g, "").trim(), points]) {
        const cell = document.createElement("td");
        cell.textContent = text;
        tr.append(cell);
      }
      body.append(tr);
      lines.push(`  ${label.replace(/\{\w+\}/g, "").trim()}: ${points}`);
    }
    element.append(body);
  } else if (output.dataset.kind === "cycles") {
    element = document.createElement("ol");
    element.className = "calc-cycles";
    value.forEach((cycle, index) => {
      const item = document.createElement("li");
      const span = cycle.start === cycle.end ? formatDate(cycle.start, messages) : `${formatDate(cycle.start, messages)} – ${formatDate(cycle.end, messages)}`;
      item.textContent = span;
      element.append(item);
      lines.push(`  ${formatMessage(messages, { key: "ui.cycle", params: { number: index + 1 } })}: ${span}`);
    });
  } else if (output.dataset.kind === "dated_notes" || output.dataset.kind === "notes") {
    element = document.createElement("ul");
    element.className = "calc-dated-notes";
    for (const note of value) {
      const item = document.createElement("li");
      const words = formatMessage(messages, { key: `outputs.${name}.values.${note.key}`, params: note.params });
      const text = `${note.date ? formatDate(note.date, messages) + ": " : ""}${words}`;
      item.textContent = text;
      element.append(item);
      lines.push(`  ${text}`);
    }
  } else {
    element = document.createTextNode(JSON.stringify(value));
  }
  return { element, lines };
}

// An iCalendar file (RFC 5545) with one all-day event per cycle, built in the browser.
export function icsCalendar(cycles, title, language) {
  const compact = (iso) => iso.replaceAll("-", "");
  const nextDay = (iso) => {
    const [year, month, day] = iso.split("-").map(Number);
    return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
  };
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const escapeText = (text) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, "\\n");
  const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//SCAR IVIg site//ivig-schedule//" + language.toUpperCase(), "CALSCALE:GREGORIAN"];
  cycles.forEach((cycle, index) => {
    lines.push(
      "BEGIN:VEVENT",
      `UID:ivig-cycle-${index + 1}-${compact(cycle.start)}@scar-ivig.invalid`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(cycle.start)}`,
      `DTEND;VALUE=DATE:${compact(nextDay(cycle.end))}`,
      `SUMMARY:${escapeText(`${title} ${index + 1}`)}`,
      "END:VEVENT",
    );
  });
  lines.push("END:VCALENDAR");
  return lines.join("\r\n") + "\r\n";
}

// A local date and time in the translators' words: {date: "May 21, 2026", time: "14:05"}.
export function localDateTime(moment, messages) {
  const two = (number) => String(number).padStart(2, "0");
  const iso = `${moment.getFullYear()}-${two(moment.getMonth() + 1)}-${two(moment.getDate())}`;
  return { date: formatDate(iso, messages), time: `${two(moment.getHours())}:${two(moment.getMinutes())}` };
}
