/**
 * The dashboard's "Stop training" button. Enabled only while the run is training, the
 * output is trusted and a live kernel is reachable; otherwise disabled with a tooltip
 * saying why. Pressing it sends `{ method: "stop", runId }` on the `nnlab.training` comm.
 */
import { HistoryData } from 'nnlab/dist/display/mime';
import { el } from '../dom';
import { kernelFor, requestStop } from '../kernel-bridge';

export class StopControl {
  readonly node: HTMLButtonElement = el('button', { className: 'nnlab-dashboard-stop', text: 'Stop training', attrs: { type: 'button' } });
  private runId = '';
  private pending = false;
  /** Set once the kernel accepted the stop; the button stays disabled until the run ends. */
  private requested = false;

  constructor(private readonly anchor: () => HTMLElement) {
    this.node.addEventListener('click', () => void this.press());
  }

  /** Enables or disables the button for this state of the run. */
  update(data: HistoryData, trusted: boolean): void {
    if (data.runId !== this.runId) {
      this.runId = data.runId;
      this.requested = false;
    }
    let reason = '';
    if (data.status !== 'running') {
      reason = data.status === 'stopped' ? 'Training was stopped' : 'Training has finished';
    } else if (!trusted) {
      reason = 'Stop is disabled: this output is not trusted (trust the notebook to enable it)';
    } else {
      const found = kernelFor(this.anchor());
      if ('reason' in found) {
        reason = `Stop is disabled: ${found.reason}`;
      }
    }
    if (this.requested && data.status === 'running') {
      reason = 'Stop requested: training ends after the current batch';
    }
    this.node.disabled = reason !== '' || this.pending;
    this.node.title = reason || 'Stop training after the current batch (the weights are kept)';
    if (data.status !== 'running') {
      this.node.textContent = data.status === 'stopped' ? 'Stopped' : 'Stop training';
    }
  }

  private async press(): Promise<void> {
    const found = kernelFor(this.anchor());
    if ('reason' in found || this.pending) {
      return;
    }
    this.pending = true;
    this.node.disabled = true;
    this.node.textContent = 'Stopping…';
    try {
      const ok = await requestStop(found.kernel, this.runId);
      this.requested = ok;
      this.node.textContent = ok ? 'Stopping…' : 'Stop training';
      this.node.title = ok ? 'Stop requested: training ends after the current batch' : 'The kernel has no such run (it may have finished)';
    } catch (error) {
      this.node.textContent = 'Stop training';
      this.node.title = `Stop failed: ${(error as Error).message}`;
    } finally {
      this.pending = false;
      this.node.disabled = this.requested;
    }
  }
}
