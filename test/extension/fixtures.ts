/**
 * Summary payloads as the nnlab library sends them (SummaryData), for the renderer tests.
 */
import { SUMMARY_MIME, SummaryData } from 'nnlab/dist/display/mime';
import { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import { summaryRendererFactory } from '../../extension/src/index';

/** A renderer from `factory` as JupyterLab would create it (no sanitizer needed: ours never set HTML). */
export function createRendererFor<R extends IRenderMime.IRenderer>(factory: IRenderMime.IRendererFactory, mimeType: string): R {
  return factory.createRenderer({
    mimeType,
    sanitizer: { sanitize: (html: string) => html },
    resolver: null,
    linkHandler: null,
    latexTypesetter: null
  }) as R;
}

/** A summary renderer as JupyterLab would create it. */
export function createRenderer() {
  return createRendererFor(summaryRendererFactory, SUMMARY_MIME);
}

/** A mime model holding `data` under `mimeType` (and `text/plain` when given). */
export function mimeModelFor(mimeType: string, data: unknown, options: { plain?: string; trusted?: boolean } = {}): IRenderMime.IMimeModel {
  const bundle: Record<string, unknown> = { [mimeType]: data };
  if (options.plain !== undefined) {
    bundle['text/plain'] = options.plain;
  }
  return {
    trusted: options.trusted ?? false,
    data: bundle as IRenderMime.IMimeModel['data'],
    metadata: {},
    setData: () => undefined
  };
}

/** Sequential 4 → 4 → 4: two Dense layers of 20 parameters each, 40 in all. */
export function twoLayerSummary(): SummaryData {
  return {
    version: 1,
    name: 'sequential',
    className: 'Sequential',
    layers: [
      {
        name: 'dense',
        className: 'Dense',
        outputShape: [null, 4],
        params: 20,
        trainableParams: 20,
        trainable: true
      },
      {
        name: 'dense_1',
        className: 'Dense',
        outputShape: [null, 4],
        params: 20,
        trainableParams: 20,
        trainable: true
      }
    ],
    totalParams: 40,
    trainableParams: 40,
    nonTrainableParams: 0,
    totalBytes: 160,
    trainableBytes: 160,
    nonTrainableBytes: 0
  };
}

/** The XOR net 2 → 2 → 1 after fit(): 9 parameters, and Adam's slots (2 per parameter + iteration count). */
export function xorSummary(): SummaryData {
  return {
    version: 1,
    name: 'sequential',
    className: 'Sequential',
    layers: [
      {
        name: 'dense',
        className: 'Dense',
        outputShape: [null, 2],
        params: 6,
        trainableParams: 6,
        trainable: true
      },
      {
        name: 'dense_1',
        className: 'Dense',
        outputShape: [null, 1],
        params: 3,
        trainableParams: 3,
        trainable: true
      }
    ],
    totalParams: 9,
    trainableParams: 9,
    nonTrainableParams: 0,
    totalBytes: 36,
    trainableBytes: 36,
    nonTrainableBytes: 0,
    optimizerParams: 20,
    optimizerBytes: 80
  };
}

/** A functional model with two inputs merged by Concatenate, the first branch frozen. */
export function functionalSummary(): SummaryData {
  return {
    version: 1,
    name: 'functional',
    className: 'Functional',
    layers: [
      { name: 'a', className: 'InputLayer', outputShape: [null, 3], params: 0, trainableParams: 0, trainable: true, connectedTo: [] },
      { name: 'b', className: 'InputLayer', outputShape: [null, 5], params: 0, trainableParams: 0, trainable: true, connectedTo: [] },
      { name: 'dense', className: 'Dense', outputShape: [null, 2], params: 8, trainableParams: 0, trainable: false, connectedTo: ['a'] },
      { name: 'concatenate', className: 'Concatenate', outputShape: [null, 7], params: 0, trainableParams: 0, trainable: true, connectedTo: ['dense', 'b'] },
      { name: 'dense_1', className: 'Dense', outputShape: [null, 1], params: 8, trainableParams: 8, trainable: true, connectedTo: ['concatenate'] }
    ],
    totalParams: 16,
    trainableParams: 8,
    nonTrainableParams: 8,
    totalBytes: 64,
    trainableBytes: 32,
    nonTrainableBytes: 32
  };
}

/** A summary mime model as JupyterLab hands it to a renderer. */
export function mimeModel(data: unknown, plain?: string): IRenderMime.IMimeModel {
  return mimeModelFor(SUMMARY_MIME, data, { plain });
}
