// Financial years for Pupil Premium Plus: 1 April to 31 March, labelled like academic years
// ('2025-26' is 1 April 2025 to 31 March 2026).

export function financialYearOf(date: string): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const start = m >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function financialYearBounds(label: string): { startDate: string; endDate: string; startYear: number } {
  const startYear = Number(label.slice(0, 4));
  return { startDate: `${startYear}-04-01`, endDate: `${startYear + 1}-03-31`, startYear };
}

/** The twelve months of the year, April first: [first day, last day]. */
export function financialYearMonths(label: string): { start: string; end: string }[] {
  const { startYear } = financialYearBounds(label);
  return Array.from({ length: 12 }, (_, i) => {
    const y = startYear + (i >= 9 ? 1 : 0);
    const m = ((i + 3) % 12) + 1;
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    const mm = String(m).padStart(2, '0');
    return { start: `${y}-${mm}-01`, end: `${y}-${mm}-${String(last).padStart(2, '0')}` };
  });
}
