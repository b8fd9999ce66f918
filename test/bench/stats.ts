// Timing helpers for the benchmarks: medians and 95th percentiles of repeated runs.

export interface Timing { runs: number; median_ms: number; p95_ms: number }

export function summarise(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  const round = (n: number) => Math.round(n * 10) / 10;
  return { runs: s.length, median_ms: round(s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2), p95_ms: round(at(0.95)) };
}

/** Collects garbage between measures (the app would, while idle); needs node --expose-gc. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export async function time(runs: number, fn: (i: number) => unknown, warmup = 1): Promise<Timing> {
  collectGarbage();
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}
