import * as nn from "nnlab";
import { expectClose, flat, sklearnFixture } from "../helpers";

const fx = sklearnFixture("preprocessing");
const P = nn.preprocessing;
const f64 = (x: number[][]) => nn.tensor(x, { dtype: "float64" });
const factories: Record<string, (o: any) => any> = {
  standardScaler: P.standardScaler, minMaxScaler: P.minMaxScaler, robustScaler: P.robustScaler, normalizer: P.normalizer,
};

describe("scalers match scikit-learn (float64, 1e-12)", () => {
  it.each<any[]>(fx.scalers.map((c: any, i: number): any[] => [c.name, JSON.stringify(c.options), i, c]))("%s %s (case %i)", (name, _o, _i, c: any) => {
    const s = factories[name as string](c.options);
    const t = s.fit(f64(c.x)).transform(f64(c.x));
    expect(t.dtype).toBe("float64");
    expectClose(t.data, flat(c.transform), 1e-12);
    expectClose(s.transform(f64(c.xNew)).data, flat(c.transformNew), 1e-12);
    if (c.inverseNew) expectClose(s.inverseTransform(f64(c.xNew)).data, flat(c.inverseNew), 1e-12);
  });

  it("fitTransform equals fit then transform; nested arrays give the default dtype", () => {
    const c = fx.scalers[0];
    const t = P.standardScaler().fitTransform(c.x);
    expect(t.dtype).toBe("float32");
    expectClose(t.data, flat(c.transform), 1e-6);
    const s = P.standardScaler().fit(c.x);
    expectClose(s.mean, flat(c.x[0].map((_: number, j: number) => c.x.reduce((a: number, r: number[]) => a + r[j], 0) / c.x.length)), 1e-12);
  });

  it("inverseTransform round-trips", () => {
    const x = f64(fx.scalers[0].x);
    for (const s of [P.standardScaler(), P.minMaxScaler({ featureRange: [-2, 2] }), P.robustScaler()]) {
      expectClose(s.inverseTransform(s.fitTransform(x)).data, Array.from(x.data), 1e-12);
    }
  });
});

describe("encoders match scikit-learn", () => {
  it.each<any[]>(fx.oneHot.map((c: any, i: number): any[] => [JSON.stringify(c.options), i, c]))("oneHotEncoder %s (case %i)", (_o, _i, c: any) => {
    const e = P.oneHotEncoder(c.options).fit(c.x);
    expect(e.categories).toEqual(c.categories);
    const t = e.transform(c.x);
    expect(t.shape).toEqual([c.transform.length, c.transform[0].length]);
    expect(Array.from(t.data)).toEqual(flat(c.transform));
    expect(e.getFeatureNamesOut()).toEqual(c.names);
    expect(e.inverseTransform(t)).toEqual(c.inverse);
    if (c.unknown) {
      const u = e.transform(c.unknown);
      expect(Array.from(u.data)).toEqual(flat(c.transformUnknown));
      expect(e.inverseTransform(u)).toEqual(c.inverseUnknown);
    }
  });

  it("ordinalEncoder", () => {
    const c = fx.ordinal;
    const e = P.ordinalEncoder().fit(c.x);
    expect(e.categories).toEqual(c.categories);
    expect(Array.from(e.transform(c.x).data)).toEqual(flat(c.transform));
    expect(e.inverseTransform(e.transform(c.x))).toEqual(c.x);
    const u = P.ordinalEncoder({ handleUnknown: "useEncodedValue", unknownValue: -1 }).fit(c.x);
    const t = u.transform(fx.oneHot[3].unknown);
    expect(Array.from(t.data)).toEqual(flat(c.transformUnknown));
    expect(u.inverseTransform(t)).toEqual([["red", null, 1], [null, "S", 2]]);
    const n = P.ordinalEncoder({ handleUnknown: "useEncodedValue", unknownValue: NaN }).fit(c.x);
    expect(n.inverseTransform([[NaN, 0, 0]])).toEqual([[null, "L", 1]]);
  });

  it("labelEncoder (strings and numbers)", () => {
    for (const c of [fx.label, fx.labelNumeric]) {
      const e = P.labelEncoder();
      const codes = e.fitTransform(c.y);
      expect(e.classes).toEqual(c.classes);
      expect(Array.from(codes.data)).toEqual(c.transform);
      expect(e.inverseTransform(codes)).toEqual(c.y);
    }
  });

  it("encoders take 2-D tensors of codes", () => {
    const e = P.oneHotEncoder().fit(nn.tensor([[2], [0], [2]]));
    expect(e.transform(nn.tensor([[0], [2]])).toArray()).toEqual([[1, 0], [0, 1]]);
  });
});

describe("simpleImputer and polynomialFeatures match scikit-learn", () => {
  it.each<any[]>(fx.imputer.map((c: any): any[] => [JSON.stringify(c.options), c]))("simpleImputer %s", (_o, c: any) => {
    const x = c.x.map((r: (number | null)[]) => r.map((v) => (v === null ? NaN : v)));
    const imp = P.simpleImputer(c.options);
    const t = imp.fit(f64(x)).transform(f64(x));
    expectClose(imp.statistics, c.statistics, 1e-12);
    expectClose(t.data, flat(c.transform), 1e-12);
  });

  it("simpleImputer with a custom missing marker", () => {
    const imp = P.simpleImputer({ missingValues: -1, strategy: "median" });
    expect(imp.fitTransform([[1, -1], [3, 4], [-1, 8], [4, 5]]).toArray()).toEqual([[1, 5], [3, 4], [3, 8], [4, 5]]);
  });

  it.each<any[]>(fx.polynomial.map((c: any): any[] => [JSON.stringify(c.options), c]))("polynomialFeatures %s", (_o, c: any) => {
    const p = P.polynomialFeatures(c.options);
    expectClose(p.fitTransform(f64(c.x)).data, flat(c.transform), 1e-12);
    expect(p.getFeatureNamesOut()).toEqual(c.names);
  });
});

describe("pipeline", () => {
  it("chains transformers: scaler after imputer equals applying them in turn", () => {
    const x = [[1, NaN], [3, 4], [NaN, 8], [4, 5]];
    const pipe = P.pipeline([["imputer", P.simpleImputer()], ["scaler", P.standardScaler()]]);
    const t = pipe.fitTransform(x) as nn.Tensor;
    const manual = P.standardScaler().fitTransform(P.simpleImputer().fitTransform(x));
    expect(Array.from(t.data)).toEqual(Array.from(manual.data));
    expect(Object.keys(pipe.namedSteps)).toEqual(["imputer", "scaler"]);
    expect(() => pipe.inverseTransform(t)).toThrow('pipeline.inverseTransform: step "imputer" has no inverseTransform');
    const scaled = P.pipeline([P.minMaxScaler(), P.standardScaler()]);
    const x2 = nn.tensor([[1, 2], [3, 5], [4, 9]], { dtype: "float64" });
    expectClose((scaled.inverseTransform(scaled.fitTransform(x2)) as nn.Tensor).data, [1, 2, 3, 5, 4, 9], 1e-12);
  });

  it("ends in an nnlab model: fit scales then trains, predict scales then predicts", async () => {
    nn.setSeed(1);
    const x = [[100, 0.01], [200, 0.02], [300, 0.03], [400, 0.04]];
    const y = [[0], [0], [1], [1]];
    const model = nn.sequential([nn.layers.dense({ units: 1, activation: "sigmoid", inputShape: [2] })]);
    model.compile({ optimizer: nn.optimizers.sgd({ learningRate: 0.5 }), loss: "binaryCrossentropy" });
    const pipe = P.pipeline([P.standardScaler(), model]);
    expect(pipe.steps.map(([n]) => n)).toEqual(["standardScaler", model.name]);
    await pipe.fit(x, y, { epochs: 3, verbose: 0 });
    const scaler = pipe.steps[0][1] as nn.preprocessing.StandardScaler;
    expect(scaler.mean).toEqual([250, 0.025]);
    const p = pipe.predict(x) as nn.Tensor;
    expect(Array.from(p.data)).toEqual(Array.from(model.predict(scaler.transform(x)).data));
    expect(typeof pipe.evaluate(x, y)).toBe("number");
  });

  it("rejects bad steps and misuse", () => {
    expect(() => P.pipeline([])).toThrow("pipeline: expected a non-empty list of steps");
    expect(() => P.pipeline([{ fit() {}, predict() {} } as any, P.standardScaler()])).toThrow("pipeline: step 0 must be a transformer (fit/transform); only the last step may be a model");
    expect(() => P.pipeline([null as any])).toThrow("pipeline: step 0 must be a transformer or a model, got null");
    expect(() => P.pipeline([["a", P.standardScaler()], ["a", P.minMaxScaler()]])).toThrow('pipeline: step name "a" is used twice');
    const withModel = P.pipeline([P.standardScaler(), { fit() {}, predict() {} }]);
    expect(() => withModel.transform([[1]])).toThrow('pipeline.transform: the last step "object" is a model, not a transformer; use predict');
    expect(() => withModel.fitTransform([[1]])).toThrow("pipeline.fitTransform: the last step");
    expect(() => withModel.evaluate([[1]], [1])).toThrow('pipeline.evaluate: the final step "object" has no evaluate');
    expect(() => P.pipeline([P.standardScaler()]).predict([[1]])).toThrow('pipeline.predict: the last step "standardScaler" is a transformer');
    expect(() => P.pipeline([P.standardScaler(), P.normalizer()]).inverseTransform([[1]])).toThrow('pipeline.inverseTransform: step "normalizer" has no inverseTransform');
    expect(P.pipeline([P.standardScaler(), P.standardScaler()]).steps.map(([n]) => n)).toEqual(["standardScaler", "standardScaler-2"]);
  });
});

describe("errors name the transformer, the argument, expected and actual", () => {
  it("transform before fit", () => {
    expect(() => P.standardScaler().transform([[1]])).toThrow("standardScaler.transform: this standardScaler is not fitted yet; call fit(x) or fitTransform(x) first");
    expect(() => P.minMaxScaler().inverseTransform([[1]])).toThrow("minMaxScaler.inverseTransform: this minMaxScaler is not fitted yet");
    expect(() => P.oneHotEncoder().transform([["a"]])).toThrow("oneHotEncoder.transform: this oneHotEncoder is not fitted yet");
    expect(() => P.oneHotEncoder().inverseTransform([[1]])).toThrow("oneHotEncoder.inverseTransform: this oneHotEncoder is not fitted yet");
    expect(() => P.labelEncoder().transform(["a"])).toThrow("labelEncoder.transform: this labelEncoder is not fitted yet");
    expect(() => P.simpleImputer().transform([[1]])).toThrow("simpleImputer.transform: this simpleImputer is not fitted yet");
    expect(() => P.polynomialFeatures().getFeatureNamesOut()).toThrow("polynomialFeatures.getFeatureNamesOut: this polynomialFeatures is not fitted yet");
    // Stateless, as in sklearn: no fit needed.
    expect(P.normalizer().transform([[3, 4]]).toArray()).toEqual([[0.6000000238418579, 0.800000011920929]]);
  });

  it("NaN/Inf, wrong feature counts, shapes", () => {
    expect(() => P.standardScaler().fit([[1, 2], [NaN, 3]])).toThrow("standardScaler.fit: x contains NaN at row 1, column 0; NaN and Inf are not allowed (use simpleImputer for missing values)");
    expect(() => P.robustScaler().fit([[Infinity]])).toThrow("robustScaler.fit: x contains Infinity at row 0, column 0");
    expect(() => P.standardScaler().fit([[1, 2]]).transform([[1, 2, 3]])).toThrow("standardScaler.transform: x has 3 features but standardScaler was fitted on 2");
    expect(() => P.normalizer().fit([[1, 2]]).transform([[1]])).toThrow("normalizer.transform: x has 1 features but normalizer was fitted on 2");
    expect(() => P.standardScaler().fit(nn.zeros([2, 2, 2]))).toThrow("standardScaler.fit: x must be 2-D [samples, features], got shape [2, 2, 2]");
    expect(() => P.standardScaler().fit([])).toThrow("standardScaler.fit: x has no samples");
    expect(() => P.standardScaler().fit("abc" as any)).toThrow("standardScaler.fit: x must be a tensor or nested number arrays, got string");
    expect(() => P.simpleImputer().fit([[1, Infinity]])).toThrow("simpleImputer.fit: x contains Infinity at row 0, column 1; only NaN (or missingValues) marks a missing entry");
    expect(() => P.simpleImputer().fit([[1, NaN], [2, NaN]])).toThrow('simpleImputer.fit: column 1 has no observed values to compute the mean from; drop it or use strategy "constant"');
  });

  it("unknown categories at transform time", () => {
    const e = P.oneHotEncoder().fit([["a", 1], ["b", 2]]);
    expect(() => e.transform([["c", 1]])).toThrow('oneHotEncoder.transform: unknown category "c" in column 0 (known: "a", "b"); pass handleUnknown: "ignore" to encode unknown categories as all zeros');
    expect(() => P.ordinalEncoder().fit([["a"]]).transform([["z"]])).toThrow('ordinalEncoder.transform: unknown category "z" in column 0 (known: "a"); pass handleUnknown: "useEncodedValue"');
    expect(() => P.labelEncoder().fit(["x", "y"]).transform(["x", "w"])).toThrow('labelEncoder.transform: y contains previously unseen label "w" (known: "x", "y")');
    expect(() => P.labelEncoder().fit(["x"]).inverseTransform([3])).toThrow("labelEncoder.inverseTransform: codes[0] = 3 is not in 0..0");
    expect(() => P.ordinalEncoder().fit([["a"]]).inverseTransform([[4]])).toThrow("ordinalEncoder.inverseTransform: code 4 at row 0, column 0 is not in 0..0");
    expect(() => e.transform([["a"]])).toThrow("oneHotEncoder.transform: x has 1 features but oneHotEncoder was fitted on 2");
    expect(() => e.inverseTransform([[1, 0, 1]])).toThrow("oneHotEncoder.inverseTransform: x must have shape [samples, 4], got [1, 3]");
    expect(() => e.transform([["a", 1], ["b"]])).toThrow("oneHotEncoder.transform: x[1] has 1 features but x[0] has 2");
    expect(() => e.transform(["a", "b"] as any)).toThrow("oneHotEncoder.transform: x[0] must be a row (an array of labels), got string; wrap single features as [[v], ...]");
    expect(() => e.transform([["a", NaN]])).toThrow("oneHotEncoder.transform: x[0][1] is NaN");
    expect(() => P.labelEncoder().fit([])).toThrow("labelEncoder.fit: y has no labels");
  });

  it("bad options", () => {
    expect(() => P.minMaxScaler({ featureRange: [1, 1] })).toThrow("minMaxScaler: featureRange must be [min, max] with min < max, got [1,1]");
    expect(() => P.robustScaler({ quantileRange: [80, 20] })).toThrow("robustScaler: quantileRange must satisfy 0 ≤ lo < hi ≤ 100, got [80,20]");
    expect(() => P.normalizer({ norm: "l3" as any })).toThrow('normalizer: norm must be "l1", "l2" or "max", got "l3"');
    expect(() => P.oneHotEncoder({ handleUnknown: "skip" as any })).toThrow('oneHotEncoder: handleUnknown must be "error" or "ignore", got "skip"');
    expect(() => P.oneHotEncoder({ drop: "last" as any })).toThrow('oneHotEncoder: drop must be "first" or "ifBinary", got "last"');
    expect(() => P.ordinalEncoder({ handleUnknown: "useEncodedValue" })).toThrow('ordinalEncoder: unknownValue must be a number (or NaN) when handleUnknown is "useEncodedValue", got undefined');
    expect(() => P.ordinalEncoder({ handleUnknown: "bad" as any })).toThrow('ordinalEncoder: handleUnknown must be "error" or "useEncodedValue"');
    expect(() => P.ordinalEncoder({ handleUnknown: "useEncodedValue", unknownValue: 0 }).fit([["a"], ["b"]])).toThrow("ordinalEncoder.fit: unknownValue 0 is also the code of a known category");
    expect(() => P.simpleImputer({ strategy: "mode" as any })).toThrow('simpleImputer: strategy must be "mean", "median", "mostFrequent" or "constant", got "mode"');
    expect(() => P.polynomialFeatures({ degree: -1 })).toThrow("polynomialFeatures: degree must be a whole number ≥ 0, got -1");
    expect(() => P.polynomialFeatures({ degree: 0, includeBias: false }).fit([[1]])).toThrow("polynomialFeatures.fit: degree 0 without includeBias leaves no output features");
  });
});
