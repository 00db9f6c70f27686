// Starts, watches and, when it hangs, replaces the Web Worker that runs Python (worker.mjs).
// One per page, shared by every calculator on it. No DOM here: the page decides what to show.
//
// - Boot: the worker reports its stages; if it is not ready after BOOT_TIMEOUT_MS the page is
//   told "failed" (no endless "loading"), and still switches to "ready" should it get there.
// - Requests: each calculator (a "key") has at most one request that matters, its latest; an
//   answer to an older one is dropped. Sent before the runtime is ready, a request waits in the
//   worker and is answered the moment it is.
// - Watchdog: once ready, if the worker answers nothing for ANSWER_TIMEOUT_MS while a request
//   waits, it is stuck (a calculation that never ends, a crashed runtime): it is terminated, a
//   new one started, and the waiting requests sent again. A request that hangs a second worker
//   too is answered {error: "stuck"} instead of being sent to a third.
// - Timeline: the worker's boot steps and downloads become User Timing marks on the page
//   ("calc:<step>", "calc:download:<file>"), with the page's own "calc:worker-created": a
//   performance profile, and the benchmark (tests/bench.py), can see where a boot's time went.

export const BOOT_TIMEOUT_MS = 45_000;
export const ANSWER_TIMEOUT_MS = 5_000;

export class PythonWorker {
  constructor({ create, onStage, onAnswer, bootTimeoutMs = BOOT_TIMEOUT_MS, answerTimeoutMs = ANSWER_TIMEOUT_MS, timers = globalThis }) {
    this.create = create; // () => a Worker (may throw: no module workers)
    this.onStage = onStage; // (stage, detail): "downloading", "starting", "ready", "failed"
    this.onAnswer = onAnswer; // (key, id, {result} or {error})
    this.bootTimeoutMs = bootTimeoutMs;
    this.answerTimeoutMs = answerTimeoutMs;
    this.timers = timers;
    this.worker = null;
    this.state = "idle"; // idle, booting, ready, failed
    this.pending = new Map(); // key -> {id, message, hangs}
    this.lastId = 0;
    this.replacements = 0;
    this.bootTimer = 0;
    this.watchdog = 0;
  }

  get started() {
    return this.state !== "idle";
  }

  // Idempotent: the page calls it when idle, or at once when a request cannot wait.
  start() {
    if (this.started) return;
    this.spawn();
  }

  request(key, message) {
    const id = ++this.lastId;
    const entry = { id, message: { ...message, id }, hangs: 0 };
    this.pending.set(key, entry);
    if (!this.started) this.start();
    else if (this.worker) this.worker.postMessage(entry.message);
    this.armWatchdog();
    return id;
  }

  spawn() {
    this.state = "booting";
    mark("worker-created", performanceNow());
    this.onStage("downloading");
    try {
      this.worker = this.create();
    } catch (error) {
      this.worker = null;
      return this.fail(error);
    }
    this.worker.addEventListener("message", (event) => this.receive(event.data));
    this.worker.addEventListener("error", (event) => this.crashed(event));
    this.bootTimer = this.timers.setTimeout(() => this.fail(new Error("boot timeout"), { keep: true }), this.bootTimeoutMs);
    for (const entry of this.pending.values()) this.worker.postMessage(entry.message);
  }

  receive(data) {
    if (data.type === "stage") {
      if (this.state === "booting") this.onStage(data.stage);
    } else if (data.type === "ready") {
      this.timers.clearTimeout(this.bootTimer);
      this.state = "ready";
      this.onStage("ready");
      this.armWatchdog();
    } else if (data.type === "mark") {
      mark(data.name, data.time - timeOrigin());
    } else if (data.type === "downloads") {
      for (const entry of data.entries) mark(`download:${entry.name.split("/").pop()}`, entry.end - timeOrigin(), entry);
    } else if (data.type === "failed") {
      this.fail(new Error(data.reason));
    } else if ("id" in data) {
      this.disarmWatchdog(); // any answer shows the worker is alive
      for (const [key, entry] of this.pending) {
        if (entry.id !== data.id) continue;
        this.pending.delete(key);
        this.onAnswer(key, data.id, data);
      }
      this.armWatchdog();
    }
  }

  // An error event before "ready": the script or the runtime could not load. After it: the
  // worker died under a request; a new one may do better.
  crashed(event) {
    if (this.state === "ready") this.replace();
    else this.fail(new Error(event.message || "worker error"));
  }

  // keep: a slow boot may yet finish; the page says "failed" meanwhile but keeps the worker.
  fail(error, { keep = false } = {}) {
    this.timers.clearTimeout(this.bootTimer);
    this.disarmWatchdog();
    if (!keep) {
      this.worker?.terminate();
      this.worker = null;
      this.state = "failed";
    }
    this.onStage("failed", String(error && error.message || error));
  }

  armWatchdog() {
    if (this.state !== "ready" || this.pending.size === 0 || this.watchdog) return;
    this.watchdog = this.timers.setTimeout(() => {
      this.watchdog = 0;
      this.replace();
    }, this.answerTimeoutMs);
  }

  disarmWatchdog() {
    this.timers.clearTimeout(this.watchdog);
    this.watchdog = 0;
  }

  replace() {
    this.disarmWatchdog();
    this.worker.terminate();
    this.worker = null;
    this.replacements += 1;
    for (const [key, entry] of this.pending) {
      entry.hangs += 1;
      if (entry.hangs < 2) continue;
      this.pending.delete(key);
      this.onAnswer(key, entry.id, { id: entry.id, error: "stuck" });
    }
    this.spawn();
  }
}

// User Timing, where there is one (not under Node's tests, where `performance` has no page).
const timeOrigin = () => globalThis.performance?.timeOrigin ?? 0;
const performanceNow = () => globalThis.performance?.now?.() ?? 0;
function mark(name, startTime, detail = null) {
  try {
    globalThis.performance?.mark?.(`calc:${name}`, { startTime: Math.max(0, startTime), detail });
  } catch (error) {
    // A mark is only for measuring: never let it break a boot.
  }
}
