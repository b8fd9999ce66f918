// Issue 6 in the browser: the Dashboard on the CLI's demo register. It lists the register's alerts
// by urgency (the same ones the API reports), and each kind of link opens the right place: a
// child's file at the right tab, a window's returns, a child's progress, the PEPs area, a risk with
// its review form open, the intervention form pre-filled from a below-target alert, and PP+.

import type { Page } from '@playwright/test';
import type { AlertLink, Dashboard, RegisterAlert } from '../../main/api/contract.ts';
import { expect, openDemo, test } from './fixtures.ts';
import { DashboardPage, dialogShot, expectDialogAccessible } from './pages/DashboardPage.ts';
import { InterventionsPage } from './pages/InterventionsPage.ts';
import { expectAccessible, screenshot } from './support.ts';

const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** What the register itself says (through the same window.register the app uses). */
async function dashboardData(page: Page): Promise<Dashboard> {
  return page.evaluate(async () => {
    const api = (window as unknown as { register: { getDashboard: (i: object) => Promise<{ ok: boolean; value: unknown }> } }).register;
    const r = await api.getDashboard({ calendarWeeks: 6 });
    if (!r.ok) throw new Error('getDashboard failed');
    return r.value;
  }) as Promise<Dashboard>;
}

const allAlerts = (d: Dashboard): RegisterAlert[] => [...d.alerts.urgent, ...d.alerts.warning, ...d.alerts.info];

test('the dashboard lists the demo register\'s alerts, and each kind of link opens the right place', async ({ page, demoServer, pages }) => {
  const dash = new DashboardPage(page);
  await openDemo(page, demoServer, pages);
  await dash.expectShown();
  const d = await dashboardData(page);
  expect(d.alerts.total).toBeGreaterThan(20);

  // ---- the alerts, grouped by urgency, as the register reports them ----
  await expect(page.getByRole('heading', { level: 2, name: `Alerts (${d.alerts.total})` })).toBeVisible();
  for (const sev of ['urgent', 'warning', 'info'] as const) {
    if (d.alerts[sev].length === 0) continue;
    await expect(dash.group(sev).getByRole('heading', { level: 3 })).toBeVisible();
    await expect(dash.group(sev).locator('.fui-Badge').first()).toHaveText(String(d.alerts[sev].length));
  }
  const first = d.alerts.urgent[0]!;
  const firstRow = dash.group('urgent').getByTestId('alert').first();
  await expect(firstRow).toContainText(first.subject.name);
  await expect(firstRow).toContainText(first.title);
  await expect(firstRow).toContainText(first.reason);
  await expect(firstRow).toContainText(`Since ${uk(first.since)}`);
  await expect(page.getByTestId('calendar').getByTestId('deadline')).toHaveCount(d.calendar.items.length);
  await expectAccessible(page, 'dashboard');
  await screenshot(page, 'dashboard-home');

  // ---- each kind of link: find an alert of that shape in the register's answer, then follow it in the UI ----
  const findAlert = (pred: (l: AlertLink) => boolean) => {
    const a = allAlerts(d).find((x) => pred(x.link));
    expect(a, 'the demo register has an alert of this kind').toBeTruthy();
    return a!;
  };
  const follow = async (a: RegisterAlert) => {
    await pages.frame.go('Dashboard');
    await dash.filterKind((await kindLabel(page, a)));
    const link = dash.alerts.getByTestId('alert-link').filter({ hasText: /./ }).and(page.locator(`[aria-label$=": ${a.subject.name}"]`)).first();
    await link.click();
  };

  // A child's file, at the tab the alert names (attendance, education, ...).
  const childTabs: Record<string, string> = { overview: 'Overview', care: 'Care and contacts', education: 'Education', attendance: 'Attendance and exclusions', voice: 'Voice' };
  const toChild = findAlert((l) => l.area === 'children' && l.tab !== null && l.tab in childTabs);
  await follow(toChild);
  await expect(page).toHaveURL(new RegExp(`#/children/${toChild.link.id}/${toChild.link.tab}$`));
  await expect(page.getByRole('heading', { level: 1, name: toChild.subject.name })).toBeVisible();
  await expect(page.getByRole('navigation', { name: "Sections of the child's file" }).getByRole('link', { name: new RegExp(`^${childTabs[toChild.link.tab!]}`) }))
    .toHaveAttribute('aria-current', 'page');

  // A window's progress returns.
  const toReturns = findAlert((l) => l.area === 'progress');
  await follow(toReturns);
  await expect(page).toHaveURL(new RegExp(`#/progress/returns/${toReturns.link.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Progress' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Progress sections' }).getByRole('link', { name: 'Returns' })).toHaveAttribute('aria-current', 'page');

  // A child's progress (below target): Progress › Child progress for that child.
  const below = findAlert((l) => l.area === 'children' && l.tab === 'progress');
  await follow(below);
  await expect(page).toHaveURL(new RegExp(`#/progress/child/${below.link.id}$`));
  await expect(page.getByRole('combobox', { name: 'Child' })).toHaveValue(String(below.link.id));

  // A PEP alert: the PEPs area (this term's PEPs, and the children with none yet).
  const pep = findAlert((l) => l.area === 'children' && l.tab === 'pep');
  await follow(pep);
  await expect(page).toHaveURL(/#\/peps$/);
  await expect(page.getByRole('heading', { level: 1, name: 'PEPs' })).toBeVisible();

  // A risk review: the risk, with its review form open.
  const risk = findAlert((l) => l.area === 'risks');
  await follow(risk);
  await expect(page).toHaveURL(new RegExp(`#/risks/${risk.link.id}/review$`));
  await expect(page.getByRole('heading', { level: 1, name: risk.subject.name })).toBeVisible();
  const review = page.getByRole('dialog', { name: `Review: ${risk.subject.name}` });
  await expect(review).toBeVisible();
  await review.getByRole('button', { name: 'Cancel' }).click();
  await expect(review).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/risks/${risk.link.id}$`));

  // Interventions: "Start an intervention" on a below-target alert opens the form, pre-filled.
  await pages.frame.go('Dashboard');
  await dash.filterKind('Progress below target');
  await dash.alerts.first().getByRole('link', { name: /^Start an intervention for / }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an intervention' })).toBeVisible();
  await expect(page.getByTestId('draft-source')).toContainText('Suggested from');
  const form = new InterventionsPage(page).form('Add an intervention');
  await expect(InterventionsPage.field(form, 'Child')).not.toHaveValue('');
  await expect(InterventionsPage.field(form, 'Subject')).not.toHaveValue('');
  await expect(InterventionsPage.field(form, 'Baseline measure')).not.toHaveValue('');
  await expectAccessible(page, 'interventions: form from a below-target alert');
  await screenshot(page, 'interventions-from-alert');

  // PP+: the dashboard's PP+ panel opens the Interventions area's PP+ page.
  await pages.frame.go('Dashboard');
  await page.getByTestId('ppplus-position').getByRole('link', { name: 'Open PP+' }).click();
  await expect(page).toHaveURL(/#\/interventions\/ppplus$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Interventions' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Interventions sections' }).getByRole('link', { name: 'Pupil Premium Plus' }))
    .toHaveAttribute('aria-current', 'page');
});

/** The Kind filter's label for an alert's kind, read from the page's own options. */
async function kindLabel(page: Page, a: RegisterAlert): Promise<string> {
  const labels = await page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="alerts"] select')[1]!.querySelectorAll('option')).map((o) => o.textContent ?? ''));
  const { ALERT_KIND_LABELS } = await import('../../main/api/contract.ts');
  const label = ALERT_KIND_LABELS[a.kind];
  expect(labels.some((l) => l.startsWith(`${label} (`)), `kind filter offers ${label}`).toBe(true);
  return label;
}

test('filter the alerts by urgency and kind, and change the alert thresholds', async ({ page, demoServer, pages }) => {
  const dash = new DashboardPage(page);
  await openDemo(page, demoServer, pages);
  await dash.expectShown();
  const d = await dashboardData(page);

  await dash.urgencyFilter.selectOption({ label: `Urgent (${d.alerts.urgent.length})` });
  await expect(page.getByText(`Showing ${d.alerts.urgent.length} alert${d.alerts.urgent.length === 1 ? '' : 's'} of ${d.alerts.total}`)).toBeVisible();
  await expect(dash.group('warning')).toHaveCount(0);
  const showAll = dash.group('urgent').getByRole('button', { name: /^Show all/ });
  if (await showAll.count()) await showAll.click();
  await expect(dash.alerts).toHaveCount(d.alerts.urgent.length);
  for (const sev of await dash.alerts.evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')))) expect(sev).toBe('urgent');

  await dash.urgencyFilter.selectOption({ label: 'All' });
  await dash.filterKind('Risk review due');
  const riskAlerts = allAlerts(d).filter((a) => a.kind === 'risk-review-due');
  await expect(dash.alerts).toHaveCount(riskAlerts.length);
  await screenshot(page, 'dashboard-filtered');

  // ---- thresholds: the contract's own limits, then a wider risk review window ----
  await page.getByRole('button', { name: 'Alert thresholds' }).click();
  const dialog = page.getByRole('dialog', { name: 'Alert thresholds' });
  const days = dialog.getByRole('textbox', { name: 'List risk reviews due within (days)' });
  await days.fill('400');
  await dialog.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(dialog.getByText('At most 180 days.')).toBeVisible();
  await days.fill('180');
  await expectDialogAccessible(page, 'dashboard: alert thresholds');
  await dialogShot(dialog, 'dashboard-thresholds-dialog');
  await dialog.getByRole('button', { name: 'Save thresholds' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Alert thresholds saved.' })).toBeVisible();
  const after = await dashboardData(page);
  expect(after.risks.dueForReview.length).toBeGreaterThanOrEqual(d.risks.dueForReview.length);
  await expect(page.getByRole('group', { name: 'Risks due for review' }).locator('[data-part=value]')).toHaveText(String(after.risks.dueForReview.length));
});
