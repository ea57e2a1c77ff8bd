/** Every op's bad-input message names the op, the argument and what was expected and got. */
import * as nn from "nnlab";

const cases: [string, () => unknown, string][] = [
  ["add: shapes that do not broadcast", () => nn.add(nn.zeros([2, 3]), nn.zeros([2])), "add: shapes [2, 3] and [2] cannot be broadcast together (dimension 1: 3 vs 2)"],
  ["mul via method", () => nn.zeros([4, 1]).mul(nn.zeros([3, 2])), "mul: shapes [4, 1] and [3, 2] cannot be broadcast together (dimension 0: 4 vs 3)"],
  ["add: a non-tensor operand", () => nn.add(nn.zeros([1]), "2" as unknown as number), "add: argument b must be a Tensor or a number, got string \"2\""],
  ["where: condition does not broadcast", () => nn.where(nn.zeros([3]), nn.zeros([2, 2]), 0), "where (condition): shapes [3] and [2, 2] cannot be broadcast together (dimension 1: 3 vs 2)"],
  ["matmul: inner dimensions", () => nn.matmul(nn.zeros([2, 3]), nn.zeros([4, 5])), "matmul: inner dimensions differ: [2, 3] · [4, 5] (3 vs 4)"],
  ["matmul: transposed inner dimensions", () => nn.matmul(nn.zeros([2, 3]), nn.zeros([4, 5]), { transposeB: true }), "matmul: inner dimensions differ: [2, 3] · [4, 5]ᵀ (3 vs 5)"],
  ["matmul: batch dimensions", () => nn.matmul(nn.zeros([2, 2, 3]), nn.zeros([3, 3, 4])), "matmul (batch dimensions): shapes [2] and [3] cannot be broadcast together"],
  ["matmul: scalar operand", () => nn.matmul(nn.scalar(2), nn.zeros([2, 2])), "matmul: operands must have rank ≥ 1, got shapes [] and [2, 2]"],
  ["matmul: transposing a vector", () => nn.matmul(nn.zeros([2]), nn.zeros([2, 2]), { transposeA: true }), "matmul: transposing needs a matrix, got shapes [2] and [2, 2]"],
  ["sum: axis out of range", () => nn.sum(nn.zeros([2, 3]), 2), "sum: axis 2 is out of range for a tensor of rank 2"],
  ["mean: repeated axis", () => nn.mean(nn.zeros([2, 3]), [1, -1]), "mean: axis [1,-1] repeats an axis"],
  ["max: empty axis", () => nn.max(nn.zeros([2, 0]), 1), "max: cannot reduce over an empty axis (tensor shape [2, 0])"],
  ["argmax: empty axis", () => nn.argmax(nn.zeros([2, 0])), "argmax: axis -1 of shape [2, 0] is empty"],
  ["softmax: axis out of range", () => nn.softmax(nn.zeros([2, 3]), -3), "softmax: axis -3 is out of range for a tensor of rank 2"],
  ["logSoftmax: axis out of range", () => nn.logSoftmax(nn.zeros([2]), 1), "logSoftmax: axis 1 is out of range for a tensor of rank 1"],
  ["variance: axis out of range", () => nn.variance(nn.zeros([2]), 3), "variance: axis 3 is out of range for a tensor of rank 1"],
  ["norm: unsupported order", () => nn.norm(nn.zeros([2]), 3), "norm: ord must be 1, 2 or Infinity, got 3"],
  ["cumsum: axis out of range", () => nn.cumsum(nn.zeros([2]), 1), "cumsum: axis 1 is out of range for a tensor of rank 1"],
  ["reshape: size mismatch", () => nn.reshape(nn.zeros([2, 3]), [4, 2]), "reshape: cannot reshape a tensor of shape [2, 3] (6 values) into [4, 2]"],
  ["reshape: two inferred dims", () => nn.reshape(nn.zeros([2, 3]), [-1, -1]), "reshape: invalid target shape [-1, -1]"],
  ["transpose: not a permutation", () => nn.transpose(nn.zeros([2, 3]), [0, 0]), "transpose: perm [0, 0] is not a permutation of the 2 axes of a tensor of shape [2, 3]"],
  ["expandDims: axis out of range", () => nn.expandDims(nn.zeros([2]), 3), "expandDims: axis 3 is out of range for a tensor of rank 2"],
  ["squeeze: axis out of range", () => nn.squeeze(nn.zeros([1]), 1), "squeeze: axis 1 is out of range for a tensor of rank 1"],
  ["concat: scalars", () => nn.concat([nn.scalar(1), nn.scalar(2)]), "concat: cannot concatenate scalars (rank 0); use stack"],
  ["concat: a non-tensor element", () => nn.concat([nn.zeros([1]), [1] as unknown as nn.Tensor]), "concat: element 1 is not a Tensor (got object)"],
  ["stack: axis out of range", () => nn.stack([nn.zeros([2])], 2), "stack: axis 2 is out of range for a tensor of rank 2"],
  ["slice: too many begin entries", () => nn.slice(nn.zeros([2]), [0, 0]), "slice: begin [0,0] has 2 entries but the tensor has rank 1 (shape [2])"],
  ["slice: too many size entries", () => nn.slice(nn.zeros([2]), 0, [1, 1]), "slice: size [1,1] has 2 entries but the tensor has rank 1 (shape [2])"],
  ["gather: non-integer index", () => nn.gather(nn.zeros([3]), [0.5]), "gather: index 0.5 (position 0) is not an integer in [0, 3)"],
  ["gather: ragged indices", () => nn.gather(nn.zeros([3]), [[0, 1], [2]] as unknown as number[][]), "gather: indices must be a rectangular array"],
  ["gather: bad indices type", () => nn.gather(nn.zeros([3]), "0" as unknown as number[]), "gather: indices must be a Tensor or an array of integers, got string"],
  ["gatherRows: out of range", () => nn.gatherRows(nn.zeros([2, 2]), [2]), "gatherRows: index 2 is out of range for 2 rows"],
  ["pow: exponent type", () => nn.pow(nn.zeros([1]), "2" as unknown as number), "pow: argument exponent must be a Tensor or a number, got string \"2\""],
  ["clip: min above max", () => nn.clip(nn.zeros([1]), 1, 0), "clip: min (1) must not exceed max (0)"],
  ["backward on a non-scalar", () => nn.tensor([1, 2], { requiresGrad: true }).mul(2).backward(), "backward(): only a scalar can be backpropagated without a gradient argument; this tensor has shape [2]"],
  ["item on many values", () => nn.zeros([2]).item(), "item(): tensor has 2 elements (shape [2]), expected 1"],
];

test.each(cases)("%s", (_name, run, message) => {
  expect(run).toThrow(message);
});
