// Binds every generated calculator form on the page to the Python worker.
// - the form is usable at once; the runtime starts when the page is idle (at once for a link
//   with inputs in its fragment, or as soon as the reader touches a form); a progress bar and
//   the status line show its stage, and a calculation asked for meanwhile is done the moment it
//   is ready;
// - if it cannot start, the status line says so and the rules on the page are unfolded;
// - inputs live only in the URL fragment (#weight=70&days=5): shareable, never sent to a server,
//   and kept when the reader switches language;
// - a unit changed under a typed number converts that number (units.mjs), and says so;
// - a field's error shows once the reader has left that field, or has asked for the result
//   (Calculate, Enter, a link with inputs); while any field is in error no number is shown;
// - a result asked for (Calculate, a shared link) is scrolled into view.
// The root element's data-state ("pending", "done") and data-rendered (the fragment of the
// inputs the shown result belongs to) let people and tests know which result is on screen; the
// status line's data-state is the runtime's stage ("downloading", "starting", "loading",
// "ready", "failed").
import { serviceWorker } from "./config.mjs";
import { decimalSign, formatMessage, formatNumber } from "./format.mjs";
import { keepOffline } from "./offline.mjs";
import { displayScalar, icsCalendar, localDateTime, renderBlock } from "./render.mjs";
import { listen, python } from "./session.mjs";
import { convertValue, parseTyped, writeLikeReader } from "./units.mjs";

const language = document.documentElement.lang || "en";

// How long the runtime may wait for an idle moment before it starts anyway.
const IDLE_START_TIMEOUT_MS = 2000;

const STATUS_KEYS = {
  downloading: "ui.status_downloading",
  starting: "ui.status_starting",
  loading: "ui.status_loading_calculators",
  ready: "ui.status_ready",
  failed: "ui.status_failed",
};
// The stages a booting runtime goes through, in order (worker.mjs): the progress bar's steps.
const STAGES = ["downloading", "starting", "loading", "ready"];

// The material theme's language switcher: its links lead to this page in another language.
const LANGUAGE_LINKS = "a.md-select__link[hreflang]";

function prefersReducedMotion() {
  return matchMedia("(prefers-reduced-motion: reduce)").matches;
}

class CalculatorWidget {
  constructor(form, python) {
    this.form = form;
    this.id = form.dataset.calculator;
    this.root = form.closest(".calc");
    this.messages = JSON.parse(this.root.querySelector("script[data-calc-messages]").textContent);
    this.declaration = JSON.parse(this.root.querySelector("script[data-calc-declaration]").textContent);
    this.status = this.root.querySelector("[data-calc-status]");
    this.progress = this.root.querySelector("[data-calc-progress]");
    this.resultArea = this.root.querySelector("[data-calc-result]");
    this.python = python;
    this.stage = "";
    // One request in flight at a time: values changed meanwhile are sent when it is answered,
    // so a fast typist never queues a backlog of stale calculations.
    this.inFlight = 0;
    this.inFlightFragment = "";
    this.changedMeanwhile = false;
    this.summaryLines = [];
    this.lastResult = null;
    this.calculatedAt = null;
    // Set by a submit (Enter, the button): if the answer is an error, focus goes to the first
    // field in error, so a screen reader reads that field and its message (aria-describedby).
    this.focusErrors = false;
    // Errors show for the fields the reader has left, or for all once a result was asked for.
    this.left = new Set();
    this.submitted = false;
    // A result asked for ("submit": Calculate or Enter; "link": a shared link) is brought into
    // view once it arrives.
    this.scrollPending = "";
    this.queued = false;
    // Unit selectors: which number each one qualifies, and the unit it showed last.
    this.unitOwner = {};
    for (const [name, spec] of Object.entries(this.declaration.units)) this.unitOwner[spec.selector] = name;
    this.previousUnit = new Map();
    // Per number: the value as first typed, while the reader only changes its unit, so that
    // stepping through several units never adds up rounding (see convertUnit).
    this.conversions = new Map();
  }

  text(key, params = {}) {
    return formatMessage(this.messages, { key, params });
  }

  setStatus(key, state) {
    this.status.textContent = this.text(key) + (this.queued && state !== "ready" && state !== "failed" ? ` ${this.text("ui.status_queued")}` : "");
    this.status.dataset.state = state;
  }

  showStage(stage) {
    this.stage = stage;
    if (stage === "ready" || stage === "failed") this.queued = false;
    this.setStatus(STATUS_KEYS[stage], stage);
    const step = STAGES.indexOf(stage);
    this.progress.max = STAGES.length;
    this.progress.hidden = step < 0 || stage === "ready";
    if (step >= 0) this.progress.value = step + 1;
    if (stage === "failed") {
      // The reader must now work by hand: unfold the sections that hold the rules.
      for (const section of document.querySelectorAll("details.calc-explanation")) {
        if (section.querySelector("table")) section.open = true;
      }
    }
  }

  values() {
    const values = {};
    for (const element of this.form.elements) {
      if (!element.name) continue;
      if (element.type === "radio" && !element.checked) continue;
      values[element.name] = element.value;
    }
    return values;
  }

  fragment() {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(this.values())) {
      if (value !== "") params.set(name, value);
    }
    return params.toString();
  }

  fillFromFragment() {
    const fragment = new URLSearchParams(location.hash.slice(1));
    const names = new Set([...this.form.elements].map((element) => element.name).filter(Boolean));
    if (![...fragment.keys()].some((name) => names.has(name))) return false;
    for (const element of this.form.elements) {
      if (!element.name) continue;
      const value = fragment.get(element.name);
      // An answer the link leaves out takes the form's default, as if the form were fresh.
      if (element.type === "radio") element.checked = value !== null ? element.value === value : element.defaultChecked;
      else if (element.tagName === "SELECT") element.value = value ?? element.querySelector("option[selected]")?.value ?? element.options[0]?.value ?? "";
      else element.value = value ?? "";
    }
    this.rememberUnits();
    this.conversions.clear();
    for (const note of this.root.querySelectorAll("[data-converted-for]")) note.textContent = "";
    // A link with inputs is a result asked for: every error shows, and the result comes into view.
    this.submitted = true;
    this.scrollPending = "link";
    return true;
  }

  writeFragment() {
    // replaceState: no history entry per keystroke, and the fragment never leaves the browser.
    history.replaceState(null, "", `${location.pathname}${location.search}#${this.fragment()}`);
    keepFragmentOnLanguageSwitch();
  }

  rememberUnits() {
    for (const selector of Object.keys(this.unitOwner)) {
      const element = this.form.elements.namedItem(selector);
      if (element) this.previousUnit.set(selector, element.value);
    }
  }

  // The unit selector `select` changed: convert its number to the new unit rather than let the
  // same digits mean something else. Runs before the form's own listeners (capture phase), so
  // the calculation that follows already sees the converted value.
  convertUnit(select) {
    const name = this.unitOwner[select.name];
    const before = this.previousUnit.get(select.name);
    const after = select.value;
    if (before === after) return;
    this.previousUnit.set(select.name, after);
    const field = this.form.elements.namedItem(name);
    const note = this.root.querySelector(`[data-converted-for="${CSS.escape(name)}"]`);
    note.textContent = "";
    // No unit before (a selector with no default) or none now: nothing to convert from or to.
    if (!before || !after || field.value.trim() === "") return;
    const units = this.declaration.units[name];
    const typed = parseTyped(field.value);
    if (typed === null) {
      field.value = "";
      this.conversions.delete(name);
      note.textContent = this.text("ui.conversion_cleared", { unit: after });
      return;
    }
    const kept = this.conversions.get(name);
    const origin = kept && kept.written === field.value ? kept.origin : { ...typed, factor: units.units[before].factor };
    const converted = convertValue(origin, units.units[after].factor, { integer: units.integer });
    const written = writeLikeReader(converted.value, converted.decimals, origin.separator, decimalSign(this.messages));
    field.value = written;
    this.conversions.set(name, { written, origin });
    const unitText = (unit) => this.messages[`unit.${unit}`] ?? unit;
    note.textContent = this.text("ui.converted", {
      from: `${formatNumber(typed.value, this.messages, typed.decimals)} ${unitText(before)}`,
      to: `${formatNumber(converted.value, this.messages, converted.decimals)} ${unitText(after)}`,
    });
  }

  request() {
    this.root.dataset.state = "pending";
    if (this.inFlight) {
      this.changedMeanwhile = true;
      return;
    }
    this.changedMeanwhile = false;
    this.inFlightFragment = this.fragment();
    this.inFlight = this.python.request(this.root, { calculator: this.id, inputs: this.values() });
  }

  receive(id, answer) {
    if (id !== this.inFlight) return;
    this.inFlight = 0;
    if (answer.result && this.changedMeanwhile) {
      // The form changed while this was computed: the answer to what it holds now follows at
      // once, and only that one is shown (no flash of a stale number or of passing errors).
    } else if (answer.result) {
      if (this.status.dataset.state === "error") this.setStatus("ui.status_ready", "ready");
      this.calculatedAt = new Date();
      this.render(answer.result);
      this.root.dataset.rendered = this.inFlightFragment;
    } else {
      // The worker could not finish this calculation (see python-worker.mjs).
      this.setStatus("ui.status_calculation_failed", "error");
    }
    if (this.changedMeanwhile) this.request();
    else this.root.dataset.state = answer.result ? "done" : "error";
  }

  clearMessages() {
    for (const element of this.root.querySelectorAll("[data-error-for]")) {
      element.hidden = true;
      element.textContent = "";
      delete element.dataset.errorKey;
    }
    for (const field of this.form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
    this.root.querySelector("[data-calc-copied]").textContent = "";
  }

  // Whether the error of input `name` may show yet.
  errorShown(name) {
    if (name === "_form" || this.submitted || this.left.has(name)) return true;
    const owner = this.unitOwner[name];
    return owner !== undefined && this.left.has(owner);
  }

  showErrors(errors) {
    this.clearMessages();
    let hidden = 0;
    for (const [name, message] of Object.entries(errors)) {
      if (!this.errorShown(name)) {
        hidden += 1;
        continue;
      }
      const target = this.root.querySelector(`[data-error-for="${CSS.escape(name)}"]`) ?? this.root.querySelector('[data-error-for="_form"]');
      target.textContent = formatMessage(this.messages, message);
      target.dataset.errorKey = message.key;
      target.hidden = false;
      for (const field of this.form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) field.setAttribute("aria-invalid", "true");
    }
    // Some answer is missing or wrong, but the reader has not got to it yet: say why there is
    // no result, without marking fields they have not reached.
    this.root.querySelector("[data-calc-incomplete]").hidden = hidden === 0;
  }

  render(result) {
    this.lastResult = result;
    const outputs = this.root.querySelectorAll("[data-output]");
    for (const output of outputs) {
      output.dataset.value = "";
      output.replaceChildren();
    }
    if (!result.ok) {
      this.root.querySelector("[data-calc-warnings]").replaceChildren();
      this.resultArea.hidden = true;
      delete this.root.dataset.result;
      this.summaryLines = [];
      this.showErrors(result.errors);
      if (this.focusErrors) this.form.querySelector('[aria-invalid="true"]')?.focus();
      this.focusErrors = false;
      this.scrollPending = "";
      return;
    }
    this.showErrors({});
    const lines = [];
    for (const output of outputs) {
      const name = output.dataset.output;
      const value = result.outputs[name];
      const row = output.closest("[data-output-row]");
      const label = row.querySelector("dt").textContent;
      row.hidden = value === undefined || value === null;
      if (row.hidden) continue;
      output.dataset.value = typeof value === "object" ? JSON.stringify(value) : String(value);
      if (typeof value === "object") {
        const { element, lines: blockLines } = renderBlock(output, value, this.messages);
        output.append(element);
        if (output.dataset.kind === "cycles") output.append(this.calendarButton(value));
        lines.push([`${label}:`, ...blockLines]);
      } else {
        const text = displayScalar(output, value, this.messages);
        output.textContent = text;
        lines.push([`${label}: ${text}`]);
      }
    }
    const warnings = result.warnings.map((warning) => formatMessage(this.messages, warning));
    this.root.querySelector("[data-calc-warnings]").replaceChildren(
      ...warnings.map((text, index) => {
        const item = document.createElement("li");
        item.textContent = text;
        item.dataset.warningKey = result.warnings[index].key;
        return item;
      }),
    );
    const next = this.showNextSteps(result.band);
    const note = this.root.querySelector("[data-calc-note]")?.textContent;
    // The text copy follows the page: the primary output, its warnings, next steps and note,
    // then the other outputs.
    const [primary = [], ...details] = lines;
    this.summaryLines = [...primary, ...warnings.map((text) => `! ${text}`), ...(next ? [next] : []), ...(note ? [note] : []), ...details.flat()];
    this.fillRecord();
    this.resultArea.hidden = false;
    this.root.dataset.result = "shown";
    this.focusErrors = false;
    if (this.scrollPending) this.bringResultIntoView();
  }

  // The band's next steps, when the translators wrote some (bands.<key>.next).
  // The band is Python's answer (evaluate(...).band), never a guess of the page's.
  showNextSteps(band) {
    const element = this.root.querySelector("[data-calc-next]");
    const text = band ? this.messages[`bands.${band}.next`] : undefined;
    element.dataset.band = band ?? "";
    element.hidden = !text;
    if (!text) {
      element.replaceChildren();
      return "";
    }
    const label = document.createElement("strong");
    label.textContent = this.text("ui.next_steps");
    element.replaceChildren(label, ` ${text}`);
    return `${this.text("ui.next_steps")} ${text}`;
  }

  // The printed record: the inputs as entered, the permalink and when it was calculated.
  fillRecord() {
    const list = this.root.querySelector("[data-calc-record-inputs]");
    list.replaceChildren(
      ...this.enteredInputs().map(([label, value]) => {
        const row = document.createElement("div");
        const term = document.createElement("dt");
        const description = document.createElement("dd");
        term.textContent = label;
        description.textContent = value;
        row.append(term, description);
        return row;
      }),
    );
    this.root.querySelector("[data-calc-permalink]").textContent = location.href;
    this.root.querySelector("[data-calc-time]").textContent = this.calculationTime();
  }

  calculationTime() {
    return this.text("ui.calculated_at", localDateTime(this.calculatedAt ?? new Date(), this.messages));
  }

  bringResultIntoView() {
    this.scrollPending = "";
    const box = this.resultArea.getBoundingClientRect();
    const primary = this.resultArea.querySelector(".calc-primary").getBoundingClientRect();
    if (box.top >= 0 && primary.bottom <= innerHeight) return; // already in view
    this.resultArea.scrollIntoView({ behavior: prefersReducedMotion() ? "auto" : "smooth", block: "start" });
  }

  calendarButton(cycles) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.dataset.calcIcs = "";
    button.textContent = this.text("ui.download_ics");
    button.addEventListener("click", () => {
      const title = this.messages.title ?? this.id;
      const blob = new Blob([icsCalendar(cycles, title, language)], { type: "text/calendar" });
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `${this.id}.ics`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    });
    return button;
  }

  // The inputs as the reader entered them: [label, value with its unit], in the form's order.
  enteredInputs() {
    const inputs = [];
    for (const field of this.form.querySelectorAll("[data-field]")) {
      const label = field.querySelector("label, legend")?.textContent ?? field.dataset.field;
      const shown = [];
      for (const element of field.querySelectorAll("input, select")) {
        if (element.type === "radio") {
          if (element.checked) shown.push(element.parentElement.textContent.trim());
        } else if (element.tagName === "SELECT") {
          if (element.value !== "") shown.push(element.selectedOptions[0].textContent);
        } else if (element.value !== "") {
          shown.push(element.value);
        }
      }
      // A unit alone, beside a number left blank, says nothing.
      if (field.querySelector('input[type="text"]')?.value === "") continue;
      const unit = field.querySelector(".calc-unit")?.textContent;
      if (shown.length) inputs.push([label, `${shown.join(" ")}${unit ? " " + unit : ""}`]);
    }
    return inputs;
  }

  // A plain-text summary a clinician can paste into notes: the inputs as entered, the result,
  // the warnings, and where and when it came from.
  summary() {
    const title = this.messages.title ?? this.id;
    const inputs = this.enteredInputs().map(([label, value]) => `${label}: ${value}`);
    return [title, this.calculationTime(), "", ...inputs, "", ...this.summaryLines, "", location.href, document.title, this.text("ui.disclaimer")].join("\n");
  }

  async copySummary() {
    const text = this.summary();
    const note = this.root.querySelector("[data-calc-copied]");
    try {
      await navigator.clipboard.writeText(text);
    } catch (error) {
      const area = document.createElement("textarea");
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    note.textContent = this.text("ui.copied");
  }

  bind() {
    let typing = 0;
    this.rememberUnits();
    // Capture phase: a unit selector's conversion happens before the form's listeners below
    // read the values (a select fires "input" before "change"; whichever comes first converts).
    const unitChanged = (event) => {
      if (event.target.name in this.unitOwner) this.convertUnit(event.target);
    };
    this.form.addEventListener("input", unitChanged, { capture: true });
    this.form.addEventListener("change", unitChanged, { capture: true });
    const changed = (event) => {
      this.form.dataset.touched = "1";
      if (event.type === "change" && event.target.name) this.left.add(event.target.name);
      if (event.type === "input" && event.target.type === "text") {
        // The reader is editing the number again: an earlier conversion note no longer applies.
        const note = this.root.querySelector(`[data-converted-for="${CSS.escape(event.target.name)}"]`);
        if (note) note.textContent = "";
      }
      this.writeFragment();
      clearTimeout(typing);
      // Text being typed waits for a short pause, so a half-typed value does not flash an
      // error; a choice, a date or a committed text (Enter, leaving the field) goes at once.
      if (event.type === "input" && event.target.type === "text") typing = setTimeout(() => this.request(), 120);
      else this.request();
    };
    this.form.addEventListener("input", changed);
    this.form.addEventListener("change", changed);
    // Leaving a field is when its error may show (the last answer's errors are shown again).
    this.form.addEventListener("focusout", (event) => {
      const name = event.target.name;
      if (!name || this.left.has(name)) return;
      this.left.add(name);
      if (this.lastResult && !this.lastResult.ok) this.showErrors(this.lastResult.errors);
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(typing);
      this.focusErrors = true;
      this.submitted = true;
      this.scrollPending = "submit";
      if (this.stage !== "ready") {
        // Python is still loading: say that the result will come by itself.
        this.queued = true;
        if (this.stage) this.showStage(this.stage);
      }
      this.writeFragment();
      this.request();
    });
    // A reader who starts filling in the form should not wait for the page to become idle, and
    // a link's result should not pull the page away from a reader already at work.
    this.form.addEventListener("focusin", () => this.python.start(), { once: true });
    for (const type of ["pointerdown", "keydown"]) {
      this.form.addEventListener(type, () => {
        if (this.scrollPending === "link") this.scrollPending = "";
      });
    }
    this.root.querySelector("[data-calc-copy]").addEventListener("click", () => this.copySummary());
    // A link pasted into this tab (or the back button) changes only the fragment: follow it.
    window.addEventListener("hashchange", () => {
      keepFragmentOnLanguageSwitch();
      if (location.hash.slice(1) === this.fragment()) return;
      if (this.fillFromFragment()) this.request();
    });
  }
}

// The language switcher keeps what the reader is looking at: the calculator's inputs, or the
// section, both of which live in the URL fragment.
function keepFragmentOnLanguageSwitch() {
  for (const link of document.querySelectorAll(LANGUAGE_LINKS)) {
    if (link.dataset.page === undefined) {
      link.dataset.page = link.getAttribute("href");
      // The theme's own click handler on <body> rebuilds the address from its per-page
      // sitemaps and, without one, goes to the bare page: it would drop the fragment. The
      // link's own address (below) is the right one, so the click stops here.
      link.addEventListener("click", (event) => event.stopPropagation());
    }
    const target = new URL(link.dataset.page, location.href);
    target.hash = location.hash;
    link.href = target.href;
  }
}

function whenIdle(callback) {
  if ("requestIdleCallback" in window) requestIdleCallback(callback, { timeout: IDLE_START_TIMEOUT_MS });
  else setTimeout(callback, 200);
}

function showUpdateNotice(widget, reload) {
  if (document.querySelector("[data-calc-update]")) return;
  const notice = document.createElement("p");
  notice.className = "calc-update";
  notice.dataset.calcUpdate = "";
  notice.setAttribute("role", "status");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button";
  button.textContent = widget.text("ui.update_reload");
  button.addEventListener("click", reload);
  notice.append(widget.text("ui.update_ready"), " ", button);
  widget.status.after(notice);
}

function main() {
  const widgets = [];
  let stage = ""; // the runtime's latest stage, for widgets bound after it was reported
  let offlineStarted = false;
  listen({
    onStage: (reported) => {
      stage = reported;
      for (const widget of widgets) widget.showStage(stage);
      if (stage !== "ready" || offlineStarted) return;
      offlineStarted = true;
      whenIdle(() =>
        keepOffline({
          serviceWorker,
          language,
          onOfflineReady: (release) => {
            document.documentElement.dataset.offline = "ready";
            document.documentElement.dataset.release = release;
          },
          onUpdateWaiting: (reload) => showUpdateNotice(widgets[0], reload),
        }),
      );
    },
    onAnswer: (root, id, answer) => widgets.find((widget) => widget.root === root)?.receive(id, answer),
  });

  // This module may run before the page is fully parsed (an async script): bind the forms there
  // are now, and any later one once parsing is done.
  const bindForms = () => {
    keepFragmentOnLanguageSwitch();
    const bound = new Set(widgets.map((widget) => widget.form));
    for (const form of document.querySelectorAll("form[data-calculator]")) {
      if (bound.has(form)) continue;
      const widget = new CalculatorWidget(form, python);
      widgets.push(widget);
      if (stage) widget.showStage(stage);
      const filled = widget.fillFromFragment();
      widget.bind();
      // A shared link shows its result as soon as possible; an untouched empty form stays
      // quiet and lets the page finish loading first.
      if (filled && typeof WebAssembly === "object") widget.request();
    }
  };
  bindForms();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", bindForms, { once: true });
  if (widgets.length === 0 && document.readyState !== "loading") return;

  if (typeof WebAssembly !== "object") python.start(); // fails at once, and says so
  else if (!python.started) whenIdle(() => python.start());
}

main();
