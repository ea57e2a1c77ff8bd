/** Check helpers for notebooks and scripts (`nn.assertClose`, `nn.check`). */
export { assertClose, check, type CloseOptions } from "./assert-close";
