/**
 * The registry of running fits that the kernel stops through: by id (the Stop button) and all
 * at once (`stopAll`, an interrupt), shared by every copy of the module through globalThis.
 */
import * as nn from "nnlab";
import type { DisplayHost } from "../../../src/display/host";
import type { MimeBundle } from "../../../src/display/mime";
import { LiveTraining } from "../../../src/display/live-training";
import { TRAINING_RUNS, trainingRuns } from "../../../src/display/training-runs";

type WithRuns = { [TRAINING_RUNS]?: unknown };

describe("trainingRuns()", () => {
  test("stopAll asks every registered run once, returns the count, and forgets nothing by itself", () => {
    const runs = trainingRuns();
    const asked: string[] = [];
    const offA = runs.register("a", () => asked.push("a"));
    const offB = runs.register("b", () => asked.push("b"));
    expect(runs.runIds()).toEqual(["a", "b"]);
    expect(runs.stopAll()).toBe(2);
    expect(asked).toEqual(["a", "b"]);
    // A run leaves the registry when its fit ends (it unregisters), not when asked to stop.
    expect(runs.isRunning("a")).toBe(true);
    offA();
    offB();
    expect(runs.runIds()).toEqual([]);
    expect(runs.stopAll()).toBe(0);
    expect(asked).toEqual(["a", "b"]);
  });

  test("a run that unregisters itself while stopAll runs does not disturb the others", () => {
    const runs = trainingRuns();
    const asked: string[] = [];
    const offs: (() => void)[] = [];
    offs.push(runs.register("x", () => { asked.push("x"); offs[0](); offs[1](); }));
    offs.push(runs.register("y", () => asked.push("y")));
    expect(runs.stopAll()).toBe(2);
    expect(asked).toEqual(["x", "y"]);
    expect(runs.runIds()).toEqual([]);
  });

  test("one registry per process: a later call shares it; something without stopAll on the symbol is replaced", () => {
    const g = globalThis as WithRuns;
    const first = trainingRuns();
    expect(g[TRAINING_RUNS]).toBe(first);
    expect(trainingRuns()).toBe(first);
    const standIn = { stop: () => true, register: () => () => {} };
    g[TRAINING_RUNS] = standIn;
    try {
      const fresh = trainingRuns();
      expect(fresh).not.toBe(standIn);
      expect(typeof fresh.stopAll).toBe("function");
      expect(g[TRAINING_RUNS]).toBe(fresh);
    } finally {
      g[TRAINING_RUNS] = first;
    }
  });
});

describe("stopAll on two fits that run at the same time (an interrupt)", () => {
  const host = (): DisplayHost => ({ display: (_b: MimeBundle) => {}, update: (_id: string, _b: MimeBundle) => {} });

  function setup(name: string) {
    const model = nn.sequential([nn.layers.dense({ units: 2, activation: "tanh", inputShape: [2] }), nn.layers.dense({ units: 1 })], { name });
    model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.05 }), loss: "mse" });
    return model;
  }

  test("both end at a batch boundary with status stopped; the registry is empty afterwards", async () => {
    nn.setSeed(5);
    const x = nn.tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const y = nn.tensor([[0], [1], [1], [0]]);
    const [a, b] = [setup("a"), setup("b")];
    const [liveA, liveB] = [new LiveTraining({ host: host(), clock: () => 0 }), new LiveTraining({ host: host(), clock: () => 0 })];
    let asked = -1;
    class InterruptAtEpoch2 extends nn.callbacks.Callback {
      override onEpochEnd(epoch: number): void {
        if (epoch === 2) asked = trainingRuns().stopAll();
      }
    }
    const [ha, hb] = await Promise.all([
      a.fit(x, y, { epochs: 500, batchSize: 2, verbose: 0, callbacks: [liveA, new InterruptAtEpoch2()] }),
      b.fit(x, y, { epochs: 500, batchSize: 2, verbose: 0, callbacks: [liveB] }),
    ]);
    expect(asked).toBe(2);
    expect(ha.epoch).toEqual([0, 1, 2]);
    expect(hb.epoch.length).toBeLessThan(500);
    for (const live of [liveA, liveB]) {
      expect([live.data.status, live.data.stopReason]).toEqual(["stopped", "user"]);
    }
    expect(trainingRuns().runIds()).toEqual([]);
  });
});
