import fs from 'node:fs';

/**
 * Peak resident memory of this process so far, in MB. On Linux from VmHWM: getrusage's maxRSS is
 * inherited from the parent across exec, so it would report the register builder's peak.
 */
export function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Math.round(Number(kb) / 1024);
  } catch {
    // Not Linux.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
