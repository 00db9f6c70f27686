// Depth (b): evaluate test inputs inside the real Pyodide runtime under Node, no browser.
// Usage: node run_vectors.mjs <calculators wheel> <cases.json>
// cases.json: [{"key": ..., "calculator": ..., "inputs": {...}}, ...]
// Prints one JSON object {"python": <version>, "results": {key: evaluate result}}.
// Judging the results is left to pytest, so every depth shares one comparison.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [wheelPath, casesPath] = process.argv.slice(2);
// stdout stays clean for the JSON answer; Pyodide's own messages go to stderr.
const pyodide = await loadPyodide({ stdout: (text) => process.stderr.write(text + "\n") });
// Install the very wheel the site ships, by unpacking it into site-packages.
pyodide.unpackArchive(new Uint8Array(await readFile(wheelPath)), "wheel");
const evaluate = pyodide.runPython(
  "import json, calculators\n" +
  "lambda calculator_id, text: json.dumps(calculators.evaluate(calculator_id, json.loads(text)))",
);
const cases = JSON.parse(await readFile(casesPath, "utf8"));
const results = {};
for (const testCase of cases) {
  results[testCase.key] = JSON.parse(evaluate(testCase.calculator, JSON.stringify(testCase.inputs)));
}
const version = pyodide.runPython("import sys; sys.version.split()[0]");
process.stdout.write(JSON.stringify({ python: version, results }));
