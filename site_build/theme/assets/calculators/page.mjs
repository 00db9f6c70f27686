// Binds every generated calculator form on the page to the Python worker.
// - the form is usable at once; results appear as soon as the runtime is ready;
// - inputs live only in the URL fragment (#weight=70&days=5): shareable, never sent to a server;
// - a field error is shown next to its field and no number is shown anywhere.
import { formatMessage, formatNumber } from "./format.mjs";

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
    this.pending = new Map();
  }

  setStatus(key, state) {
    this.status.textContent = this.messages[key] ?? key;
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

  fillFromFragment() {
    const fragment = new URLSearchParams(location.hash.slice(1));
    let filled = false;
    for (const [name, value] of fragment) {
      const fields = this.form.querySelectorAll(`[name="${CSS.escape(name)}"]`);
      for (const field of fields) {
        if (field.type === "radio") field.checked = field.value === value;
        else field.value = value;
        filled = true;
      }
    }
    return filled;
  }

  writeFragment() {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(this.values())) {
      if (value !== "") params.set(name, value);
    }
    // replaceState: no history entry per keystroke, and the fragment never leaves the browser.
    history.replaceState(null, "", `${location.pathname}${location.search}#${params}`);
  }

  request() {
    if (!this.worker) return;
    const id = ++lastRequestId;
    this.latestRequest = id;
    this.worker.postMessage({ id, calculator: this.id, inputs: this.values() });
  }

  receive(id, result) {
    if (id !== this.latestRequest) return; // an older answer: the reader has typed since
    this.render(result);
  }

  render(result) {
    for (const element of this.root.querySelectorAll("[data-error-for]")) {
      element.hidden = true;
      element.textContent = "";
    }
    for (const field of this.form.querySelectorAll("[aria-invalid]")) field.removeAttribute("aria-invalid");
    const outputs = this.root.querySelectorAll("[data-output]");
    if (!result.ok) {
      for (const output of outputs) {
        output.dataset.value = "";
        output.textContent = "";
      }
      this.resultArea.hidden = true;
      for (const [name, message] of Object.entries(result.errors)) {
        const target = this.root.querySelector(`[data-error-for="${CSS.escape(name)}"]`) ?? this.root.querySelector('[data-error-for="_form"]');
        target.textContent = formatMessage(this.messages, message, language);
        target.hidden = false;
        for (const field of this.form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) field.setAttribute("aria-invalid", "true");
      }
      return;
    }
    for (const output of outputs) {
      const value = result.outputs[output.dataset.output];
      const row = output.closest("[data-output-row]");
      if (value === undefined || value === null) {
        output.dataset.value = "";
        output.textContent = "";
        if (row) row.hidden = true;
        continue;
      }
      if (row) row.hidden = false;
      output.dataset.value = typeof value === "object" ? JSON.stringify(value) : String(value);
      output.textContent = this.display(output, value);
    }
    const warnings = this.root.querySelector("[data-calc-warnings]");
    warnings.replaceChildren(
      ...result.warnings.map((warning) => {
        const item = document.createElement("li");
        item.textContent = formatMessage(this.messages, warning, language);
        return item;
      }),
    );
    this.resultArea.hidden = false;
  }

  display(output, value) {
    const decimals = Number(output.dataset.decimals || 1);
    switch (output.dataset.kind) {
      case "percent":
        return `${formatNumber(value, language, decimals)} %`;
      case "category":
        return this.messages[`outputs.${output.dataset.output}.values.${value}`] ?? String(value);
      case "number": {
        const unit = output.dataset.unit;
        return unit ? `${formatNumber(value, language, decimals)} ${unit}` : formatNumber(value, language, decimals);
      }
      default:
        return String(value);
    }
  }

  bind() {
    let timer = 0;
    const changed = () => {
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
  }
}

function main() {
  const forms = document.querySelectorAll("form[data-calculator]");
  if (forms.length === 0) return;
  const worker = startWorker();
  const widgets = [...forms].map((form) => new CalculatorWidget(form, worker));
  const filled = widgets.map((widget) => widget.fillFromFragment());
  widgets.forEach((widget) => widget.bind());
  if (!worker) {
    widgets.forEach((widget) => widget.setStatus("ui.status_failed", "failed"));
    return;
  }
  const fail = () => widgets.forEach((widget) => widget.setStatus("ui.status_failed", "failed"));
  worker.addEventListener("error", fail);
  worker.addEventListener("message", (event) => {
    const data = event.data;
    if (data.type === "ready") {
      widgets.forEach((widget, index) => {
        widget.setStatus("ui.status_ready", "ready");
        // A shared link shows its result at once; an untouched form stays quiet.
        if (filled[index] || widget.form.dataset.touched) widget.request();
      });
      return;
    }
    if (data.type === "failed") return fail();
    for (const widget of widgets) {
      if (data.result) widget.receive(data.id, data.result);
    }
  });
  for (const widget of widgets) widget.form.addEventListener("input", () => (widget.form.dataset.touched = "1"), { once: true });
}

main();
