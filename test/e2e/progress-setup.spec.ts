// Progress set-up on the demo register: subjects, teachers, a child's timetable, the SLA,
// an external provider's session reports, and a school's own grade scale.

import { expect, openDemo, test } from './fixtures.ts';
import { ProgressPage } from './pages/ProgressPage.ts';
import { expectAccessible, screenshot } from './support.ts';

test('subjects, teachers, timetables, the SLA, providers and grade scales are set up', async ({ page, demoServer, pages }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Progress');
  const p = new ProgressPage(page);
  await p.open('Set-up');
  const setup = page.getByTestId('setup-section');
  const saved = (text: string | RegExp) => expect(setup.getByRole('status').filter({ hasText: text })).toBeVisible();

  // Subjects: the subject leader is copied into stage 2 letters.
  await expect(setup.getByRole('table', { name: 'Subjects' })).toContainText('English');
  await expectAccessible(page, 'progress set-up: subjects');
  await screenshot(page, 'progress-setup-subjects');
  await setup.getByRole('button', { name: 'Edit Art' }).click();
  await setup.getByRole('group', { name: 'Subject leader' }).getByRole('textbox', { name: 'Name' }).fill('Jonah Whitlock');
  await setup.getByRole('button', { name: 'Save subject' }).click();
  await saved('Art saved.');
  await expect(setup.getByRole('row', { name: /^Art/ })).toContainText('Jonah Whitlock');

  // A subject with returns cannot be deleted: the register's reason shows in the dialog, which stays open.
  await setup.getByRole('button', { name: 'Delete English' }).click();
  const refused = page.getByRole('alertdialog');
  await refused.getByRole('button', { name: 'Delete subject' }).click();
  await expect(refused.getByRole('alert')).toBeVisible();
  await refused.getByRole('button', { name: 'Cancel' }).click();
  await expect(refused).toHaveCount(0);
  await expect(setup.getByRole('row', { name: /^English/ })).toHaveCount(1);

  // Teachers: a new one, to put on a timetable.
  await p.openSetup('Teachers');
  await expectAccessible(page, 'progress set-up: teachers');
  await screenshot(page, 'progress-setup-teachers');
  await setup.getByRole('button', { name: 'Add a teacher' }).click();
  await setup.getByRole('textbox', { name: 'Name' }).fill('Imogen Fairweather');
  await setup.getByRole('textbox', { name: 'Email' }).fill('imogen.fairweather@example.org');
  await setup.getByRole('button', { name: 'Save teacher' }).click();
  await saved('Imogen Fairweather saved.');
  // A teacher with no history can be deleted.
  await setup.getByRole('button', { name: 'Add a teacher' }).click();
  await setup.getByRole('textbox', { name: 'Name' }).fill('Temporary Cover');
  await setup.getByRole('button', { name: 'Save teacher' }).click();
  await saved('Temporary Cover saved.');
  await setup.getByRole('button', { name: 'Delete Temporary Cover' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete teacher' }).click();
  await saved('Temporary Cover deleted.');
  await expect(setup.getByRole('row', { name: /^Temporary Cover/ })).toHaveCount(0);

  // A child's timetable: subject → teacher and class, saved as a whole.
  await p.openSetup('Timetables');
  await setup.getByRole('combobox', { name: 'Child' }).selectOption({ index: 1 });
  const row1 = setup.getByRole('group', { name: 'Timetable row 1' });
  await expect(row1).toBeVisible();
  await row1.getByRole('combobox', { name: 'Teacher' }).selectOption({ label: 'Imogen Fairweather' });
  await row1.getByRole('textbox', { name: 'Class' }).fill('9X/Ma1');
  await expectAccessible(page, 'progress set-up: timetable');
  await screenshot(page, 'progress-setup-timetable');
  await setup.getByRole('button', { name: 'Save timetable' }).click();
  await saved(/timetable saved \(\d+ subjects?\)\./);

  // The SLA: school days, checked on the field.
  await p.openSetup('Service level agreement');
  const gap = setup.getByRole('textbox', { name: 'School days between chase stages' });
  await gap.fill('0');
  await setup.getByRole('button', { name: 'Save changes' }).click();
  await expect(setup.getByText('The days between stages must be a whole number from 1 to 30.')).toBeVisible();
  await gap.fill('4');
  await setup.getByRole('button', { name: 'Save changes' }).click();
  await saved('Service level agreement saved.');
  await expectAccessible(page, 'progress set-up: SLA');
  await screenshot(page, 'progress-setup-sla');

  // An external provider's session reports: one outstanding is marked received.
  await p.openSetup('External providers');
  await expectAccessible(page, 'progress set-up: providers');
  await setup.getByRole('button', { name: /^Session reports from / }).first().click();
  const reports = setup.getByRole('table', { name: /^Session reports from / });
  await expect(reports).toBeVisible();
  const mark = reports.getByRole('button', { name: /^Mark received: / }).first();
  await mark.click();
  await saved(/marked as received today\./);
  await expectAccessible(page, 'progress set-up: provider session reports');
  await screenshot(page, 'progress-setup-provider-reports');

  // Grade scales: built-ins are read-only; the school adds its own, lowest first.
  await p.openSetup('Grade scales');
  await expect(setup.getByRole('row', { name: /^GCSE 9–1/ })).toContainText('Read-only');
  await setup.getByRole('button', { name: 'Add the school\u2019s own scale' }).click();
  await setup.getByRole('textbox', { name: 'Name' }).fill('Mastery ladder');
  await setup.getByRole('textbox', { name: 'Grades, one per line, lowest first' }).fill('Emerging\nDeveloping\nSecure\nMastery');
  await setup.getByRole('button', { name: 'Save scale' }).click();
  await saved('Mastery ladder saved.');
  await expect(setup.getByRole('list', { name: 'Mastery ladder grades, lowest first' }).getByRole('listitem')).toHaveText(['Emerging', 'Developing', 'Secure', 'Mastery']);
  await expectAccessible(page, 'progress set-up: grade scales');
  await screenshot(page, 'progress-setup-scales');
});
