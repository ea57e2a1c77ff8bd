// Browser entry of the rendering benchmark: the extension's own compiled renderers
// (extension/lib), bundled by render.mjs with webpack, timed inside Chromium.
import { summaryRendererFactory, historyRendererFactory } from '../../extension/lib/index.js';
import '../../extension/style/base.css';

const options = mime => ({ mimeType: mime, sanitizer: { sanitize: h => h }, resolver: null, linkHandler: null, latexTypesetter: null });
const model = (mime, data) => ({ trusted: true, data: { [mime]: data }, metadata: {}, setData: () => undefined });
/** Resolves after the browser has laid out and painted the current DOM. */
const painted = () => new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)));

/** A summary with `n` Dense layers of 64 units (each with two weights and statistics). */
function bigSummary(n) {
  const layers = Array.from({ length: n }, (_, i) => ({
    name: `dense_${i}`, className: 'Dense', outputShape: [null, 64], params: 4160, trainableParams: 4160, trainable: i % 10 !== 0,
    multAdds: 4096, activationBytes: 256,
    weights: [
      { name: `dense_${i}/kernel`, shape: [64, 64], dtype: 'float32', trainable: true, initializer: 'glorotUniform', regularizer: null, stats: { min: -0.3, max: 0.3, mean: 0, std: 0.1, zeros: 0, nonFinite: 0 } },
      { name: `dense_${i}/bias`, shape: [64], dtype: 'float32', trainable: true, initializer: 'zeros', regularizer: null, stats: { min: 0, max: 0, mean: 0, std: 0, zeros: 64, nonFinite: 0 } }
    ]
  }));
  const total = 4160 * n;
  return { version: 1, name: 'deep', className: 'Sequential', layers, totalParams: total, trainableParams: total, nonTrainableParams: 0, totalBytes: total * 4, trainableBytes: total * 4, nonTrainableBytes: 0 };
}

/** A running history with `points` batch points of loss (and per-epoch loss/val_loss/accuracy). */
function history(points, stepsPerEpoch = 100) {
  const epochs = Math.floor(points / stepsPerEpoch);
  const x = Array.from({ length: points }, (_, i) => (i + 1) / stepsPerEpoch);
  const curve = t => 1 / (1 + t) + 0.02 * Math.sin(t * 37);
  const perEpoch = f => Array.from({ length: epochs }, (_, e) => f(e + 1));
  return {
    version: 1, runId: 'bench', model: 'bench', status: 'running', epochs: epochs + 10, steps: stepsPerEpoch, samples: stepsPerEpoch * 32,
    epoch: perEpoch(e => e - 1),
    metrics: { loss: perEpoch(curve), val_loss: perEpoch(t => curve(t) * 1.1), accuracy: perEpoch(t => 1 - curve(t) / 2) },
    learningRate: perEpoch(() => 0.01),
    batches: { x, metrics: { loss: x.map(curve) }, stride: 1 },
    progress: { epoch: epochs, batch: 0, samplesPerSecond: 5000, elapsedSeconds: 10, etaSeconds: 5 }
  };
}

window.bench = {
  /** ms to render (and lay out) a summary of `layers` layers, fresh renderer each time. */
  async summary(layers) {
    const data = bigSummary(layers);
    const host = document.getElementById('host');
    host.replaceChildren();
    const t0 = performance.now();
    const renderer = summaryRendererFactory.createRenderer(options('application/vnd.nnlab.summary+json'));
    host.appendChild(renderer.node);
    await renderer.renderModel(model('application/vnd.nnlab.summary+json', data));
    renderer.node.getBoundingClientRect();
    const t1 = performance.now();
    await painted();
    return { ms: t1 - t0, rows: renderer.node.querySelectorAll('tr[data-layer]').length };
  },
  /** ms for one live update (one more batch) of a dashboard already showing `points` batch points. */
  async dashboardUpdate(points) {
    const host = document.getElementById('host');
    host.replaceChildren();
    const renderer = historyRendererFactory.createRenderer(options('application/vnd.nnlab.history+json'));
    host.appendChild(renderer.node);
    const first = history(points);
    await renderer.renderModel(model('application/vnd.nnlab.history+json', first));
    await painted();
    const next = JSON.parse(JSON.stringify(first));
    next.batches.x.push((points + 1) / next.steps);
    next.batches.metrics.loss.push(0.1);
    next.progress.batch = 1;
    const t0 = performance.now();
    await renderer.renderModel(model('application/vnd.nnlab.history+json', next));
    const t1 = performance.now();
    await painted();
    return { ms: t1 - t0, views: renderer.view.viewsCreated, renders: renderer.view.renders };
  }
};
