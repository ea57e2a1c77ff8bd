/** Saving and loading models and weights (Node's fs; folders written atomically). */
export { saveModel, saveWeights, MODEL_FILE, type SavedModel } from "./save";
export { loadModel } from "./load";
export { WEIGHTS_FILE, MANIFEST_FILE, type WeightsManifest, type WeightEntry } from "./weights-file";
