/**
 * Reverse-mode automatic differentiation, in the spirit of micrograd: every op that
 * needs a gradient records a {@link GradFn} on its output; `backprop` walks the
 * graph once in reverse topological order and applies the chain rule.
 */
import type { Tensor } from "./tensor";
import type { TypedArray } from "./dtype";

/** How an op's output passes its gradient back to its inputs. */
export interface GradFn {
  /** Op name, for error messages and debugging. */
  readonly op: string;
  /** The op's inputs, in order. */
  readonly inputs: readonly Tensor[];
  /**
   * Given dLoss/dOutput, returns dLoss/dInput for each input (same order), or null
   * for an input that needs no gradient. Returned arrays have the input's size and dtype; they
   * may be `gradOutput` itself or one array for several inputs (backprop never writes into an
   * array it did not allocate), and must not change afterwards.
   */
  backward(gradOutput: TypedArray): (TypedArray | null)[];
}

let gradEnabled = true;

/** True unless inside {@link noGrad}. */
export function isGradEnabled(): boolean {
  return gradEnabled;
}

/**
 * Runs `fn` without recording gradients (inference, weight updates, metrics).
 * Nested calls and exceptions restore the previous state.
 */
export function noGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/**
 * Runs `fn` with gradients recorded even inside {@link noGrad} (what `nn.grad` and
 * gradient tapes use). Nested calls and exceptions restore the previous state.
 */
export function enableGrad<T>(fn: () => T): T {
  const previous = gradEnabled;
  gradEnabled = true;
  try {
    return fn();
  } finally {
    gradEnabled = previous;
  }
}

/** Tensors reachable from `root` through recorded ops, inputs before outputs. */
function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<Tensor>();
  // Iterative DFS: deep graphs (long RNN unrolls, many steps) must not overflow the call stack.
  const stack: { node: Tensor; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.expanded) {
      order.push(top.node);
      continue;
    }
    if (visited.has(top.node)) continue;
    visited.add(top.node);
    stack.push({ node: top.node, expanded: true });
    for (const input of top.node.gradFn?.inputs ?? []) {
      if (input.requiresGrad && !visited.has(input)) stack.push({ node: input, expanded: false });
    }
  }
  return order;
}

/**
 * Backpropagates from `root` seeded with `seed` (dRoot/dRoot) and returns the gradient
 * of every tensor on the way that requires one, keyed by tensor.
 */
export function backprop(root: Tensor, seed: TypedArray): Map<Tensor, TypedArray> {
  const grads = new Map<Tensor, TypedArray>();
  grads.set(root, seed);
  // Arrays this walk allocated itself, so it may add into them. An op may hand back an array it
  // also handed to another input (or its own output gradient), so a gradient is stored as
  // returned and copied only when a second contribution has to be added to it.
  const owned = new Set<TypedArray>();
  const order = topologicalOrder(root);
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    const fn = node.gradFn;
    const g = grads.get(node);
    if (!fn || !g) continue;
    const inputGrads = fn.backward(g);
    for (let k = 0; k < fn.inputs.length; k++) {
      const input = fn.inputs[k];
      const ig = inputGrads[k];
      if (!ig || !input.requiresGrad) continue;
      let existing = grads.get(input);
      if (!existing) {
        grads.set(input, ig);
        continue;
      }
      if (!owned.has(existing)) {
        existing = existing.slice();
        owned.add(existing);
        grads.set(input, existing);
      }
      for (let j = 0; j < existing.length; j++) existing[j] += ig[j];
    }
  }
  return grads;
}

/**
 * d(scalar)/d(variable) for each variable (zeros where the variable did not contribute),
 * without touching `.grad` — what training steps and `nn.grad` use.
 */
export function gradientsOf(scalar: Tensor, variables: readonly Tensor[]): TypedArray[] {
  if (scalar.size !== 1) {
    throw new RangeError(`gradients: the differentiated value must be a scalar, got ${scalar.size} elements`);
  }
  const seed = new (scalar.data.constructor as Float32ArrayConstructor)(1).fill(1);
  const grads = scalar.requiresGrad ? backprop(scalar, seed) : new Map<Tensor, TypedArray>();
  // backprop may give two variables one shared array (the gradients of a + b); each gets its own.
  const given = new Set<TypedArray>();
  return variables.map((v) => {
    const g = grads.get(v);
    if (!g) return new (v.data.constructor as Float32ArrayConstructor)(v.size);
    if (given.has(g)) return g.slice();
    given.add(g);
    return g;
  });
}
