/**
 * What the recurrent layers share: the gated layers' (LSTM, GRU) `recurrentActivation` lives in
 * one place (SimpleRNN has none, as Keras's `SimpleRNN.get_config`), boolean flags are checked
 * by one helper, and each cell is its layer class with one-step input and no loop options.
 */
import * as nn from "nnlab";

const L = nn.layers;

beforeEach(() => nn.clearSession());

describe("gated recurrent arguments", () => {
  test("LSTM and GRU configs carry recurrentActivation (default sigmoid); SimpleRNN's does not", () => {
    expect(L.lstm({ units: 2 }).getConfig().recurrentActivation).toBe("sigmoid");
    expect(L.gru({ units: 2, recurrentActivation: "hard_sigmoid" }).getConfig().recurrentActivation).toBe("hardSigmoid");
    expect("recurrentActivation" in L.simpleRNN({ units: 2 }).getConfig()).toBe(false);
  });

  test("a flag that is not a boolean is an error naming the layer, the flag and the value", () => {
    expect(() => L.lstm({ units: 2, unitForgetBias: "yes" as unknown as boolean })).toThrow('lstm: unitForgetBias must be true or false, got "yes"');
    expect(() => L.gru({ units: 2, resetAfter: null as unknown as boolean })).toThrow("gru: resetAfter must be true or false, got null");
  });
});

describe("cells", () => {
  test.each([
    ["lstmCell", () => L.lstmCell({ units: 2 }), L.LSTM, ["recurrentActivation", "unitForgetBias"]],
    ["gruCell", () => L.gruCell({ units: 2 }), L.GRU, ["recurrentActivation", "resetAfter"]],
    ["simpleRNNCell", () => L.simpleRNNCell({ units: 2 }), L.SimpleRNN, []],
  ] as const)("%s is an instance of its layer class; its config drops the loop options and keeps the rest", (_n, make, layerClass, kept) => {
    const cell = make();
    expect(cell).toBeInstanceOf(layerClass);
    const config = cell.getConfig();
    for (const loop of ["returnSequences", "returnState", "goBackwards", "stateful", "unroll", "dropout", "recurrentDropout", "seed"]) expect(config).not.toHaveProperty(loop);
    for (const k of ["units", "activation", "useBias", ...kept]) expect(config).toHaveProperty(k);
    // A [batch, features] input builds the layer for one step: kernel [features 3, gates·units].
    cell.ensureBuilt([null, 3]);
    expect(cell.kernel!.shape[0]).toBe(3);
  });
});
