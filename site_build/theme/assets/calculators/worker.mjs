// Runs Python in a Web Worker so that booting the runtime never freezes the page.
// Protocol: the page posts {id, calculator, inputs}; the worker answers {id, result} or
// {id, error}. Before anything else it posts {type: "ready"} or {type: "failed", reason}.
import { pyodideIndex, wheel } from "./config.mjs";

const here = new URL(".", import.meta.url);

async function boot() {
  const { loadPyodide } = await import(new URL(pyodideIndex + "pyodide.mjs", here).href);
  const pyodide = await loadPyodide({ indexURL: new URL(pyodideIndex, here).href });
  await pyodide.loadPackage(new URL(wheel, here).href);
  // One Python function from JSON text to JSON text: no proxies cross the boundary.
  return pyodide.runPython(
    "import json, calculators\n" +
    "lambda calculator_id, text: json.dumps(calculators.evaluate(calculator_id, json.loads(text)))"
  );
}

const ready = boot();

ready.then(
  () => postMessage({ type: "ready" }),
  (error) => postMessage({ type: "failed", reason: String(error && error.message || error) }),
);

self.onmessage = async (event) => {
  const { id, calculator, inputs } = event.data;
  try {
    const evaluate = await ready;
    postMessage({ id, result: JSON.parse(evaluate(calculator, JSON.stringify(inputs))) });
  } catch (error) {
    postMessage({ id, error: String(error && error.message || error) });
  }
};
