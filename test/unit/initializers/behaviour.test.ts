/**
 * Initializers: Keras's fans and configs (fixture from Keras 3), orthogonal against
 * torch.linalg.qr, determinism per seed, ids, factories, and every error message.
 */
import * as init from "../../../src/initializers";
import { setSeed } from "../../../src/random/rng";
import { setDefaultDType, getDefaultDType } from "../../../src/tensor/dtype";
import type { Tensor } from "../../../src/tensor/tensor";
import { expectClose, flat, torchFixture } from "../helpers";

const fixture = torchFixture("initializers");

/** WᵀW for a [rows, cols] tensor, as nested arrays. */
function gram(w: Tensor, rows: number, cols: number, transpose = false): number[][] {
  const [m, n] = transpose ? [cols, rows] : [rows, cols];
  const at = (i: number, j: number) => (transpose ? w.data[j * cols + i] : w.data[i * cols + j]);
  return Array.from({ length: n }, (_, a) => Array.from({ length: n }, (_, b) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += at(i, a) * at(i, b);
    return s;
  }));
}

function identity(n: number, scale = 1): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? scale : 0)));
}

describe("Keras conventions", () => {
  test("computeFans matches Keras 3's compute_fans (dense, conv, scalar, vector)", () => {
    for (const { shape, fans } of fixture.fans) {
      const { fanIn, fanOut } = init.computeFans(shape);
      expect([fanIn, fanOut]).toEqual(fans);
    }
  });

  test("className and getConfig() equal Keras 3's get_config() of each class with defaults", () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const factories: Record<string, init.InitializerFactory<any>> = {
      Zeros: init.zeros, Ones: init.ones, Constant: init.constant, RandomNormal: init.randomNormal,
      RandomUniform: init.randomUniform, TruncatedNormal: init.truncatedNormal, VarianceScaling: init.varianceScaling,
      GlorotUniform: init.glorotUniform, GlorotNormal: init.glorotNormal, HeUniform: init.heUniform, HeNormal: init.heNormal,
      LecunUniform: init.lecunUniform, LecunNormal: init.lecunNormal, Orthogonal: init.orthogonal,
    };
    expect(Object.keys(factories).sort()).toEqual(Object.keys(fixture.keras_configs).sort());
    for (const [className, keras] of Object.entries(fixture.keras_configs) as Array<[string, Record<string, unknown>]>) {
      const made = factories[className]();
      expect(made.className).toBe(className);
      // Keras 3.15 adds input_axes/output_axes (null by default) to variance scaling; nnlab has no such option.
      const expected = Object.fromEntries(Object.entries(keras).filter(([k]) => k !== "input_axes" && k !== "output_axes"));
      expect(made.getConfig()).toEqual(expected);
    }
  });

  test("every Keras 3 id and class name resolves (snake_case, camelCase, PascalCase)", () => {
    const ids: Record<string, string> = {
      zeros: "zeros", zero: "zeros", ones: "ones", one: "ones", constant: "constant", random_normal: "randomNormal",
      normal: "randomNormal", random_uniform: "randomUniform", uniform: "randomUniform", truncated_normal: "truncatedNormal",
      variance_scaling: "varianceScaling", glorot_uniform: "glorotUniform", glorot_normal: "glorotNormal",
      he_uniform: "heUniform", he_normal: "heNormal", lecun_uniform: "lecunUniform", lecun_normal: "lecunNormal",
      orthogonal: "orthogonal", HeNormal: "heNormal", GlorotUniform: "glorotUniform", xavier_uniform: "glorotUniform",
    };
    for (const [id, name] of Object.entries(ids)) expect(init.getInitializer(id, "test").name).toBe(name);
  });
});

describe("orthogonal", () => {
  test("the sign-corrected Q of Householder QR equals torch.linalg.qr's, to 1e-12", () => {
    for (const { a, q, rows, cols } of fixture.qr) {
      expectClose(init.signCorrectedQ(Float64Array.from(flat(a)), rows, cols), flat(q), 1e-12);
    }
  });

  test("a tall kernel [6, 4] has orthonormal columns: WᵀW = I", () => {
    setSeed(1);
    const w = init.orthogonal([6, 4], "float64");
    expectClose(flat(gram(w, 6, 4)), flat(identity(4)), 1e-12);
  });

  test("a wide kernel [3, 7] has orthonormal rows (WWᵀ = I); gain 2 gives 4·I", () => {
    setSeed(2);
    expectClose(flat(gram(init.orthogonal([3, 7], "float64"), 3, 7, true)), flat(identity(3)), 1e-12);
    expectClose(flat(gram(init.orthogonal({ gain: 2 })([3, 7], "float64"), 3, 7, true)), flat(identity(3, 4)), 1e-12);
  });

  test("a convolution kernel [3, 3, 4, 8] is flattened to 36 × 8 with orthonormal columns", () => {
    const w = init.orthogonal({ seed: 5 })([3, 3, 4, 8], "float64");
    expect(w.shape).toEqual([3, 3, 4, 8]);
    expectClose(flat(gram(w, 36, 8)), flat(identity(8)), 1e-12);
  });

  test("rank < 2 is an error naming the shape", () => {
    expect(() => init.orthogonal([5])).toThrow("orthogonal initializer: the weight must have rank ≥ 2, got shape [5] of rank 1");
  });
});

describe("seeds and determinism", () => {
  test("a seeded initializer returns the same values on every call (Keras 3); other seeds differ", () => {
    const seeded: Array<init.InitializerFactory<init.SeedOption>> = [init.heNormal, init.glorotUniform, init.randomNormal, init.truncatedNormal, init.orthogonal];
    for (const factory of seeded) {
      const a = factory({ seed: 1 })([4, 5]);
      const b = factory({ seed: 1 })([4, 5]);
      const again = factory({ seed: 1 });
      expect(Array.from(a.data)).toEqual(Array.from(b.data));
      expect(Array.from(again([4, 5]).data)).toEqual(Array.from(again([4, 5]).data));
      expect(Array.from(factory({ seed: 2 })([4, 5]).data)).not.toEqual(Array.from(a.data));
    }
  });

  test("unseeded initializers draw from the global generator: setSeed repeats them, consecutive draws differ", () => {
    setSeed(42);
    const first = init.heUniform([3, 3]);
    const second = init.heUniform([3, 3]);
    setSeed(42);
    expect(Array.from(init.heUniform([3, 3]).data)).toEqual(Array.from(first.data));
    expect(Array.from(second.data)).not.toEqual(Array.from(first.data));
  });

  test("a seeded initializer leaves the global generator alone", () => {
    setSeed(7);
    const expected = init.randomUniform([5]);
    setSeed(7);
    init.randomUniform({ seed: 3 })([100]);
    expect(Array.from(init.randomUniform([5]).data)).toEqual(Array.from(expected.data));
  });
});

describe("factories, ids and dtypes", () => {
  test("zeros, ones and constant({ value: 0.1 }) are exact, as functions and by id", () => {
    expect(Array.from(init.zeros([2, 2]).data)).toEqual([0, 0, 0, 0]);
    expect(Array.from(init.ones()([3]).data)).toEqual([1, 1, 1]);
    expect(Array.from(init.constant({ value: 0.1 })([2], "float64").data)).toEqual([0.1, 0.1]);
    expect(Array.from(init.getInitializer("constant", "t").fn([2]).data)).toEqual([0, 0]); // Keras's default value 0
    expect(init.constant({ value: 0.1 }).getConfig()).toEqual({ value: 0.1 });
  });

  test("the dtype argument and the global default dtype", () => {
    expect(init.heNormal([2, 3], "float64").dtype).toBe("float64");
    expect(init.heNormal([2, 3]).dtype).toBe(getDefaultDType());
    setDefaultDType("float64");
    try {
      expect(init.glorotUniform([2, 3]).dtype).toBe("float64");
    } finally {
      setDefaultDType("float32");
    }
  });

  test("a factory-made initializer is named by its id and describes itself", () => {
    const he = init.heNormal({ seed: 1 });
    expect(init.getInitializer(he, "t").name).toBe("heNormal");
    expect(he.className).toBe("HeNormal");
    expect(he.getConfig()).toEqual({ seed: 1 });
    expect(init.varianceScaling({ scale: 2, mode: "fanAvg", distribution: "uniform" }).getConfig())
      .toEqual({ seed: null, scale: 2, mode: "fan_avg", distribution: "uniform" });
  });

  test("initializerFromConfig rebuilds a serialized initializer (same values for a seeded one)", () => {
    const original = init.varianceScaling({ scale: 2, mode: "fan_out", distribution: "untruncated_normal", seed: 9 });
    const rebuilt = init.initializerFromConfig(original.className, original.getConfig(), "t");
    expect(rebuilt.getConfig()).toEqual(original.getConfig());
    expect(Array.from(rebuilt([4, 3]).data)).toEqual(Array.from(original([4, 3]).data));
    const keras = init.initializerFromConfig("RandomUniform", { seed: null, minval: -1, maxval: 1 }, "t");
    expect(keras.getConfig()).toEqual({ seed: null, minval: -1, maxval: 1 });
  });
});

describe("errors name the initializer, the option, the expected and the actual value", () => {
  const cases: Array<[string, () => unknown, string]> = [
    ["unknown id", () => init.getInitializer("he_normalish", "dense: kernelInitializer"),
      'dense: kernelInitializer: unknown initializer "he_normalish". Valid initializers: constant, glorotNormal, glorotUniform, heNormal, heUniform, lecunNormal, lecunUniform, ones, orthogonal, randomNormal, randomUniform, truncatedNormal, varianceScaling, zeros'],
    ["non-string id", () => init.getInitializer(5 as never, "dense: kernelInitializer"),
      "dense: kernelInitializer: expected an initializer id (string) or a function, got number"],
    ["scale ≤ 0", () => init.varianceScaling({ scale: 0 }), "varianceScaling: scale must be > 0, got 0"],
    ["bad mode", () => init.varianceScaling({ mode: "fan_sum" }), 'varianceScaling: unknown mode "fan_sum". Valid: fanIn, fanOut, fanAvg'],
    ["bad distribution", () => init.varianceScaling({ distribution: "cauchy" }),
      'varianceScaling: unknown distribution "cauchy". Valid: truncatedNormal, untruncatedNormal, uniform, normal'],
    ["minval > maxval", () => init.randomUniform({ minval: 1, maxval: 0 }), "randomUniform: minval (1) must not exceed maxval (0)"],
    ["negative stddev", () => init.randomNormal({ stddev: -1 }), "randomNormal: stddev must be ≥ 0, got -1"],
    ["non-numeric mean", () => init.truncatedNormal({ mean: "0" as never }), "truncatedNormal: mean must be a finite number, got string"],
    ["NaN seed", () => init.heNormal({ seed: NaN }), "heNormal: seed must be a finite number, got NaN"],
    ["non-finite constant", () => init.constant({ value: Infinity }), "constant: value must be a finite number, got Infinity"],
    ["non-numeric gain", () => init.orthogonal({ gain: "2" as never }), "orthogonal: gain must be a finite number, got string"],
    ["factory given a number", () => init.heNormal(3 as never), "heNormal: expected a shape (array) or an options object, got number"],
    ["bad shape", () => init.heNormal([2, -1]), "heNormal initializer: shape"],
    ["bad dtype", () => init.zeros([2], "int8" as never), 'zeros initializer: dtype: dtype must be one of float32, float64, got "int8"'],
  ];
  for (const [what, run, message] of cases) {
    test(what, () => expect(run).toThrow(message));
  }
});
