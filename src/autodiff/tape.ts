/**
 * A gradient tape for custom training loops (GANs, VAEs, backprop by hand), modelled on
 * TensorFlow's `tf.GradientTape`: watch tensors, compute, then ask for gradients. Every
 * gradient it hands out is kept on the tape with the value it belongs to, so a notebook can
 * print a whole step.
 */
import { Tensor } from "../tensor/tensor";
import { shapeToString } from "../tensor/shape";
import { formatValues } from "../tensor/format";
import { JUPYTER_DISPLAY } from "../display/host";
import type { MimeBundle } from "../display/mime";
import { gradientTensors } from "./gradients";

/** Options of {@link gradientTape}. */
export interface GradientTapeOptions {
  /** Allow several `gradient` calls (e.g. generator and discriminator losses from one pass). Default false, as in TensorFlow. */
  persistent?: boolean;
}

/** Sources in any of the shapes `gradient` accepts; the result has the same shape. */
export type Sources = Tensor | readonly Tensor[] | Readonly<Record<string, Tensor>>;

/** The gradients for {@link Sources}: a tensor, an array or a record, like the sources. */
export type GradientsOf<S> = S extends Tensor ? Tensor : S extends readonly Tensor[] ? Tensor[] : { [K in keyof S]: Tensor };

/** One source's value and gradient from the latest `gradient` call, for printing. */
export interface TapeEntry {
  /** The name given when watching it, else the tensor's own name, else its index or key among the sources. */
  name: string;
  /** The source tensor itself. */
  value: Tensor;
  /** d target / d source, shaped like the source. */
  grad: Tensor;
}

/**
 * Records which tensors to differentiate with respect to and computes gradients of a result.
 * Model weights need no `watch` (they always record, as TensorFlow's variables); plain
 * tensors do, and must be watched before they are used.
 *
 * ```ts
 * const w = nn.tensor([0.5]);
 * const tape = nn.gradientTape();
 * tape.watch(w, "w");
 * const loss = nn.sigmoid(w.mul(2)).sub(1).square().sum();
 * const dw = tape.gradient(loss, w);        // a Tensor shaped like w
 * console.log(tape.toString());             // w: value [0.5] grad [-0.1966…]
 * w.data[0] -= 0.1 * dw.data[0];            // a manual SGD step
 * ```
 */
export class GradientTape {
  /** True when `gradient` may be called more than once. */
  readonly persistent: boolean;
  /** Tensors watched so far, in order. */
  readonly watched: Tensor[] = [];
  /** Sources and gradients of the latest `gradient` call. */
  entries: TapeEntry[] = [];
  private used = false;
  private readonly names = new Map<Tensor, string>();

  constructor(options: GradientTapeOptions = {}) {
    this.persistent = options.persistent ?? false;
  }

  /**
   * Starts recording operations on `t` (it becomes a leaf that requires a gradient) and
   * returns it; `name` labels it when the tape is printed.
   */
  watch<T extends Tensor | readonly Tensor[]>(t: T, name?: string): T {
    const list: readonly Tensor[] = t instanceof Tensor ? [t] : Array.isArray(t) ? t : [];
    if (list.length === 0 && !(Array.isArray(t))) {
      throw new TypeError(`gradientTape.watch: expected a Tensor or an array of tensors, got ${t === null ? "null" : typeof t}`);
    }
    list.forEach((x, i) => {
      if (!(x instanceof Tensor)) throw new TypeError(`gradientTape.watch: element ${i} is not a Tensor`);
      x.requiresGrad = true;
      if (!this.watched.includes(x)) this.watched.push(x);
      if (name !== undefined) this.names.set(x, list.length === 1 ? name : `${name}[${i}]`);
    });
    return t;
  }

  /**
   * d target / d source for each source (zeros for a source the target does not depend on).
   * `sources` may be a tensor, an array or a record of tensors (e.g. `{ w, b }`); the result
   * has the same form. A non-scalar target needs `outputGradient` of its shape.
   */
  gradient<S extends Sources>(target: Tensor, sources: S, outputGradient?: Tensor): GradientsOf<S> {
    if (this.used && !this.persistent) {
      throw new Error("gradientTape.gradient: this tape has already computed gradients; create it with nn.gradientTape({ persistent: true }) to call gradient more than once");
    }
    if (target instanceof Tensor && !target.requiresGrad) {
      throw new Error(
        "gradientTape.gradient: the target was not computed from any watched tensor or weight (watch tensors with tape.watch(x) before computing with them, and not inside noGrad)",
      );
    }
    const names = sourceNames(sources);
    const list = names.map(([, t]) => t);
    const gradients = gradientTensors("gradientTape.gradient", target, list, outputGradient);
    this.used = true;
    this.entries = names.map(([label, t], i) => ({ name: this.names.get(t) ?? t.name ?? label, value: t, grad: gradients[i] }));
    if (sources instanceof Tensor) return gradients[0] as GradientsOf<S>;
    if (Array.isArray(sources)) return gradients as GradientsOf<S>;
    return Object.fromEntries(names.map(([key], i) => [key, gradients[i]])) as GradientsOf<S>;
  }

  /** Each source of the latest `gradient` call with its current value and its gradient. */
  toString(): string {
    if (this.entries.length === 0) return `GradientTape(watching ${this.watched.length} tensors, no gradients yet)`;
    return this.entries
      .map((e) => `${e.name} ${shapeToString(e.value.shape)}\n  value ${indent(formatValues(e.value))}\n  grad  ${indent(formatValues(e.grad))}`)
      .join("\n");
  }

  /** Node's console.log / util.inspect use this. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return this.toString();
  }

  /** Rich display in Jupyter (Deno protocol). */
  [JUPYTER_DISPLAY](): MimeBundle {
    return { "text/plain": this.toString() };
  }
}

/** Labels for the sources: their keys in a record, else `source i`. */
function sourceNames(sources: Sources): [string, Tensor][] {
  let pairs: [string, unknown][];
  if (sources instanceof Tensor) pairs = [["source 0", sources]];
  else if (Array.isArray(sources)) pairs = sources.map((t, i) => [`source ${i}`, t]);
  else if (sources !== null && typeof sources === "object") pairs = Object.entries(sources);
  else throw new TypeError(`gradientTape.gradient: sources must be a Tensor, an array or a record of tensors, got ${sources === null ? "null" : typeof sources}`);
  for (const [label, t] of pairs) {
    if (!(t instanceof Tensor)) throw new TypeError(`gradientTape.gradient: ${label} is not a Tensor`);
  }
  return pairs as [string, Tensor][];
}

function indent(text: string): string {
  return text.replace(/\n/g, "\n        ");
}

/**
 * A new {@link GradientTape}. With `{ persistent: true }` it can compute several gradients
 * from one forward pass.
 *
 * ```ts
 * const tape = nn.gradientTape({ persistent: true });
 * const z = tape.watch(nn.tensor([[0.1, -0.3]]), "z");
 * const fake = generator.call(z, true);
 * const dLoss = ..., gLoss = ...;
 * const dGrads = tape.gradient(dLoss, discriminator.trainableWeights);
 * const gGrads = tape.gradient(gLoss, generator.trainableWeights);
 * ```
 */
export function gradientTape(options: GradientTapeOptions = {}): GradientTape {
  return new GradientTape(options);
}
