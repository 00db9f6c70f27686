// Runs Python in a Web Worker so that booting the runtime never freezes the page.
// Protocol (see python-worker.mjs, which drives it):
// - the worker posts {type: "stage", stage} as it boots: "downloading" at once, "starting" once
//   the WebAssembly module is compiled and Python's file system exists, "loading" once Python
//   runs and the calculators are being installed and imported, then {type: "ready"}, or
//   {type: "failed", reason} if it cannot boot (no WebAssembly, a file that did not arrive);
// - the page posts {id, calculator, inputs}; the worker answers {id, result} or {id, error},
//   one request at a time, in order;
// - it also posts {type: "mark", name, time} at each step of its boot (time: milliseconds since
//   the epoch, so the page can place it on its own timeline), and once ready {type: "downloads",
//   entries} with when each file it fetched arrived: the page records both as User Timing marks
//   (python-worker.mjs), which the benchmark reads to say where a boot's time goes.
import { pyodideIndex, wheel } from "./config.mjs";

const here = new URL(".", import.meta.url);
const stage = (name) => postMessage({ type: "stage", stage: name });
const epoch = () => performance.timeOrigin + performance.now();
const mark = (name) => postMessage({ type: "mark", name, time: epoch() });
mark("worker-started");

// loadPyodide() never settles when its WebAssembly file does not arrive or does not compile (it
// logs a warning and waits): watch the runtime's downloads and compilation while it boots, so
// that such a failure is reported at once instead of after the page's boot timeout.
function watchBoot() {
  const originals = { fetch: self.fetch, instantiate: WebAssembly.instantiate, instantiateStreaming: WebAssembly.instantiateStreaming };
  let fail;
  const failure = new Promise((_, reject) => (fail = reject));
  const watched = (call) =>
    async function (...args) {
      try {
        const answer = await call.apply(this, args);
        if (answer instanceof Response && !answer.ok) fail(new Error(`${answer.url}: HTTP ${answer.status}`));
        return answer;
      } catch (error) {
        fail(error);
        throw error;
      }
    };
  self.fetch = watched(originals.fetch);
  WebAssembly.instantiate = watched(originals.instantiate);
  WebAssembly.instantiateStreaming = watched(originals.instantiateStreaming);
  const stop = () => {
    self.fetch = originals.fetch;
    WebAssembly.instantiate = originals.instantiate;
    WebAssembly.instantiateStreaming = originals.instantiateStreaming;
  };
  return { failure, stop };
}

async function boot() {
  stage("downloading");
  if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
  const watch = watchBoot();
  try {
    return await Promise.race([load(), watch.failure]);
  } finally {
    watch.stop();
  }
}

async function load() {
  // The wheel is small: fetch it alongside the runtime rather than after it.
  const wheelURL = new URL(wheel, here);
  const wheelBytes = fetch(wheelURL).then((response) => {
    if (!response.ok) throw new Error(`${wheelURL}: HTTP ${response.status}`);
    return response.arrayBuffer();
  });
  wheelBytes.catch(() => {}); // reported below, once the runtime is up
  const { loadPyodide } = await import(new URL(pyodideIndex + "pyodide.mjs", here).href);
  mark("runtime-imported");
  const pyodide = await loadPyodide({
    indexURL: new URL(pyodideIndex, here).href,
    // Called once the WebAssembly module is compiled and instantiated, before Python starts.
    fsInit: async () => {
      mark("wasm-instantiated");
      stage("starting");
    },
  });
  mark("python-started");
  stage("loading"); // Python is up: now the calculators themselves
  pyodide.unpackArchive(await wheelBytes, "wheel");
  mark("wheel-unpacked");
  // One Python function from JSON text to JSON text: no proxies cross the boundary.
  const evaluate = pyodide.runPython(
    "import importlib, json\n" +
    "importlib.invalidate_caches()\n" +
    "import calculators\n" +
    "lambda calculator_id, text: json.dumps(calculators.evaluate(calculator_id, json.loads(text)))"
  );
  mark("calculators-imported");
  return evaluate;
}

// When each file the boot fetched arrived (Resource Timing of this worker), on the epoch clock.
function downloads() {
  return performance.getEntriesByType("resource").map((entry) => ({
    name: entry.name,
    start: performance.timeOrigin + entry.startTime,
    end: performance.timeOrigin + entry.responseEnd,
    bytes: entry.transferSize,
  }));
}

const ready = boot();

ready.then(
  () => {
    postMessage({ type: "ready" });
    postMessage({ type: "downloads", entries: downloads() });
  },
  (error) => postMessage({ type: "failed", reason: String(error && error.message || error) }),
);

let answered = false;
self.onmessage = async (event) => {
  const { id, calculator, inputs } = event.data;
  try {
    const evaluate = await ready;
    const result = JSON.parse(evaluate(calculator, JSON.stringify(inputs)));
    if (!answered) mark("first-answer");
    answered = true;
    postMessage({ id, result });
  } catch (error) {
    postMessage({ id, error: String(error && error.message || error) });
  }
};
