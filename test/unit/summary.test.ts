import * as nn from "nnlab";
import { reference } from "./helpers";

const keras: Record<string, string> = reference.keras_summaries;

// Keras renders summaries with `rich`; these strings come from Keras 3 itself (see the fixture script).
describe("model.summary() text matches Keras 3", () => {
  let logged: string[];
  beforeEach(() => {
    nn.clearSession();
    logged = [];
    jest.spyOn(console, "log").mockImplementation((s: string) => void logged.push(s));
  });
  afterEach(() => jest.restoreAllMocks());

  test("the 11-3-1 model from the notes: 36 + 4 = 40 params, 160.00 B", () => {
    const model = nn.sequential([
      nn.layers.dense({ units: 3, activation: "relu", inputShape: [11] }),
      nn.layers.dense({ units: 1, activation: "sigmoid" }),
    ]);
    model.summary();
    expect(logged.join("\n")).toBe(keras.dense_11_3_1);
  });

  test("a frozen layer counts as non-trainable; a hostile name is kept verbatim in text", () => {
    const model = nn.sequential([
      nn.layers.dense({ units: 2, activation: "sigmoid", inputShape: [2], name: "<img src=x onerror=alert(1)>" }),
      nn.layers.dense({ units: 1 }),
    ]);
    model.layers[0].trainable = false;
    model.summary();
    expect(logged.join("\n")).toBe(keras.frozen_hostile_name);
  });

  test("optimizer params appear after a training step (SGD with momentum)", async () => {
    const model = nn.sequential([nn.layers.dense({ units: 128, inputShape: [784] }), nn.layers.dense({ units: 10 })], { name: "mlp" });
    model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.1, momentum: 0.9 }), loss: "mse" });
    await model.fit(nn.zeros([4, 784]), nn.zeros([4, 10]), { verbose: 0 });
    model.summary();
    expect(logged.join("\n")).toBe(keras.mlp_after_sgd_momentum_step);
  });
});

describe("summary bundle", () => {
  test("carries the structured data, static HTML with escaped names, and Keras text", () => {
    nn.clearSession();
    const model = nn.sequential([nn.layers.dense({ units: 2, inputShape: [2], name: "<b>x</b>" }), nn.layers.dense({ units: 1 })]);
    const bundle = model[nn.JUPYTER_DISPLAY]();
    const data = bundle[nn.display.SUMMARY_MIME] as nn.display.SummaryData;
    expect(data.layers.map((l) => [l.name, l.params])).toEqual([["<b>x</b>", 6], ["dense", 3]]);
    expect(data.totalParams).toBe(9);
    const html = bundle["text/html"] as string;
    expect(html).not.toContain("<b>x</b>");
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(html).not.toMatch(/<script/i);
    expect(bundle["text/plain"]).toContain("Total params: 9 (36.00 B)");
  });

  test("summary goes to the kernel's display host when one is registered", () => {
    const shown: unknown[] = [];
    const g = globalThis as Record<symbol, unknown>;
    g[Symbol.for("nnlab.displayHost")] = { display: (b: unknown) => shown.push(b), update: () => undefined };
    try {
      nn.sequential([nn.layers.dense({ units: 1, inputShape: [3] })]).summary();
    } finally {
      delete g[Symbol.for("nnlab.displayHost")];
    }
    expect(shown).toHaveLength(1);
    expect(Object.keys(shown[0] as object).sort()).toEqual([nn.display.SUMMARY_MIME, "text/html", "text/plain"].sort());
  });

  test("an unbuilt model shows unknown shapes, as Keras's '?' and '0 (unbuilt)'", () => {
    const model = nn.sequential([nn.layers.dense({ units: 4 })]);
    const text = model[nn.JUPYTER_DISPLAY]()["text/plain"] as string;
    expect(text).toMatch(/│ \?\s+│\s+0 \(unbuilt\) │/);
  });
});
