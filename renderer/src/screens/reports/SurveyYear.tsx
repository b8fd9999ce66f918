// The year's pupil experience survey: every child on roll that year with whether their answers
// are recorded (the DT opens a child to enter them together), and the results per question.
// This is the DT's own view; the governors' report carries the suppressed version.

import { Badge, Text, mergeClasses } from '@fluentui/react-components';
import { SURVEY_TOPICS, type SurveyQuestionResult } from '../../api/contract.ts';
import { formatUkDate } from '../../lib/dates.ts';
import { LoadFailed, Loading, Section, StatTile, useUi } from '../dashboard/ui.tsx';
import { useSurveyResults, useSurveyYear } from './queries.ts';
import { reportsHref } from './route.ts';

export function SurveyYearScreen({ year }: { year: string }) {
  const ui = useUi();
  const q = useSurveyYear(year);
  const results = useSurveyResults(year);
  if (q.isPending) return <Loading what="survey" />;
  if (q.error) return <LoadFailed what="survey" error={q.error} />;
  const s = q.data;
  const active = s.questions.filter((x) => x.active).length;
  return (
    <div className={ui.stack}>
      <div className={ui.tiles}>
        <StatTile label="Responses" value={s.responses} tone="brand" detail={`of ${s.children.length} children on roll in ${year}`} />
        <StatTile label="Questions asked" value={active} detail={<a className={ui.link} href={reportsHref.questions()}>Change the questions</a>} />
      </div>
      <Section title="Children" testId="survey-children">
        <Text className={ui.small}>Sit with the child and enter their answers together. Each child answers once per academic year.</Text>
        <div className={ui.plainWrap}>
          <table className={ui.table} aria-label={`Survey responses for ${year}`}>
            <thead><tr>{['Child', 'Year group', 'Status', 'Response'].map((h) => <th key={h} scope="col" className={ui.th}>{h}</th>)}</tr></thead>
            <tbody>
              {s.children.map((c) => (
                <tr key={c.childId} data-testid="survey-child-row">
                  <td className={ui.td}>
                    <a className={ui.link} href={reportsHref.response(c.childId)}>{c.name}</a>
                    {c.left ? <div className={ui.small}>Left during the year</div> : null}
                  </td>
                  <td className={ui.td}>{c.yearGroupLabel}</td>
                  <td className={ui.td}>{c.status === 'CLA' ? 'Looked after' : 'Previously looked after'}</td>
                  <td className={mergeClasses(ui.td, ui.nowrap)}>
                    {c.responded
                      ? <Badge appearance="tint" color="success" shape="rounded">Recorded {formatUkDate(c.answeredOn)}</Badge>
                      : <Badge appearance="outline" color="subtle" shape="rounded">Not yet</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      <Section title="Results" testId="survey-results">
        {results.isPending ? <Loading what="results" /> : results.error ? <LoadFailed what="results" error={results.error} /> : results.data.responses === 0 ? (
          <Text className={ui.muted}>No responses recorded for {year} yet.</Text>
        ) : (
          <>
            <Text className={ui.small}>
              {results.data.responses} responses. These are your own full figures; the governors&rsquo; report shows them with small numbers suppressed.
            </Text>
            {results.data.questions.map((r) => <QuestionResult key={r.questionId} r={r} />)}
          </>
        )}
      </Section>
    </div>
  );
}

function QuestionResult({ r }: { r: SurveyQuestionResult }) {
  const ui = useUi();
  const pct = (n: number) => (r.answered ? `${Math.round((100 * n) / r.answered)}%` : '–');
  return (
    <div className={ui.stack} style={{ gap: 4 }} data-testid="survey-result">
      <h3 className={ui.cardTitleSmall}>{r.prompt}</h3>
      <Text className={ui.small}>{SURVEY_TOPICS[r.topic]} · {r.answered} answered{r.mean !== null ? ` · average ${r.mean.toFixed(1)} out of 5` : ''}{r.allowMultiple ? ' · more than one answer allowed' : ''}</Text>
      {r.answerType === 'text' ? (
        r.comments.length === 0 ? <Text className={ui.muted}>No comments.</Text> : (
          <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>{r.comments.map((c, i) => <li key={i}><Text>{c}</Text></li>)}</ul>
        )
      ) : (
        <div className={ui.plainWrap}>
          <table className={ui.table} aria-label={`Results: ${r.prompt}`} style={{ width: 'auto', minWidth: 420 }}>
            <thead><tr>{['Answer', 'Children', 'Percent'].map((h) => <th key={h} scope="col" className={ui.th}>{h}</th>)}</tr></thead>
            <tbody>
              {r.options.map((o, i) => (
                <tr key={i}>
                  <th scope="row" className={ui.td} style={{ textAlign: 'left', fontWeight: 'normal' }}>{r.answerType === 'scale' ? `${i + 1}: ${o.label}` : o.label}</th>
                  <td className={mergeClasses(ui.td, ui.num)}>{o.count}</td>
                  <td className={mergeClasses(ui.td, ui.num)}>{pct(o.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
