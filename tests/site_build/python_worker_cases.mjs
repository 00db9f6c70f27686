// The worker's lifecycle in python-worker.mjs, under Node with a fake Worker and fake timers
// (run by test_node_cases.py): boot stages, failures, the watchdog and its limits.
import assert from "node:assert/strict";
import { test } from "node:test";

import { PythonWorker } from "../../site_build/theme/assets/calculators/python-worker.mjs";

class FakeTimers {
  constructor() {
    this.now = 0;
    this.next = 1;
    this.due = new Map();
  }
  setTimeout(callback, delay) {
    const id = this.next++;
    this.due.set(id, { at: this.now + delay, callback });
    return id;
  }
  clearTimeout(id) {
    this.due.delete(id);
  }
  advance(ms) {
    const until = this.now + ms;
    for (;;) {
      const [id, timer] = [...this.due].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (!timer) break;
      this.due.delete(id);
      this.now = timer.at;
      timer.callback();
    }
    this.now = until;
  }
}

class FakeWorker {
  constructor() {
    this.sent = [];
    this.listeners = { message: [], error: [] };
    this.terminated = false;
  }
  addEventListener(type, listener) {
    this.listeners[type].push(listener);
  }
  postMessage(message) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  emit(data) {
    for (const listener of this.listeners.message) listener({ data });
  }
  crash(message) {
    for (const listener of this.listeners.error) listener({ message });
  }
}

function setUp(options = {}) {
  const timers = new FakeTimers();
  const workers = [];
  const stages = [];
  const answers = [];
  const python = new PythonWorker({
    create: options.create ?? (() => workers[workers.push(new FakeWorker()) - 1]),
    onStage: (stage) => stages.push(stage),
    onAnswer: (key, id, answer) => answers.push({ key, id, answer }),
    bootTimeoutMs: 30_000,
    answerTimeoutMs: 5_000,
    timers,
  });
  return { python, timers, workers, stages, answers };
}

test("nothing starts until asked; a request starts the worker and waits in it for the runtime", () => {
  const { python, workers, stages } = setUp();
  assert.equal(workers.length, 0);
  const id = python.request("form", { calculator: "scorten", inputs: {} });
  assert.equal(workers.length, 1);
  assert.deepEqual(workers[0].sent, [{ calculator: "scorten", inputs: {}, id }]);
  assert.deepEqual(stages, ["downloading"]);
});

test("stages pass through, then ready; the answer reaches its form", () => {
  const { python, workers, stages, answers } = setUp();
  python.start();
  const id = python.request("form", { calculator: "scorten", inputs: {} });
  workers[0].emit({ type: "stage", stage: "downloading" });
  workers[0].emit({ type: "stage", stage: "starting" });
  workers[0].emit({ type: "ready" });
  workers[0].emit({ id, result: { ok: true } });
  assert.deepEqual(stages, ["downloading", "downloading", "starting", "ready"]);
  assert.deepEqual(answers, [{ key: "form", id, answer: { id, result: { ok: true } } }]);
});

test("an answer to a superseded request is dropped", () => {
  const { python, workers, answers } = setUp();
  const first = python.request("form", { inputs: { a: "1" } });
  const second = python.request("form", { inputs: { a: "2" } });
  workers[0].emit({ type: "ready" });
  workers[0].emit({ id: first, result: {} });
  workers[0].emit({ id: second, result: {} });
  assert.deepEqual(answers.map((answer) => answer.id), [second]);
});

test("a worker that cannot be created, or fails to boot, ends in 'failed'", () => {
  const noWorker = setUp({ create: () => { throw new Error("no module workers"); } });
  noWorker.python.start();
  assert.deepEqual(noWorker.stages, ["downloading", "failed"]);

  const { python, workers, stages } = setUp();
  python.start();
  workers[0].emit({ type: "failed", reason: "wasm" });
  assert.deepEqual(stages, ["downloading", "failed"]);
  assert.ok(workers[0].terminated);

  const crashed = setUp();
  crashed.python.start();
  crashed.workers[0].crash("SyntaxError");
  assert.deepEqual(crashed.stages, ["downloading", "failed"]);
});

test("a boot that takes too long says 'failed', and recovers if the runtime gets ready after all", () => {
  const { python, timers, workers, stages } = setUp();
  python.start();
  timers.advance(30_000);
  assert.deepEqual(stages, ["downloading", "failed"]);
  assert.equal(workers[0].terminated, false);
  workers[0].emit({ type: "ready" });
  assert.deepEqual(stages, ["downloading", "failed", "ready"]);
});

test("the watchdog sleeps while the runtime boots, however long a request waits", () => {
  const { python, timers, workers } = setUp();
  python.request("form", {});
  timers.advance(20_000);
  assert.equal(workers.length, 1);
});

test("a worker silent for 5 s on a request is replaced and the request sent again", () => {
  const { python, timers, workers, stages, answers } = setUp();
  python.start();
  workers[0].emit({ type: "ready" });
  const id = python.request("form", { calculator: "scorten", inputs: { age: "40" } });
  timers.advance(4_999);
  assert.equal(workers.length, 1);
  timers.advance(1);
  assert.equal(workers.length, 2);
  assert.ok(workers[0].terminated);
  assert.deepEqual(workers[1].sent, [{ calculator: "scorten", inputs: { age: "40" }, id }]);
  assert.deepEqual(stages.slice(-1), ["downloading"]);
  workers[1].emit({ type: "ready" });
  workers[1].emit({ id, result: { ok: true } });
  assert.deepEqual(answers.map((answer) => answer.id), [id]);
  assert.equal(python.replacements, 1);
});

test("answers keep the watchdog quiet: it measures silence, not the length of a queue", () => {
  const { python, timers, workers } = setUp();
  python.start();
  workers[0].emit({ type: "ready" });
  const a = python.request("a", {});
  const b = python.request("b", {});
  timers.advance(4_000);
  workers[0].emit({ id: a, result: {} });
  timers.advance(4_000);
  workers[0].emit({ id: b, result: {} });
  timers.advance(60_000);
  assert.equal(workers.length, 1);
});

test("a request that hangs a second worker is answered 'stuck' and not sent to a third", () => {
  const { python, timers, workers, answers } = setUp();
  python.start();
  workers[0].emit({ type: "ready" });
  const id = python.request("form", {});
  timers.advance(5_000);
  workers[1].emit({ type: "ready" });
  timers.advance(5_000);
  assert.equal(workers.length, 3);
  assert.deepEqual(answers, [{ key: "form", id, answer: { id, error: "stuck" } }]);
  assert.deepEqual(workers[2].sent, []);
  workers[2].emit({ type: "ready" });
  timers.advance(60_000);
  assert.equal(workers.length, 3, "an idle worker is never replaced");
});

test("a worker that dies after it was ready is replaced", () => {
  const { python, workers, stages } = setUp();
  python.start();
  workers[0].emit({ type: "ready" });
  workers[0].crash("out of memory");
  assert.equal(workers.length, 2);
  assert.ok(!stages.includes("failed"));
});
