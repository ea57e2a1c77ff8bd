/** Every argument check of the layers: the error names the layer and the argument, the expected and the actual. */
import * as nn from "nnlab";
import { deserializeLayer, registerLayerClass, serializeLayer } from "../../../src/layers/serialization";

const L = nn.layers;
beforeEach(() => nn.clearSession());

describe("common layer arguments", () => {
  test.each([
    ["a non-object", () => L.dense(null as unknown as nn.layers.DenseArgs), "Dense: expected an arguments object, got null"],
    ["an empty name", () => L.dense({ units: 1, name: "" }), 'Dense: name must be a non-empty string, got ""'],
    ["a non-boolean trainable", () => L.dense({ units: 1, trainable: "yes" as unknown as boolean }), 'dense: trainable must be true or false, got "yes"'],
    ["a bad inputShape", () => L.dense({ units: 1, inputShape: [0] }), "dense: inputShape must be a list of positive integers (or null), got [0]"],
    ["a bad inputDim", () => L.dense({ units: 1, inputDim: 2.5 }), "dense: inputDim must be a positive integer, got 2.5"],
    ["a bad batchInputShape", () => L.dense({ units: 1, batchInputShape: [] }), "dense: batchInputShape must be a non-empty list of positive integers (or null), got []"],
    ["two input shapes", () => L.dense({ units: 1, inputShape: [2], inputDim: 2 }), "dense: give only one of inputShape, inputDim"],
    ["an unknown activity regularizer", () => L.dense({ units: 1, activityRegularizer: "l3" }), /dense: activityRegularizer: unknown regularizer "l3". Valid regularizers: l1, l1l2, l2/],
  ])("%s", (_name, make, message) => {
    expect(make).toThrow(message);
  });

  test("inputDim and batchInputShape set the batch input shape", () => {
    expect(L.dense({ units: 1, inputDim: 11 }).batchInputShape).toEqual([null, 11]);
    expect(L.dense({ units: 1, batchInputShape: [32, 11] }).batchInputShape).toEqual([32, 11]);
    expect(L.dense({ units: 1, batchInputShape: [32, 11] }).getConfig().batchInputShape).toEqual([32, 11]);
  });

  test("apply needs a tensor; addWeight refuses a second weight of the same name", () => {
    const layer = L.dense({ units: 1, name: "d" });
    expect(() => layer.apply([[1]] as unknown as nn.Tensor)).toThrow("d: expected a Tensor input, got object");
    layer.ensureBuilt([null, 2]);
    expect(() => layer.addWeight("kernel", [2, 1], "zeros")).toThrow('d: a weight named "kernel" already exists');
  });
});

describe("Dense", () => {
  test.each([
    ["units 0", { units: 0 }, "dense: units must be a positive integer, got 0"],
    ["units 1.5", { units: 1.5 }, "dense: units must be a positive integer, got 1.5"],
    ["useBias not boolean", { units: 1, useBias: 1 }, "dense: useBias must be true or false, got 1"],
    ["unknown activation", { units: 1, activation: "relu7" }, /dense: activation: unknown activation "relu7". Valid activations: .*relu6/],
    ["unknown initializer", { units: 1, kernelInitializer: "glorot" }, /dense: kernelInitializer: unknown initializer "glorot"/],
    ["unknown regularizer", { units: 1, biasRegularizer: "l9" }, /dense: biasRegularizer: unknown regularizer "l9"/],
    ["unknown constraint", { units: 1, kernelConstraint: "positive" }, /dense: kernelConstraint: unknown constraint "positive". Valid constraints: maxNorm, minMaxNorm, nonNeg, unitNorm/],
    ["a non-initializer", { units: 1, kernelInitializer: 3 }, "dense: kernelInitializer must be an initializer id (e.g. \"glorotUniform\") or an initializer, got 3"],
  ])("%s", (_name, args, message) => {
    expect(() => L.dense(args as unknown as nn.layers.DenseArgs)).toThrow(message);
  });

  test("building needs a known last dimension", () => {
    expect(() => L.dense({ units: 2 }).ensureBuilt([null, null])).toThrow("dense: the last input dimension must be known to build a Dense layer, got input shape [null,null]");
  });
});

describe("Activation, Flatten, Reshape", () => {
  test("Activation needs a known activation", () => {
    expect(() => L.activation({} as nn.layers.ActivationArgs)).toThrow('activation: activation is required (e.g. { activation: "relu" })');
    expect(() => L.activation({ activation: "sigmoidal" })).toThrow(/activation_1: activation: unknown activation "sigmoidal". Valid activations: .*sigmoid/);
  });

  test("Flatten needs a batch axis", () => {
    expect(() => L.flatten().apply(nn.scalar(1))).toThrow("flatten expects an input with a batch dimension, got a scalar");
  });

  test.each([
    ["not a list", { targetShape: 6 }, TypeError, "reshape: targetShape must be a list of positive integers (one may be -1), got 6"],
    ["a zero", { targetShape: [0, 2] }, TypeError, "reshape: targetShape must be a list of positive integers (one may be -1), got [0,2]"],
    ["two -1", { targetShape: [-1, -1] }, RangeError, "reshape: targetShape may contain -1 only once, got [-1, -1]"],
  ])("Reshape: %s", (_name, args, type, message) => {
    expect(() => L.reshape(args as unknown as nn.layers.ReshapeArgs)).toThrow(type);
    nn.clearSession();
    expect(() => L.reshape(args as unknown as nn.layers.ReshapeArgs)).toThrow(message);
  });

  test("Reshape: values that do not fit name the layer, the sample shape and the target", () => {
    expect(() => L.reshape({ targetShape: [4, 2] }).apply(nn.zeros([3, 6]))).toThrow("reshape: cannot reshape samples of shape [6] (6 values) into targetShape [4, 2]");
    expect(() => L.reshape({ targetShape: [-1, 4] }).computeOutputShape([null, 6])).toThrow("reshape_1: cannot reshape samples of shape [6] (6 values) into targetShape [-1, 4]");
  });
});

describe("Dropout", () => {
  test.each([
    ["rate > 1", { rate: 1.5 }, RangeError, "dropout: rate must be a number in [0, 1], got 1.5"],
    ["rate missing", {}, RangeError, "dropout: rate must be a number in [0, 1], got undefined"],
    ["rate NaN", { rate: NaN }, RangeError, "dropout: rate must be a number in [0, 1], got null"],
    ["bad noiseShape", { rate: 0.5, noiseShape: [0, 2] }, TypeError, "dropout: noiseShape must be a list of positive integers or nulls, got [0,2]"],
    ["infinite seed", { rate: 0.5, seed: Infinity }, RangeError, "dropout: seed must be a finite number, got Infinity"],
  ])("%s", (_name, args, type, message) => {
    expect(() => L.dropout(args as nn.layers.DropoutArgs)).toThrow(type);
    nn.clearSession();
    expect(() => L.dropout(args as nn.layers.DropoutArgs)).toThrow(message);
  });

  test("a noiseShape that does not fit the input", () => {
    expect(() => L.dropout({ rate: 0.5, noiseShape: [null, 1] }).apply(nn.ones([2, 3, 4]), true)).toThrow("dropout: noiseShape [*, 1] has rank 2 but the input [2, 3, 4] has rank 3");
    expect(() => L.dropout({ rate: 0.5, noiseShape: [null, 2, 1] }).apply(nn.ones([2, 3, 4]), true)).toThrow("dropout_1: noiseShape [*, 2, 1] does not broadcast to the input shape [2, 3, 4] (axis 1)");
  });
});

describe("BatchNormalization and LayerNormalization", () => {
  test.each([
    ["axis 0.5", { axis: 0.5 }, "batch_normalization: axis must be an integer, got 0.5"],
    ["momentum 1.5", { momentum: 1.5 }, "batch_normalization: momentum must be a number in [0, 1], got 1.5"],
    ["negative epsilon", { epsilon: -1 }, "batch_normalization: epsilon must be a non-negative number, got -1"],
    ["center not boolean", { center: "no" }, 'batch_normalization: center must be true or false, got "no"'],
    ["scale not boolean", { scale: 0 }, "batch_normalization: scale must be true or false, got 0"],
    ["unknown gamma regularizer", { gammaRegularizer: "l5" }, /batch_normalization: gammaRegularizer: unknown regularizer "l5"/],
    ["unknown moving-variance initializer", { movingVarianceInitializer: "twos" }, /batch_normalization: movingVarianceInitializer: unknown initializer "twos"/],
  ])("BatchNormalization: %s", (_name, args, message) => {
    expect(() => L.batchNormalization(args as nn.layers.BatchNormalizationArgs)).toThrow(message);
  });

  test("BatchNormalization: build and call errors name the axis and shapes", () => {
    expect(() => L.batchNormalization({ axis: 2 }).ensureBuilt([null, 3])).toThrow("batch_normalization: axis 2 is out of range for inputs of shape [*, 3] (rank 2)");
    expect(() => L.batchNormalization().ensureBuilt([null, null])).toThrow("batch_normalization_1: the size of axis -1 must be known to build the layer, got input shape [*, *]");
    const bn = L.batchNormalization({ axis: 1 });
    bn.ensureBuilt([null, 3, 5]);
    expect(() => bn.apply(nn.zeros([2, 4, 5]))).toThrow("batch_normalization_2 expects input shape [*, 3, *] but got [2, 4, 5]");
    expect(() => bn.apply(nn.zeros([2, 3]))).toThrow("batch_normalization_2 expects input shape [*, 3, *] but got [2, 3]");
  });

  test("LayerNormalization: axis checks", () => {
    expect(() => L.layerNormalization({ axis: [] })).toThrow("layer_normalization: axis must be an integer or a non-empty list of integers, got []");
    expect(() => L.layerNormalization({ axis: [1, -1] }).ensureBuilt([null, 4])).toThrow("layer_normalization_1: axis [1,-1] names an axis twice");
    const ln = L.layerNormalization();
    ln.ensureBuilt([null, 4]);
    expect(() => ln.apply(nn.zeros([2, 5]))).toThrow("layer_normalization_2 expects input shape [*, 4] but got [2, 5]");
  });
});

describe("PReLU", () => {
  test("sharedAxes checks", () => {
    expect(() => L.prelu({ sharedAxes: [0] })).toThrow("p_re_lu: sharedAxes must be axes ≥ 1 (axis 0 is the batch), got [0]");
    expect(() => L.prelu({ sharedAxes: [3] }).ensureBuilt([null, 4])).toThrow("p_re_lu_1: sharedAxes entry 3 is out of range for inputs of rank 2");
    expect(() => L.prelu().ensureBuilt([null, null, 4])).toThrow("p_re_lu_2: every non-shared input dimension must be known to build PReLU, got input shape [null,null,4]");
    // A shared axis may be unknown.
    const shared = L.prelu({ sharedAxes: 1 });
    shared.ensureBuilt([null, null, 4]);
    expect(shared.weights[0].shape).toEqual([1, 4]);
    expect(shared.apply(nn.ones([2, 7, 4])).shape).toEqual([2, 7, 4]);
    expect(() => shared.apply(nn.ones([2, 7, 3]))).toThrow("p_re_lu_3 expects input shape [*, *, 4] but got [2, 7, 3]");
  });
});

describe("InputLayer", () => {
  test.each([
    ["no shape", {}, "InputLayer: an input shape is required: give shape (e.g. { shape: [784] }) or batchInputShape"],
    ["shape and inputShape", { shape: [2], inputShape: [2] }, "InputLayer: give either inputShape or shape, not both"],
    ["shape and batchInputShape", { shape: [2], batchInputShape: [null, 2] }, "InputLayer: give either shape or batchInputShape, not both"],
    ["a bad batchSize", { shape: [2], batchSize: 0 }, "InputLayer: batchSize must be a positive integer, got 0"],
    ["a bad shape", { shape: [-2] }, "input_layer: batchInputShape must be a non-empty list of positive integers (or null), got [null,-2]"],
  ])("%s", (_name, args, message) => {
    expect(() => L.inputLayer(args as nn.layers.InputLayerArgs)).toThrow(message);
  });

  test("shapes: per sample, with a batch size, and checked on call", () => {
    expect(L.input({ shape: [28, 28] }).batchInputShape).toEqual([null, 28, 28]);
    expect(L.inputLayer({ inputShape: [3], batchSize: 8 }).batchInputShape).toEqual([8, 3]);
    const input = L.input({ shape: [3] });
    expect(input.name).toBe("input_layer_2");
    expect(input.apply(nn.ones([5, 3])).shape).toEqual([5, 3]);
    expect(() => input.apply(nn.ones([5, 4]))).toThrow("input_layer_2 expects input shape [*, 3] but got [5, 4]");
  });
});

describe("serialization errors", () => {
  test("malformed input, unknown classes, bad registrations", () => {
    expect(() => deserializeLayer(null as unknown as nn.layers.SerializedLayer)).toThrow("deserializeLayer: expected { className, config }, got null");
    expect(() => deserializeLayer({ className: "Dense", config: [] as unknown as nn.layers.LayerConfig })).toThrow("deserializeLayer: the config of a Dense must be an object, got []");
    expect(() => serializeLayer({} as nn.layers.Layer)).toThrow("serializeLayer: expected a layer, got object");
    expect(() => registerLayerClass("", () => L.flatten())).toThrow('registerLayerClass: className must be a non-empty string, got ""');
    expect(() => registerLayerClass("X", null as unknown as nn.layers.LayerFactory)).toThrow("registerLayerClass: fromConfig for X must be a function, got object");
    const config = { name: "d", trainable: true, units: 1, kernelRegularizer: { className: "L7", config: {} } };
    expect(() => deserializeLayer({ className: "Dense", config })).toThrow('d: kernelRegularizer: unknown regularizer class "L7". Known: L1, L2, L1L2');
    const c2 = { name: "d", trainable: true, units: 1, kernelConstraint: { className: "Positive", config: {} } };
    expect(() => deserializeLayer({ className: "Dense", config: c2 })).toThrow('d: kernelConstraint: unknown constraint class "Positive". Known: MaxNorm, NonNeg, UnitNorm, MinMaxNorm');
    const c3 = { name: "d", trainable: true, units: 1, kernelInitializer: 5 };
    expect(() => deserializeLayer({ className: "Dense", config: c3 })).toThrow("d: kernelInitializer: expected an initializer id or { className, config }, got 5");
  });
});
