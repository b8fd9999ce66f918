// The Reports area (issue 8): the annual report to governors (anonymous and suppressed), what the
// DT writes and enters for it, and the pupil experience survey. Sub-navigation is links styled as
// tabs (each its own address); the academic year chosen is shared by every tab.

import { Field, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { AcademicYear, AppStatus } from '../../api/contract.ts';
import { useAcademicYears } from '../../api/queries.ts';
import { useStaleModalGuard } from '../../app/useStaleModalGuard.ts';
import { Heading } from '../../components/Heading.tsx';
import { SectionTabs } from '../../components/SectionTabs.tsx';
import { LoadFailed, Loading, todayIso, useUi } from '../dashboard/ui.tsx';
import { ReportContent } from './ReportContent.tsx';
import { ReportView } from './ReportView.tsx';
import { reportsHref, useReportsRoute } from './route.ts';
import { SurveyQuestions } from './SurveyQuestions.tsx';
import { SurveyResponseScreen } from './SurveyResponse.tsx';
import { SurveyYearScreen } from './SurveyYear.tsx';

let rememberedYear: string | null = null;

/** The year holding today, else the latest year that has started, else the first. */
export function currentYearLabel(years: AcademicYear[]): string | null {
  const today = todayIso();
  const sorted = [...years].sort((a, b) => a.startDate.localeCompare(b.startDate));
  return sorted.find((y) => y.startDate <= today && today <= y.endDate)?.label
    ?? [...sorted].reverse().find((y) => y.startDate <= today)?.label
    ?? sorted[0]?.label ?? null;
}

export function ReportsArea({ status }: { status: AppStatus }) {
  const ui = useUi();
  const route = useReportsRoute();
  useStaleModalGuard(JSON.stringify(route));
  const years = useAcademicYears();
  const [chosen, setChosenState] = useState<string | null>(rememberedYear);
  const setChosen = (y: string) => {
    rememberedYear = y;
    setChosenState(y);
  };
  const list = years.data ?? [];
  const year = chosen && list.some((y) => y.label === chosen) ? chosen : currentYearLabel(list);
  const tab = route.kind === 'response' ? 'survey' : route.kind;
  return (
    <div className={ui.page}>
      <Heading focusOnMount>Reports</Heading>
      <SectionTabs label="Reports" current={tab} tabs={[
        { id: 'report', label: 'Annual report', href: reportsHref.report() },
        { id: 'content', label: 'Figures and narrative', href: reportsHref.content() },
        { id: 'survey', label: 'Pupil survey', href: reportsHref.survey() },
        { id: 'questions', label: 'Survey questions', href: reportsHref.questions() },
      ]} />
      {route.kind === 'questions' ? <SurveyQuestions /> : years.isPending ? <Loading what="academic years" /> : years.error ? <LoadFailed what="academic years" error={years.error} /> : !year ? (
        <Text>Add an academic year in Settings first: the report and the survey are per academic year.</Text>
      ) : (
        <>
          {route.kind !== 'response' ? (
            <div className={ui.toolbar}>
              <Field label="Academic year" style={{ minWidth: 200 }}>
                <Select value={year} onChange={(_e, d) => setChosen(d.value)}>
                  {[...list].sort((a, b) => b.startDate.localeCompare(a.startDate)).map((y) => <option key={y.id} value={y.label}>{y.label}</option>)}
                </Select>
              </Field>
            </div>
          ) : null}
          {route.kind === 'report' ? <ReportView key={year} year={year} status={status} />
            : route.kind === 'content' ? <ReportContent key={year} year={year} />
              : route.kind === 'survey' ? <SurveyYearScreen key={year} year={year} />
                : <SurveyResponseScreen key={`${year}-${route.childId}`} year={year} childId={route.childId} status={status} />}
        </>
      )}
    </div>
  );
}
