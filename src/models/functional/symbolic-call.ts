/**
 * What happens when a layer is called on symbolic tensors: the layer is built and its input
 * checked for the symbolic shape, then run once on a tiny batch of zeros (batch size 1, unknown
 * sizes 1) to learn its output shape — the same code path as a real call, so every layer, custom
 * ones included, works without a separate shape rule — and the call is recorded as a graph node.
 */
import { Tensor } from "../../tensor/tensor";
import { zeros } from "../../tensor/creation";
import { noGrad } from "../../tensor/autograd";
import { shapeToString } from "../../tensor/shape";
import { Layer, setSymbolicCallHandler } from "../../layers/layer";
import type { ShapeSpec } from "../../display/mime";
import { recordNode, SymbolicTensor } from "./symbolic-tensor";

/** True when `x` is a symbolic tensor or an array holding one. */
function isSymbolic(x: unknown): boolean {
  return x instanceof SymbolicTensor || (Array.isArray(x) && x.some((t) => t instanceof SymbolicTensor));
}

/** `dense_1 [*, 3]`: a symbolic tensor named by the layer that produces it. */
function describe(t: SymbolicTensor): string {
  return `${t.node.layer.name} ${shapeToString(t.symbolicShape)}`;
}

function symbolicCall(layer: Layer, x: unknown, _training: boolean, check: (shape: ShapeSpec) => void): Tensor {
  const isList = Array.isArray(x);
  const inputs = (isList ? x : [x]) as unknown[];
  if (inputs.some((t) => !(t instanceof SymbolicTensor))) {
    throw new TypeError(`${layer.name}: cannot mix symbolic tensors (from nn.input) with concrete tensors in one call`);
  }
  const symbolic = inputs as SymbolicTensor[];
  if (!isList) check(symbolic[0].symbolicShape);
  const probes = symbolic.map((t) => zeros(t.symbolicShape.map((d) => d ?? 1), { dtype: t.dtype }));
  let out: Tensor;
  try {
    out = noGrad(() => layer.apply((isList ? probes : probes[0]) as Tensor, false));
  } catch (e) {
    if (!isList) throw e;
    // Name the layers that feed a merge layer, with their shapes.
    const err = e as Error;
    const Ctor = (err.constructor ?? Error) as new (message: string) => Error;
    throw new Ctor(`${layer.name} cannot be called on ${symbolic.map(describe).join(" and ")}: ${err.message}`);
  }
  const batchKnown = symbolic[0].symbolicShape[0] !== null;
  const otherUnknown = symbolic.some((t) => t.symbolicShape.slice(1).some((d) => d === null));
  let shape: ShapeSpec = [batchKnown ? out.shape[0] : null, ...out.shape.slice(1)];
  // Sizes that vary (a sequence length) are not learned from a probe of size 1: ask the layer's
  // shape rule — for a list, only a layer that has one for lists (merge layers, attention, lambda
  // override it to take a list of shapes; the default rule keeps a single shape).
  if (otherUnknown && !isList) shape = layer.computeOutputShape(symbolic[0].symbolicShape);
  if (otherUnknown && isList && layer.computeOutputShape !== Layer.prototype.computeOutputShape) {
    const listRule = layer.computeOutputShape as unknown as (shapes: ShapeSpec[]) => ShapeSpec;
    shape = listRule.call(layer, symbolic.map((t) => t.symbolicShape));
  }
  return recordNode(layer, symbolic, isList, [shape], [out.dtype])[0];
}

setSymbolicCallHandler({ isSymbolic, call: symbolicCall });
