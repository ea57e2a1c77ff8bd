/**
 * `nn.linalg`: dense linear algebra on small matrices, in float64 — linear systems, inverses,
 * determinants and least squares, for closed-form fits such as ridge regression's normal equations.
 */
export { solve, inv } from "./solve";
export { det } from "./det";
export { lstsq, type LstsqResult } from "./lstsq";
export { type LinalgInput } from "./matrix";
