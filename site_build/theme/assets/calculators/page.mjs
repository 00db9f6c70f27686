// Binds every generated calculator form on the page to the Python worker.
// - the form is usable at once; the runtime starts when the page is idle (at once for a link
//   with inputs in its fragment, or as soon as the reader touches a form), its progress shows in
//   the status line, and a result appears the moment it is ready;
// - if it cannot start, the status line says so and points to the rules on the page;
// - inputs live only in the URL fragment (#weight=70&days=5): shareable, never sent to a server;
// - a field error is shown next to its field, and then no number is shown anywhere.
// The root element's data-state ("pending", "done") and data-rendered (the fragment of the
// inputs the shown result belongs to) let people and tests know which result is on screen; the
// status line's data-state is the runtime's stage ("downloading", "starting", "ready", "failed").
import { serviceWorker } from "./config.mjs";
import { formatMessage } from "./format.mjs";
import { keepOffline } from "./offline.mjs";
import { displayScalar, icsCalendar, renderBlock } from "./render.mjs";
import { listen, python } from "./session.mjs";

const language = document.documentElement.lang || "en";

// How long the runtime may wait for an idle moment before it starts anyway.
const IDLE_START_TIMEOUT_MS = 2000;

const STATUS_KEYS = {
  downloading: "ui.status_downloading",
  starting: "ui.status_starting",
  ready: "ui.status_ready",
  failed: "ui.status_failed",
};

class CalculatorWidget {
  constructor(form, python) {
    this.form = form;
    this.id = form.dataset.calculator;
    this.root = form.closest(".calc");
    this.messages = JSON.parse(this.root.querySelector("script[data-calc-messages]").textContent);
    this.status = this.root.querySelector("[data-calc-status]");
    this.resultArea = this.root.querySelector("[data-calc-result]");
    this.python = python;
    // One request in flight at a time: values changed meanwhile are sent when it is answered,
    // so a fast typist never queues a backlog of stale calculations.
    this.inFlight = 0;
    this.inFlightFragment = "";
    this.changedMeanwhile = false;
    this.summaryLines = [];
    // Set by a submit (Enter, the button): if the answer is an error, focus goes to the first
    // field in error, so a screen reader reads that field and its message (aria-describedby).
    this.focusErrors = false;
  }

  text(key, params = {}) {
    return formatMessage(this.messages, { key, params }, language);
  }

  setStatus(key, state) {
    this.status.textContent = this.text(key);
    this.status.dataset.state = state;
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
      if (element.type === "radio") element.checked = value !== null && element.value === value;
      else if (element.tagName === "SELECT") element.value = value ?? element.querySelector("option[selected]")?.value ?? element.options[0]?.value ?? "";
      else element.value = value ?? "";
    }
    return true;
  }

  writeFragment() {
    // replaceState: no history entry per keystroke, and the fragment never leaves the browser.
    history.replaceState(null, "", `${location.pathname}${location.search}#${this.fragment()}`);
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
    if (answer.result) {
      if (this.status.dataset.state === "error") this.setStatus("ui.status_ready", "ready");
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

  render(result) {
    this.clearMessages();
    const outputs = this.root.querySelectorAll("[data-output]");
    for (const output of outputs) {
      output.dataset.value = "";
      output.replaceChildren();
    }
    if (!result.ok) {
      this.root.querySelector("[data-calc-warnings]").replaceChildren();
      this.resultArea.hidden = true;
      this.summaryLines = [];
      for (const [name, message] of Object.entries(result.errors)) {
        const target = this.root.querySelector(`[data-error-for="${CSS.escape(name)}"]`) ?? this.root.querySelector('[data-error-for="_form"]');
        target.textContent = formatMessage(this.messages, message, language);
        target.dataset.errorKey = message.key;
        target.hidden = false;
        for (const field of this.form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) field.setAttribute("aria-invalid", "true");
      }
      if (this.focusErrors) this.form.querySelector('[aria-invalid="true"]')?.focus();
      this.focusErrors = false;
      return;
    }
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
        const { element, lines: blockLines } = renderBlock(output, value, this.messages, language);
        output.append(element);
        if (output.dataset.kind === "cycles") output.append(this.calendarButton(value));
        lines.push(`${label}:`, ...blockLines);
      } else {
        const text = displayScalar(output, value, this.messages, language);
        output.textContent = text;
        lines.push(`${label}: ${text}`);
      }
    }
    const warnings = result.warnings.map((warning) => formatMessage(this.messages, warning, language));
    this.root.querySelector("[data-calc-warnings]").replaceChildren(
      ...warnings.map((text, index) => {
        const item = document.createElement("li");
        item.textContent = text;
        item.dataset.warningKey = result.warnings[index].key;
        return item;
      }),
    );
    this.summaryLines = [...lines, ...warnings.map((text) => `! ${text}`)];
    this.resultArea.hidden = false;
    this.focusErrors = false;
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

  // A plain-text summary a clinician can paste into notes: the inputs as entered, the result,
  // the warnings, and where it came from.
  summary() {
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
      const unit = field.querySelector(".calc-unit")?.textContent;
      if (shown.length) inputs.push(`${label}: ${shown.join(" ")}${unit ? " " + unit : ""}`);
    }
    const title = this.messages.title ?? this.id;
    return [title, new Date().toISOString().slice(0, 10), "", ...inputs, "", ...this.summaryLines, "", document.title, this.text("ui.disclaimer")].join("\n");
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
    const changed = (event) => {
      this.form.dataset.touched = "1";
      this.writeFragment();
      clearTimeout(typing);
      // Text being typed waits for a short pause, so a half-typed value does not flash an
      // error; a choice, a date or a committed text (Enter, leaving the field) goes at once.
      if (event.type === "input" && event.target.type === "text") typing = setTimeout(() => this.request(), 120);
      else this.request();
    };
    this.form.addEventListener("input", changed);
    this.form.addEventListener("change", changed);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(typing);
      this.focusErrors = true;
      this.writeFragment();
      this.request();
    });
    // A reader who starts filling in the form should not wait for the page to become idle.
    this.form.addEventListener("focusin", () => this.python.start(), { once: true });
    this.root.querySelector("[data-calc-copy]").addEventListener("click", () => this.copySummary());
    // A link pasted into this tab (or the back button) changes only the fragment: follow it.
    window.addEventListener("hashchange", () => {
      if (location.hash.slice(1) === this.fragment()) return;
      if (this.fillFromFragment()) this.request();
    });
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
      for (const widget of widgets) widget.setStatus(STATUS_KEYS[stage], stage);
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
    const bound = new Set(widgets.map((widget) => widget.form));
    for (const form of document.querySelectorAll("form[data-calculator]")) {
      if (bound.has(form)) continue;
      const widget = new CalculatorWidget(form, python);
      widgets.push(widget);
      if (stage) widget.setStatus(STATUS_KEYS[stage], stage);
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
