/**
 * Keras's timestep masks: a layer that knows which steps are padding (Embedding with
 * `maskZero`) attaches a [batch, time] mask to its output tensor, as Keras attaches
 * `_keras_mask`; recurrent layers read it from their input and carry the state over padded steps.
 * A WeakMap keeps the mask with the tensor without a field on `Tensor` and frees it with it.
 */
import type { Tensor } from "../../tensor/tensor";

/** A [batch, time] mask: 1 for a real step, 0 for padding (row-major). */
export interface SequenceMask {
  /** The mask values, batch-major. */
  readonly data: Uint8Array;
  /** [batch, time]. */
  readonly shape: readonly [number, number];
}

const masks = new WeakMap<Tensor, SequenceMask>();

/** Attaches `mask` to `t` (what Embedding with `maskZero` does to its output). */
export function setSequenceMask(t: Tensor, mask: SequenceMask | null): void {
  if (mask) masks.set(t, mask);
}

/**
 * The mask attached to `t`, if any (`nn.layers.getSequenceMask(embedding.apply(ids))`).
 * Only the layer that made it attaches it: layers in between (Dense, Dropout) do not pass it on.
 */
export function getSequenceMask(t: Tensor): SequenceMask | undefined {
  return masks.get(t);
}

/**
 * Carries `from`'s mask over to `to` (layers that keep the time axis, as Keras's
 * `supports_masking` layers do: TimeDistributed, SpatialDropout1D, GaussianNoise); returns `to`.
 */
export function passSequenceMask(from: Tensor, to: Tensor): Tensor {
  const mask = masks.get(from);
  if (mask && to.rank >= 2 && to.shape[0] === mask.shape[0] && to.shape[1] === mask.shape[1]) masks.set(to, mask);
  return to;
}
