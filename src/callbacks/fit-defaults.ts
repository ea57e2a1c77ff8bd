/**
 * Callbacks that `fit` adds to every run on its own, registered by integrations rather
 * than by the user: the nnlab kernel's live training display is one. Keeping this a
 * registry means the training loop does not depend on any display or kernel code.
 */
import type { Callback } from "./callback";
import type { Model } from "../models/model";

/** What a factory learns about the run it may join. */
export interface FitContext {
  /** The model `fit` was called on. */
  model: Model;
  /** Epochs the run will train for. */
  epochs: number;
  /** `fit`'s verbosity (0, 1 or 2). */
  verbose: number;
}

/** Returns a callback for this run, or undefined to stay out of it. */
export type FitCallbackFactory = (context: FitContext) => Callback | undefined;

const factories: FitCallbackFactory[] = [];

/** Adds `factory` to every later `fit`; returns a function that removes it again. */
export function registerFitCallback(factory: FitCallbackFactory): () => void {
  factories.push(factory);
  return () => {
    const i = factories.indexOf(factory);
    if (i >= 0) factories.splice(i, 1);
  };
}

/** The callbacks the registered factories give for one run. */
export function defaultFitCallbacks(context: FitContext): Callback[] {
  return factories.map((f) => f(context)).filter((cb): cb is Callback => cb !== undefined);
}
