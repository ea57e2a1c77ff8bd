/**
 * `nn.plot`: the charts the notebooks draw, each a Vega-Lite v5 spec (JupyterLab renders
 * it natively) bundled with a static SVG rendered in the kernel (exported HTML shows it
 * without script or network) and a one-line text form.
 */
export { Plot, plotBundle } from "./plot";
export { type VegaLiteSpec } from "./spec";
export { renderSvg } from "./svg";
export { activation, activationValues, type ActivationPlotOptions } from "./activation";
export { lossCurves, lrFinder, smoothLosses, steepestLearningRate, type SteepestSkip, type LossCurvesOptions, type LrFinderOptions, type LrFinderResult } from "./curves";
export { scatter, type ScatterOptions } from "./scatter";
export { decisionRegions, type Classifier, type DecisionRegionsOptions } from "./decision-regions";
export { errorSurface, type ErrorSurfaceOptions, type Surface } from "./error-surface";
export { imageGrid, type ImageGridOptions } from "./image-grid";
export { heatmap, type HeatmapOptions } from "./heatmap";
export { confusionMatrix, confusionCounts, type ConfusionMatrixOptions, type ConfusionMatrixPlot } from "./confusion-matrix";
export { bar, type BarData, type BarOptions } from "./bar";
export { line, type LineOptions } from "./line";
export { type PlotData } from "./data";
