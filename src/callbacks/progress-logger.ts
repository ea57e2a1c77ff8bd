/**
 * The console lines `fit` prints with verbose 1 or 2, in Keras 3's layout:
 *   Epoch 3/50
 *   4/4 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step - accuracy: 0.7500 - loss: 0.5123   (verbose 1)
 *   4/4 - 0s - 2ms/step - accuracy: 0.7500 - loss: 0.5123                    (verbose 2)
 */
import { Callback, type Logs } from "./callback";

export function formatLogs(logs: Logs): string {
  return Object.entries(logs)
    .map(([k, v]) => `${k}: ${Math.abs(v) >= 1e-3 || v === 0 ? v.toFixed(4) : v.toExponential(4)}`)
    .join(" - ");
}

export class ProgressLogger extends Callback {
  private epochStart = 0;

  constructor(private readonly verbose: 1 | 2, private readonly print: (line: string) => void = console.log) {
    super();
  }

  override onEpochBegin(epoch: number): void {
    this.epochStart = Date.now();
    this.print(`Epoch ${epoch + 1}/${this.params?.epochs ?? "?"}`);
  }

  override onEpochEnd(_epoch: number, logs: Logs = {}): void {
    const steps = this.params?.steps ?? 0;
    const ms = Date.now() - this.epochStart;
    const seconds = `${Math.round(ms / 1000)}s`;
    const perStep = `${Math.round(ms / Math.max(steps, 1))}ms/step`;
    const metrics = formatLogs(logs);
    this.print(
      this.verbose === 1
        ? `${steps}/${steps} ${"━".repeat(20)} ${seconds} ${perStep} - ${metrics}`
        : `${steps}/${steps} - ${seconds} - ${perStep} - ${metrics}`,
    );
  }
}
