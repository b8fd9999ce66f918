// A one-off message carried to the next screen ("Child added"): set just before navigating, taken
// (once) by the screen that shows it. Each area keeps its own slot, so one area never shows
// another's message.

export interface FlashSlot {
  set(message: string | null): void;
  /** The pending message, if any; later calls return null. */
  take(): string | null;
}

export function createFlash(): FlashSlot {
  let pending: string | null = null;
  return {
    set(message) {
      pending = message;
    },
    take() {
      const m = pending;
      pending = null;
      return m;
    },
  };
}
