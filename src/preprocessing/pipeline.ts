/**
 * A pipeline chains preprocessing steps and, optionally, a final model, as scikit-learn's
 * Pipeline: `fit` fits each transformer on the output of the previous one and then the
 * model; `predict` transforms and predicts. Fitting the scaler inside the pipeline means
 * cross-validation fits it on each training fold only, with no leak from the test fold.
 */
import type { TransformerLike } from "./transformer";

/** A final step that learns from `(x, y)` and predicts: an nnlab Model, or anything with this shape. */
export interface EstimatorLike {
  /** Trains on `(x, y)`; may be async (nnlab models are). */
  fit(x: any, y: any, args?: any): unknown;
  /** Predicts for `x`. */
  predict(x: any, args?: any): unknown;
  /** Scores on `(x, y)`, when the estimator can. */
  evaluate?(x: any, y: any, args?: any): unknown;
}

/** A pipeline step: a transformer (has `transform`) or, as the last step only, an estimator. */
export type PipelineStep = TransformerLike | EstimatorLike;

function isTransformer(step: PipelineStep): step is TransformerLike & { inverseTransform?: (x: unknown) => unknown } {
  return typeof (step as TransformerLike).transform === "function";
}

/** A chain of transformers with an optional final estimator. */
export class Pipeline {
  /** The steps with their names, in order. */
  readonly steps: [string, PipelineStep][];

  constructor(steps: readonly (PipelineStep | readonly [string, PipelineStep])[]) {
    if (!Array.isArray(steps) || steps.length === 0) throw new RangeError("pipeline: expected a non-empty list of steps");
    const seen = new Map<string, number>();
    this.steps = steps.map((s, i) => {
      const [given, step] = Array.isArray(s) ? (s as [string, PipelineStep]) : [undefined, s as PipelineStep];
      if (step === null || typeof step !== "object") throw new TypeError(`pipeline: step ${i} must be a transformer or a model, got ${step === null ? "null" : typeof step}`);
      const last = i === steps.length - 1;
      if (!isTransformer(step) && !(last && typeof (step as EstimatorLike).fit === "function" && typeof (step as EstimatorLike).predict === "function")) {
        throw new TypeError(`pipeline: step ${i}${given ? ` ("${given}")` : ""} must be a transformer (fit/transform)${last ? " or a model (fit/predict)" : "; only the last step may be a model"}`);
      }
      // Unnamed steps are named as sklearn's make_pipeline does: the type's name in lower case, numbered on repeats.
      let name = given ?? ((step as { name?: unknown }).name as string | undefined) ?? step.constructor.name.toLowerCase();
      if (typeof name !== "string") name = `step${i}`;
      const count = seen.get(name) ?? 0;
      seen.set(name, count + 1);
      if (given !== undefined && count > 0) throw new RangeError(`pipeline: step name "${given}" is used twice; names must be unique`);
      return [count > 0 ? `${name}-${count + 1}` : name, step];
    });
  }

  /** Steps by name. */
  get namedSteps(): Record<string, PipelineStep> {
    return Object.fromEntries(this.steps);
  }

  /** The last step. */
  get finalStep(): PipelineStep {
    return this.steps[this.steps.length - 1][1];
  }

  private get transformers(): TransformerLike[] {
    const all = this.steps.map(([, s]) => s);
    return (isTransformer(this.finalStep) ? all : all.slice(0, -1)) as TransformerLike[];
  }

  /**
   * Fits every step in order on the previous step's output; `fitArgs` go to the final
   * model's `fit` (epochs, batchSize, …). Async because nnlab models train asynchronously.
   */
  async fit(x: unknown, y?: unknown, fitArgs?: unknown): Promise<this> {
    let xt = x;
    for (const t of this.transformers) xt = t.fitTransform(xt, y);
    const final = this.finalStep;
    if (!isTransformer(final)) await final.fit(xt, y, fitArgs);
    return this;
  }

  /** Applies every transformer (the final step must be a transformer too). */
  transform(x: unknown): unknown {
    if (!isTransformer(this.finalStep)) throw new TypeError(`pipeline.transform: the last step "${this.steps[this.steps.length - 1][0]}" is a model, not a transformer; use predict`);
    return this.transformers.reduce((xt, t) => t.transform(xt), x);
  }

  /** Fits and transforms through every step (all steps must be transformers). */
  fitTransform(x: unknown, y?: unknown): unknown {
    if (!isTransformer(this.finalStep)) throw new TypeError(`pipeline.fitTransform: the last step "${this.steps[this.steps.length - 1][0]}" is a model, not a transformer; use fit then predict`);
    return this.transformers.reduce((xt, t) => t.fitTransform(xt, y), x);
  }

  /** Undoes the transformers in reverse order (each must have inverseTransform). */
  inverseTransform(x: unknown): unknown {
    return [...this.steps].reverse().reduce((xt, [name, s]) => {
      const inv = (s as { inverseTransform?: (v: unknown) => unknown }).inverseTransform;
      if (typeof inv !== "function") throw new TypeError(`pipeline.inverseTransform: step "${name}" has no inverseTransform`);
      return inv.call(s, xt);
    }, x);
  }

  private transformed(x: unknown, method: string): [unknown, EstimatorLike] {
    const final = this.finalStep;
    if (isTransformer(final)) throw new TypeError(`pipeline.${method}: the last step "${this.steps[this.steps.length - 1][0]}" is a transformer; ${method} needs a model as the last step`);
    return [this.transformers.reduce((xt, t) => t.transform(xt), x), final as EstimatorLike];
  }

  /** Transforms `x` with the fitted transformers and predicts with the final model. */
  predict(x: unknown, args?: unknown): unknown {
    const [xt, model] = this.transformed(x, "predict");
    return model.predict(xt, args);
  }

  /** Transforms `x` and evaluates the final model on `(x, y)`. */
  evaluate(x: unknown, y: unknown, args?: unknown): unknown {
    const final = this.finalStep as EstimatorLike;
    if (!isTransformer(final) && typeof final.evaluate !== "function") throw new TypeError(`pipeline.evaluate: the final step "${this.steps[this.steps.length - 1][0]}" has no evaluate`);
    const [xt, model] = this.transformed(x, "evaluate");
    return model.evaluate!(xt, y, args);
  }
}

/**
 * Chains steps: `pipeline([["scaler", standardScaler()], ["model", model]])`, or unnamed
 * `pipeline([standardScaler(), model])` (steps named after their type, like make_pipeline).
 */
export function pipeline(steps: readonly (PipelineStep | readonly [string, PipelineStep])[]): Pipeline {
  return new Pipeline(steps);
}
