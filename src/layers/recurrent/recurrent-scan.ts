/**
 * One autodiff op for a whole recurrent sequence (SimpleRNN, LSTM or GRU), with the backward
 * pass (backpropagation through time) written by hand.
 *
 * Why one op: unrolled into generic ops, an LSTM step is ~15 graph nodes, each allocating its
 * output and gradient; over 32 steps that dominates training time. Here a step is one fused
 * matmul h·R for all gates (Keras's `implementation=2`) plus one elementwise loop, the step
 * buffers are allocated once per sequence, and the recurrent kernel's gradient is a single
 * matmul over all steps at the end.
 *
 * The input projection x·W + b is computed outside, by ordinary graph ops, for all steps at once;
 * this op receives its result `xz` [batch, time, gates·units]. Gate order is Keras's:
 * LSTM i, f, c, o; GRU z, r, h.
 */
import { Tensor } from "../../tensor/tensor";
import { allocate, type DType, type TypedArray } from "../../tensor/dtype";
import { backend } from "../../backend/backend";
import { opResult } from "../../ops/result";
import type { CellActivation } from "./cell-activation";

/** Which cell the op runs. */
export type CellKind = "simpleRNN" | "lstm" | "gru";

/** Gates per cell kind: the width of `xz` is gates × units. */
export const GATES: Record<CellKind, number> = { simpleRNN: 1, lstm: 4, gru: 3 };

/** Options of {@link recurrentScan} that are not differentiated. */
export interface ScanOptions {
  kind: CellKind;
  units: number;
  /** The cell's activation (candidate state and, for LSTM, the carry's output). */
  activation: CellActivation;
  /** The gates' activation (LSTM/GRU). */
  recurrentActivation: CellActivation;
  /** GRU: apply the reset gate after the recurrent matmul (Keras's default, PyTorch's GRU). */
  resetAfter: boolean;
  /** Process time steps last to first; outputs are in processing order (as Keras). */
  goBackwards: boolean;
  /** [batch × time] 1 = real step, 0 = padding (the state is carried over unchanged). */
  mask: Uint8Array | null;
  /** Recurrent dropout: one [batch × units] mask per gate, applied to h before the recurrent matmul. */
  recurrentMasks: TypedArray[] | null;
}

/** `a` as an array of `dtype` (the same array when it already is). */
function asDType(a: TypedArray, dtype: DType): TypedArray {
  if (dtype === "float64") return a instanceof Float64Array ? a : Float64Array.from(a);
  return a instanceof Float32Array ? a : Float32Array.from(a);
}

/** Columns [c0, c0 + w) of a row-major [rows × cols] matrix, as a contiguous [rows × w] copy. */
function columns(m: TypedArray, rows: number, cols: number, c0: number, w: number, dtype: DType): TypedArray {
  const out = allocate(dtype, rows * w);
  for (let r = 0; r < rows; r++) out.set(m.subarray(r * cols + c0, r * cols + c0 + w), r * w);
  return out;
}

/** Adds a contiguous [rows × w] block into columns [c0, c0 + w) of a [rows × cols] matrix. */
function addColumns(dst: TypedArray, src: TypedArray, rows: number, cols: number, c0: number, w: number): void {
  for (let r = 0; r < rows; r++) for (let j = 0; j < w; j++) dst[r * cols + c0 + j] += src[r * w + j];
}

/**
 * Runs the cell over all steps. Inputs (all differentiable): `xz` [B, T, G·U], `recurrentKernel`
 * [U, G·U], `recurrentBias` [G·U] (GRU with resetAfter only, else null), `states` [h0] or
 * [h0, c0] (each [B, U]). Returns [B, T, S·U]: at each processed step the new state(s)
 * (h, then c for LSTM), in processing order.
 */
export function recurrentScan(xz: Tensor, recurrentKernel: Tensor, recurrentBias: Tensor | null, states: Tensor[], o: ScanOptions): Tensor {
  const [B, T, GU] = xz.shape;
  const U = o.units;
  const G = GATES[o.kind];
  const S = o.kind === "lstm" ? 2 : 1;
  const dtype = xz.dtype;
  const BU = B * U;
  const BGU = B * GU;
  const mm = backend().matmul;
  const act = o.activation;
  const ract = o.recurrentActivation;
  const masks = o.recurrentMasks;
  const seqMask = o.mask;
  const gru = o.kind === "gru";
  const resetAfter = o.resetAfter;

  const X = xz.data; // [B, T, GU]
  const R = asDType(recurrentKernel.data, dtype);
  const rb = recurrentBias ? asDType(recurrentBias.data, dtype) : null;
  // Per-gate contiguous blocks of R (recurrent dropout masks each gate's input differently; a
  // GRU without resetAfter multiplies the candidate's block by r ⊙ h separately).
  const splitR = masks !== null || (gru && !resetAfter);
  const Rg = splitR ? Array.from({ length: G }, (_, g) => columns(R, U, GU, g * U, U, dtype)) : [];
  // Fused gates of the recurrent matmul: all of them, or z and r only for a GRU without resetAfter.
  const fusedG = gru && !resetAfter ? 2 : G;
  const Rfused = fusedG === G ? R : columns(R, U, GU, 0, fusedG * U, dtype);

  // Step-major storage for the backward pass.
  const H = allocate(dtype, (T + 1) * BU); // H[s] = state before step s; H[T] = final
  const C = S === 2 ? allocate(dtype, (T + 1) * BU) : null;
  H.set(asDType(states[0].data, dtype), 0);
  if (C) C.set(asDType(states[1].data, dtype), 0);
  const gates = allocate(dtype, T * BGU); // post-activation gates (RNN: the new h)
  const actC = o.kind === "lstm" ? allocate(dtype, T * BU) : null; // LSTM act(c)
  const extra = gru ? allocate(dtype, T * BU) : null; // GRU: recurrent h part (resetAfter) or r ⊙ h (input of R_h)
  const inner = allocate(dtype, BGU); // h·R for one step
  const tmpIn = masks ? allocate(dtype, BU) : null;
  const tmpOut = allocate(dtype, BU);
  const out = allocate(dtype, B * T * S * U);

  /** inner[:, gates g0..g0+n) ← (h ⊙ mask_g)·R_g, fused into one matmul when there are no masks. */
  const recurrentProduct = (h: TypedArray) => {
    if (!masks) {
      if (fusedG === G) mm(h, R, inner, B, U, GU, false, false);
      else {
        const zr = allocate(dtype, B * fusedG * U);
        mm(h, Rfused, zr, B, U, fusedG * U, false, false);
        for (let b = 0; b < B; b++) inner.set(zr.subarray(b * fusedG * U, (b + 1) * fusedG * U), b * GU);
      }
      return;
    }
    for (let g = 0; g < fusedG; g++) {
      const m = masks[g];
      for (let i = 0; i < BU; i++) tmpIn![i] = h[i] * m[i];
      mm(tmpIn!, Rg[g], tmpOut, B, U, U, false, false);
      for (let b = 0; b < B; b++) inner.set(tmpOut.subarray(b * U, (b + 1) * U), b * GU + g * U);
    }
  };

  for (let s = 0; s < T; s++) {
    const t = o.goBackwards ? T - 1 - s : s;
    const hp = H.subarray(s * BU, (s + 1) * BU);
    const hn = H.subarray((s + 1) * BU, (s + 2) * BU);
    recurrentProduct(hp);
    const gs = gates.subarray(s * BGU, (s + 1) * BGU);
    if (gru && !resetAfter) {
      // Candidate: (r ⊙ h ⊙ m_h)·R_h, r from this step's z/r gates.
      const rh = extra!.subarray(s * BU, (s + 1) * BU);
      for (let b = 0; b < B; b++) {
        const xo = (b * T + t) * GU;
        for (let j = 0; j < U; j++) {
          const r = ract.f(X[xo + U + j] + inner[b * GU + U + j]);
          rh[b * U + j] = r * hp[b * U + j] * (masks ? masks[2][b * U + j] : 1);
        }
      }
      mm(rh, Rg[2], tmpOut, B, U, U, false, false);
      for (let b = 0; b < B; b++) inner.set(tmpOut.subarray(b * U, (b + 1) * U), b * GU + 2 * U);
    }
    for (let b = 0; b < B; b++) {
      const xo = (b * T + t) * GU;
      const io = b * GU;
      const ho = b * U;
      const keep = seqMask !== null && seqMask[b * T + t] === 0;
      if (o.kind === "simpleRNN") {
        for (let j = 0; j < U; j++) {
          const y = act.f(X[xo + j] + inner[io + j]);
          gs[io + j] = y;
          hn[ho + j] = keep ? hp[ho + j] : y;
        }
      } else if (o.kind === "lstm") {
        const cp = C!.subarray(s * BU, (s + 1) * BU);
        const cn = C!.subarray((s + 1) * BU, (s + 2) * BU);
        const ac = actC!.subarray(s * BU, (s + 1) * BU);
        for (let j = 0; j < U; j++) {
          const i = ract.f(X[xo + j] + inner[io + j]);
          const f = ract.f(X[xo + U + j] + inner[io + U + j]);
          const g = act.f(X[xo + 2 * U + j] + inner[io + 2 * U + j]);
          const og = ract.f(X[xo + 3 * U + j] + inner[io + 3 * U + j]);
          gs[io + j] = i;
          gs[io + U + j] = f;
          gs[io + 2 * U + j] = g;
          gs[io + 3 * U + j] = og;
          const c = f * cp[ho + j] + i * g;
          const a = act.f(c);
          ac[ho + j] = a;
          cn[ho + j] = keep ? cp[ho + j] : c;
          hn[ho + j] = keep ? hp[ho + j] : og * a;
        }
      } else {
        const ex = extra!.subarray(s * BU, (s + 1) * BU);
        for (let j = 0; j < U; j++) {
          const rz = resetAfter ? inner[io + j] + rb![j] : inner[io + j];
          const rr = resetAfter ? inner[io + U + j] + rb![U + j] : inner[io + U + j];
          const z = ract.f(X[xo + j] + rz);
          const r = ract.f(X[xo + U + j] + rr);
          let hh: number;
          if (resetAfter) {
            const rh = inner[io + 2 * U + j] + rb![2 * U + j];
            ex[ho + j] = rh;
            hh = act.f(X[xo + 2 * U + j] + r * rh);
          } else {
            hh = act.f(X[xo + 2 * U + j] + inner[io + 2 * U + j]);
          }
          gs[io + j] = z;
          gs[io + U + j] = r;
          gs[io + 2 * U + j] = hh;
          hn[ho + j] = keep ? hp[ho + j] : z * hp[ho + j] + (1 - z) * hh;
        }
      }
      const oo = (b * T + s) * S * U;
      out.set(hn.subarray(ho, ho + U), oo);
      if (C) out.set(C.subarray((s + 1) * BU + ho, (s + 1) * BU + ho + U), oo + U);
    }
  }

  const inputs = recurrentBias ? [xz, recurrentKernel, recurrentBias, ...states] : [xz, recurrentKernel, ...states];
  return opResult(`${o.kind}Sequence`, out, [B, T, S * U], inputs, (gOut: TypedArray) => {
    const dX = allocate(dtype, B * T * GU);
    const dInner = allocate(dtype, T * BGU); // gradient w.r.t. the recurrent product (incl. its bias), step-major
    const dH = allocate(dtype, BU);
    const dC = C ? allocate(dtype, BU) : null;
    const dHprev = allocate(dtype, BU);
    const dGate = allocate(dtype, BU); // GRU without resetAfter: d(r ⊙ h)
    for (let s = T - 1; s >= 0; s--) {
      const t = o.goBackwards ? T - 1 - s : s;
      const hp = H.subarray(s * BU, (s + 1) * BU);
      const gs = gates.subarray(s * BGU, (s + 1) * BGU);
      const dI = dInner.subarray(s * BGU, (s + 1) * BGU);
      for (let b = 0; b < B; b++) {
        const oo = (b * T + s) * S * U;
        for (let j = 0; j < U; j++) {
          dH[b * U + j] += gOut[oo + j];
          if (dC) dC[b * U + j] += gOut[oo + U + j];
        }
      }
      dHprev.fill(0);
      for (let b = 0; b < B; b++) {
        const xo = (b * T + t) * GU;
        const io = b * GU;
        const ho = b * U;
        if (seqMask !== null && seqMask[b * T + t] === 0) {
          // A padded step copies the state: its gradient passes straight to the previous state.
          for (let j = 0; j < U; j++) dHprev[ho + j] = dH[ho + j];
          continue; // dC carries over unchanged; dI and dX rows stay 0
        }
        if (o.kind === "simpleRNN") {
          for (let j = 0; j < U; j++) {
            const da = dH[ho + j] * act.dfdy(gs[io + j]);
            dI[io + j] = da;
            dX[xo + j] = da;
          }
        } else if (o.kind === "lstm") {
          const cp = C!.subarray(s * BU, (s + 1) * BU);
          const ac = actC!.subarray(s * BU, (s + 1) * BU);
          for (let j = 0; j < U; j++) {
            const i = gs[io + j], f = gs[io + U + j], g = gs[io + 2 * U + j], og = gs[io + 3 * U + j];
            const a = ac[ho + j];
            const dh = dH[ho + j];
            const dc = dC![ho + j] + dh * og * act.dfdy(a);
            const di = dc * g * ract.dfdy(i);
            const df = dc * cp[ho + j] * ract.dfdy(f);
            const dg = dc * i * act.dfdy(g);
            const dog = dh * a * ract.dfdy(og);
            dI[io + j] = di; dX[xo + j] = di;
            dI[io + U + j] = df; dX[xo + U + j] = df;
            dI[io + 2 * U + j] = dg; dX[xo + 2 * U + j] = dg;
            dI[io + 3 * U + j] = dog; dX[xo + 3 * U + j] = dog;
            dC![ho + j] = dc * f; // to the previous carry
          }
        } else {
          const ex = extra!.subarray(s * BU, (s + 1) * BU);
          for (let j = 0; j < U; j++) {
            const z = gs[io + j], hh = gs[io + 2 * U + j];
            const dh = dH[ho + j];
            const dz = dh * (hp[ho + j] - hh);
            const dhh = dh * (1 - z) * act.dfdy(hh);
            dHprev[ho + j] = dh * z;
            dX[xo + 2 * U + j] = dhh;
            const daz = dz * ract.dfdy(z);
            dX[xo + j] = daz;
            dI[io + j] = daz;
            if (resetAfter) {
              const r = gs[io + U + j];
              dI[io + 2 * U + j] = dhh * r;
              const dar = dhh * ex[ho + j] * ract.dfdy(r);
              dX[xo + U + j] = dar;
              dI[io + U + j] = dar;
            } else {
              dI[io + 2 * U + j] = dhh; // the reset gate's share needs d(r ⊙ h), after the loop
            }
          }
        }
      }
      if (gru && !resetAfter) {
        // d(r ⊙ h ⊙ m) = dI_h · R_hᵀ; then r's gate gradient and h's direct share.
        const dIh = columns(dI, B, GU, 2 * U, U, dtype);
        mm(dIh, Rg[2], dGate, B, U, U, false, true);
        for (let b = 0; b < B; b++) {
          if (seqMask !== null && seqMask[b * T + t] === 0) continue;
          const xo = (b * T + t) * GU;
          for (let j = 0; j < U; j++) {
            const k = b * U + j;
            const m = masks ? masks[2][k] : 1;
            const r = gs[b * GU + U + j];
            const dar = dGate[k] * hp[k] * m * ract.dfdy(r);
            dX[xo + U + j] = dar;
            dI[b * GU + U + j] = dar;
            dHprev[k] += dGate[k] * r * m;
          }
        }
      }
      // Through the recurrent matmul to the previous h.
      if (!masks) {
        if (fusedG === G) mm(dI, R, tmpOut, B, GU, U, false, true);
        else mm(columns(dI, B, GU, 0, fusedG * U, dtype), Rfused, tmpOut, B, fusedG * U, U, false, true);
        for (let i = 0; i < BU; i++) dHprev[i] += tmpOut[i];
      } else {
        for (let g = 0; g < fusedG; g++) {
          mm(columns(dI, B, GU, g * U, U, dtype), Rg[g], tmpOut, B, U, U, false, true);
          const m = masks[g];
          for (let i = 0; i < BU; i++) dHprev[i] += tmpOut[i] * m[i];
        }
      }
      dH.set(dHprev);
    }

    // Recurrent kernel: Σ_s inputᵀ_s · dI_s, as one matmul over all steps where the inputs are shared.
    const dR = allocate(dtype, U * GU);
    const Hin = H.subarray(0, T * BU); // the state entering each step, [T·B, U]
    const TB = T * B;
    if (!masks && fusedG === G) {
      mm(Hin, dInner, dR, U, TB, GU, true, false);
    } else {
      const block = allocate(dtype, U * U);
      for (let g = 0; g < G; g++) {
        let input: TypedArray;
        if (gru && !resetAfter && g === 2) input = extra!; // r ⊙ h ⊙ m_h
        else if (masks) {
          input = allocate(dtype, TB * U);
          const m = masks[g];
          for (let s = 0; s < T; s++) for (let i = 0; i < BU; i++) input[s * BU + i] = Hin[s * BU + i] * m[i];
        } else input = Hin;
        mm(input, columns(dInner, TB, GU, g * U, U, dtype), block, U, TB, U, true, false);
        addColumns(dR, block, U, GU, g * U, U);
      }
    }
    const grads: (TypedArray | null)[] = [xz.requiresGrad ? dX : null, asDType(dR, recurrentKernel.dtype)];
    if (recurrentBias) {
      const dB = allocate(recurrentBias.dtype, GU);
      for (let r = 0; r < TB; r++) for (let j = 0; j < GU; j++) dB[j] += dInner[r * GU + j];
      grads.push(dB);
    }
    grads.push(asDType(dH, states[0].dtype));
    if (C) grads.push(asDType(dC!, states[1].dtype));
    return grads;
  });
}
