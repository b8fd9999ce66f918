// Auto-lock after idle (DESIGN.md "Security model"). A plain timer so the same logic serves the
// Electron shell and browser mode; the shell adds OS lock and suspend on top.

export class IdleLock {
  private timer: NodeJS.Timeout | null = null;
  private deadline: number | null = null;

  constructor(
    private readonly onIdle: () => void,
    private timeoutMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Restart the countdown (user activity or an API call). */
  touch(): void {
    this.stop();
    this.deadline = this.now() + this.timeoutMs;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.deadline = null;
      this.onIdle();
    }, this.timeoutMs);
    this.timer.unref?.();
  }

  setTimeout(ms: number): void {
    this.timeoutMs = ms;
    if (this.timer) this.touch();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.deadline = null;
  }

  get lockAt(): Date | null {
    return this.deadline === null ? null : new Date(this.deadline);
  }
}
