/** The autodiff user API: function transforms, gradient tapes and gradient checking. */
export { grad, grads, valueAndGrad, valueAndGrads } from "./grad";
export { GradientTape, gradientTape, type GradientTapeOptions, type Sources, type GradientsOf, type TapeEntry } from "./tape";
export { checkGrad, type CheckGradOptions, type GradCheckResult, type InputGradCheck } from "./check-grad";
