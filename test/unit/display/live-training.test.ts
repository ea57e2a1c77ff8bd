/**
 * The live training dashboard: display then in-place updates with one display id, the
 * 200 ms throttle (counted with a controlled clock, not timed), the Stop registry, the
 * final state, History's self-display, and escaping in the static HTML.
 */
import * as nn from "nnlab";
import { DISPLAY_HOST, type DisplayHost, type DisplayOptions } from "../../../src/display/host";
import { HISTORY_MIME, type HistoryData, type MimeBundle } from "../../../src/display/mime";
import { LiveTraining, UPDATE_INTERVAL_MS } from "../../../src/display/live-training";
import { TRAINING_RUNS, trainingRuns } from "../../../src/display/training-runs";

interface Call { kind: "display" | "update"; bundle: MimeBundle; options?: DisplayOptions; displayId?: string }

function recordingHost(): DisplayHost & { calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    display: (bundle, options) => void calls.push({ kind: "display", bundle, options }),
    update: (displayId, bundle, options) => void calls.push({ kind: "update", bundle, options, displayId }),
  };
}

const dataOf = (c: Call) => c.bundle[HISTORY_MIME] as HistoryData;

/** A tiny compiled model and data: 8 samples, batch 2 → 4 steps per epoch. */
function setup(name = "mlp") {
  nn.setSeed(3);
  const model = nn.sequential([nn.layers.dense({ units: 3, activation: "relu", inputShape: [2] }), nn.layers.dense({ units: 1, activation: "sigmoid" })], { name });
  model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.1 }), loss: "binaryCrossentropy", metrics: ["accuracy"] });
  const x = nn.tensor([[0, 0], [0, 1], [1, 0], [1, 1], [0.2, 0.1], [0.9, 0.8], [0.1, 0.9], [0.8, 0.2]]);
  const y = nn.tensor([[0], [1], [1], [0], [0], [0], [1], [1]]);
  return { model, x, y };
}

/** A callback placed after the dashboard that advances the fake clock by `ms` per batch. */
class Ticker extends nn.callbacks.Callback {
  constructor(private readonly clock: { now: number }, private readonly ms: number) { super(); }
  override onBatchEnd(): void { this.clock.now += this.ms; }
}

describe("LiveTraining", () => {
  test("one display, then updates of the same display id; final state equals the History", async () => {
    const { model, x, y } = setup();
    const host = recordingHost();
    const clock = { now: 0 };
    const live = new LiveTraining({ host, clock: () => clock.now });
    const history = await model.fit(x, y, { epochs: 3, batchSize: 2, verbose: 0, validationSplit: 0.25, callbacks: [live, new Ticker(clock, 10)] });
    const [first, ...rest] = host.calls;
    expect(first.kind).toBe("display");
    const id = first.options?.displayId as string;
    expect(id).toBe(`nnlab-history-${live.data.runId}`);
    expect(rest.length).toBeGreaterThanOrEqual(3);
    for (const c of rest) {
      expect(c.kind).toBe("update");
      expect(c.displayId).toBe(id);
    }
    const last = dataOf(host.calls[host.calls.length - 1]);
    expect(last.status).toBe("finished");
    expect(last.runId).toMatch(/^run-/);
    expect(last.epoch).toEqual([0, 1, 2]);
    expect(last.metrics).toEqual(history.history);
    expect(Object.keys(last.metrics).sort()).toEqual(["accuracy", "loss", "val_accuracy", "val_loss"]);
    expect(last.learningRate).toEqual([0.1, 0.1, 0.1]);
    // 6 training samples, batch 2: 3 batches per epoch, one batch point each.
    expect(last.batches?.x).toEqual([1 / 3, 2 / 3, 1, 4 / 3, 5 / 3, 2, 7 / 3, 8 / 3, 3].map((v) => expect.closeTo(v, 12)));
    expect(last.steps).toBe(3);
    // The final bundle carries a static SVG and the text form.
    const html = host.calls[host.calls.length - 1].bundle["text/html"] as string;
    expect(html).toContain("<svg");
    expect(html).toContain("finished 3/3 epochs");
    expect(host.calls[host.calls.length - 1].bundle["text/plain"]).toContain(`History of "mlp": finished 3/3 epochs`);
    // Earlier snapshots are copies: later training did not change what was sent.
    expect(dataOf(host.calls[1]).epoch.length).toBeLessThan(3);
    expect(trainingRuns().isRunning(live.data.runId)).toBe(false);
  });

  test("batch-level updates are throttled to one per 200 ms of the clock", async () => {
    const { model, x, y } = setup();
    const host = recordingHost();
    const clock = { now: 0 };
    const live = new LiveTraining({ host, clock: () => clock.now });
    // 4 batches per epoch, 60 ms per batch: batch-level updates at most every 4th batch.
    await model.fit(x, y, { epochs: 5, batchSize: 2, verbose: 0, callbacks: [live, new Ticker(clock, 60)] });
    const totalMs = 5 * 4 * 60;
    const epochEnds = 5;
    const updates = host.calls.filter((c) => c.kind === "update").length;
    // Every epoch end and the train end update; between them at most one per interval.
    expect(updates).toBeGreaterThan(epochEnds);
    expect(updates).toBeLessThanOrEqual(epochEnds + 1 + Math.floor(totalMs / UPDATE_INTERVAL_MS));
    expect(live.updates).toBe(host.calls.length);
  });

  test("stop(runId) through the global registry ends fit at the batch boundary and keeps the weights", async () => {
    const { model, x, y } = setup();
    const host = recordingHost();
    const live = new LiveTraining({ host, clock: () => 0 });
    const registry = (globalThis as { [TRAINING_RUNS]?: { stop(id: string): boolean } })[TRAINING_RUNS];
    expect(typeof registry?.stop).toBe("function");
    let stoppedWeights: number[] = [];
    class StopAtSecondBatchOfEpoch1 extends nn.callbacks.Callback {
      private epoch = 0;
      override onEpochBegin(epoch: number): void { this.epoch = epoch; }
      override onBatchEnd(batch: number): void {
        if (this.epoch === 1 && batch === 1) {
          expect(registry!.stop(live.data.runId)).toBe(true);
          stoppedWeights = Array.from(model.weights[0].data);
        }
      }
    }
    const history = await model.fit(x, y, { epochs: 50, batchSize: 2, verbose: 0, callbacks: [live, new StopAtSecondBatchOfEpoch1()] });
    expect(history.epoch).toEqual([0, 1]);
    expect(Array.from(model.weights[0].data)).toEqual(stoppedWeights);
    const last = dataOf(host.calls[host.calls.length - 1]);
    expect(last.status).toBe("stopped");
    expect(last.stopReason).toBe("user");
    expect(registry!.stop(live.data.runId)).toBe(false);
    expect(registry!.stop("no-such-run")).toBe(false);
  });

  test("fit adds the dashboard by itself only with a display host and verbose ≠ 0", async () => {
    const { model, x, y } = setup();
    const host = recordingHost();
    const g = globalThis as { [DISPLAY_HOST]?: DisplayHost };
    const log = jest.spyOn(console, "log").mockImplementation(() => {});
    try {
      await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 });
      g[DISPLAY_HOST] = host;
      await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 0 });
      expect(host.calls).toHaveLength(0);
      await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 2 });
      expect(host.calls[0].kind).toBe("display");
      expect(dataOf(host.calls[host.calls.length - 1]).epoch).toEqual([0, 1]);
      // The dashboard replaces Keras's text progress lines; nothing is printed under it.
      expect(log).not.toHaveBeenCalled();
      delete g[DISPLAY_HOST];
      await model.fit(x, y, { epochs: 1, batchSize: 4, verbose: 2 });
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/^Epoch 1\/1$/));
    } finally {
      delete g[DISPLAY_HOST];
      log.mockRestore();
    }
  });

  test("a History displays itself with the run's data; a hostile model name is escaped", async () => {
    const { model, x, y } = setup("<img src=x onerror=alert(1)>");
    const host = recordingHost();
    const live = new LiveTraining({ host, clock: () => 0 });
    const history = await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0, callbacks: [live] });
    const bundle = await history[nn.JUPYTER_DISPLAY]();
    expect(Object.keys(bundle).sort()).toEqual([HISTORY_MIME, "text/html", "text/plain"].sort());
    expect((bundle[HISTORY_MIME] as HistoryData).runId).toBe(live.data.runId);
    const html = bundle["text/html"] as string;
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toMatch(/<script/i);
  });

  test("a History without a dashboard displays from its logs", async () => {
    const { model, x, y } = setup();
    const history = await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0 });
    const data = (await history[nn.JUPYTER_DISPLAY]())[HISTORY_MIME] as HistoryData;
    expect(data.metrics).toEqual(history.history);
    expect(data.status).toBe("finished");
  });

  test("needs a host", () => {
    expect(() => new LiveTraining()).toThrow("LiveTraining: no display host (it needs the nnlab kernel, or options.host)");
  });
});
