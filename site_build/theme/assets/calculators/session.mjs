// The page's one Python session: a PythonWorker (python-worker.mjs) shared by every calculator
// on the page. Calculator pages load this module twice, and a module runs once:
// - from <head>, async (site_build.runtime.start_early): a link with inputs in its fragment
//   starts the runtime at once, before the theme's script and the page's first layout take the
//   main thread (several hundred milliseconds on a slow machine);
// - through page.mjs, which binds the forms to it and shows its stages.
import { PythonWorker } from "./python-worker.mjs";

const stageListeners = new Set();
const answerListeners = new Set();
let lastStage = null;

export const python = new PythonWorker({
  create: () => {
    // No WebAssembly (some locked-down browsers): fail at once rather than download anything.
    if (typeof WebAssembly !== "object") throw new Error("WebAssembly is not available");
    // May throw too, in a browser without module workers.
    return new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
  },
  onStage: (stage, detail) => {
    lastStage = [stage, detail];
    for (const listener of stageListeners) listener(stage, detail);
  },
  onAnswer: (key, id, answer) => {
    for (const listener of answerListeners) listener(key, id, answer);
  },
});

// onStage hears the stage reached so far at once, then every later one.
export function listen({ onStage, onAnswer }) {
  stageListeners.add(onStage);
  answerListeners.add(onAnswer);
  if (lastStage) onStage(...lastStage);
}

if (location.hash.length > 1) python.start();
