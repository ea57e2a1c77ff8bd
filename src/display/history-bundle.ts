/**
 * A training history as a display bundle: `application/vnd.nnlab.history+json` for the
 * JupyterLab dashboard, static `text/html` (progress line and the charts as inline SVG)
 * for exported reports, and `text/plain` for consoles.
 */
import type { History } from "../callbacks/history";
import { escapeHtml, HISTORY_MIME, HISTORY_VERSION, type HistoryData, type MimeBundle } from "./mime";
import { historyRows, historySpec, historyText, progressText } from "../plot/history-spec";
import { renderSvg } from "../plot/svg";
import { decimatedBatchRows } from "./batch-decimation";

/** Live data of histories recorded by the training dashboard (run id, batches, progress). */
const liveData = new WeakMap<History, HistoryData>();

/** Links a History to the richer data the live dashboard recorded for its run. */
export function attachHistoryData(history: History, data: HistoryData): void {
  liveData.set(history, data);
}

/** The history data of a `History`: the dashboard's record when there is one, else built from its logs. */
export function historyData(history: History): HistoryData {
  const live = liveData.get(history);
  if (live) return live;
  // `stopped` is set by fit when model.stopTraining ended the run early (early stopping, …).
  const stopped = (history as { stopped?: boolean }).stopped === true;
  return {
    version: HISTORY_VERSION,
    runId: "",
    status: stopped ? "stopped" : "finished",
    ...(stopped ? { stopReason: "callback" as const } : {}),
    epochs: history.epoch.length,
    steps: 0,
    epoch: [...history.epoch],
    metrics: Object.fromEntries(Object.entries(history.history).map(([k, v]) => [k, [...v]])),
  };
}

/**
 * The charts of `data` as SVG (vega's headless renderer); an empty string before the first point.
 * Long batch series are decimated as the live dashboard draws them (min/max per bucket, the
 * first and last point exact), so an exported report of a long run stays small.
 */
export async function historySvg(data: HistoryData): Promise<string> {
  const rows = data.batches ? [...decimatedBatchRows(data.batches), ...historyRows(data, false)] : historyRows(data);
  if (rows.length === 0) return "";
  return renderSvg(historySpec({ inlineRows: rows }), "history");
}

/** The static HTML: the progress line and the SVG charts (no script, every text escaped). */
export function historyHtml(data: HistoryData, svg: string): string {
  const title = data.model ? `Training "${data.model}"` : "Training history";
  return (
    `<div class="nnlab-history-static" data-run-id="${escapeHtml(data.runId)}">` +
    `<div><b>${escapeHtml(title)}</b> — ${escapeHtml(progressText(data))}</div>` +
    (svg ? `<figure style="margin:4px 0">${svg}</figure>` : "") +
    `</div>`
  );
}

/** The bundle from data and an already rendered SVG (the live display reuses one between redraws). */
export function historyBundleWith(data: HistoryData, svg: string): MimeBundle {
  return { [HISTORY_MIME]: data, "text/html": historyHtml(data, svg), "text/plain": historyText(data) };
}

/** The full bundle, SVG rendered now. */
export async function historyBundle(data: HistoryData): Promise<MimeBundle> {
  return historyBundleWith(data, await historySvg(data));
}
