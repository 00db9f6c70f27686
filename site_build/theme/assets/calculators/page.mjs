// Binds every generated calculator form on the page to the Python worker.
// - the form is usable at once; results appear as soon as the runtime is ready;
// - inputs live only in the URL fragment (#weight=70&days=5): shareable, never sent to a server;
// - a field error is shown next to its field, and then no number is shown anywhere.
// The root element's data-state ("pending", "done") and data-rendered (the fragment of the
// inputs the shown result belongs to) let people and tests know which result is on screen.
import { formatMessage } from "./format.mjs";
import { displayScalar, icsCalendar, renderBlock } from "./render.mjs";

const language = document.documentElement.lang || "en";
let lastRequestId = 0; // shared by every form on the page: they share one worker

function startWorker() {
  try {
    return new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
  } catch (error) {
    return null; // some browsers throw synchronously (no module workers): the status says so
  }
}

class CalculatorWidget {
  constructor(form, worker) {
    this.form = form;
    this.id = form.dataset.calculator;
    this.root = form.closest(".calc");
    this.messages = JSON.parse(this.root.querySelector("script[data-calc-messages]").textContent);
    this.status = this.root.querySelector("[data-calc-status]");
    this.resultArea = this.root.querySelector("[data-calc-result]");
    this.worker = worker;
    this.latestRequest = -1;
    this.latestFragment = "";
    this.summaryLines = [];
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
    if (!this.worker) return;
    const id = ++lastRequestId;
    this.latestRequest = id;
    this.latestFragment = this.fragment();
    this.root.dataset.state = "pending";
    this.worker.postMessage({ id, calculator: this.id, inputs: this.values() });
  }

  receive(id, result) {
    if (id !== this.latestRequest) return; // an older answer: the reader has typed since
    this.render(result);
    this.root.dataset.rendered = this.latestFragment;
    this.root.dataset.state = "done";
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
    let timer = 0;
    const changed = () => {
      this.form.dataset.touched = "1";
      this.writeFragment();
      clearTimeout(timer);
      timer = setTimeout(() => this.request(), 120);
    };
    this.form.addEventListener("input", changed);
    this.form.addEventListener("change", changed);
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.writeFragment();
      this.request();
    });
    this.root.querySelector("[data-calc-copy]").addEventListener("click", () => this.copySummary());
    // A link pasted into this tab (or the back button) changes only the fragment: follow it.
    window.addEventListener("hashchange", () => {
      if (location.hash.slice(1) === this.fragment()) return;
      if (this.fillFromFragment()) this.request();
    });
  }
}

function main() {
  const forms = document.querySelectorAll("form[data-calculator]");
  if (forms.length === 0) return;
  const worker = startWorker();
  const widgets = [...forms].map((form) => new CalculatorWidget(form, worker));
  const filled = widgets.map((widget) => widget.fillFromFragment());
  widgets.forEach((widget) => widget.bind());
  const fail = () => widgets.forEach((widget) => widget.setStatus("ui.status_failed", "failed"));
  if (!worker) return fail();
  worker.addEventListener("error", fail);
  worker.addEventListener("message", (event) => {
    const data = event.data;
    if (data.type === "ready") {
      widgets.forEach((widget, index) => {
        widget.setStatus("ui.status_ready", "ready");
        // A shared link shows its result at once; an untouched empty form stays quiet.
        if (filled[index] || widget.form.dataset.touched) widget.request();
      });
    } else if (data.type === "failed") {
      fail();
    } else if (data.result) {
      widgets.forEach((widget) => widget.receive(data.id, data.result));
    }
  });
}

main();
