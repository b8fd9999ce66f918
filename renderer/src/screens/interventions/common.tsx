// Labels and badges of the Interventions area: state, impact and funding, always as text (colour
// only adds to it), and the area's heading with its section tabs.

import { Badge, type BadgeProps } from '@fluentui/react-components';
import {
  FUNDING_SOURCES, IMPACT_RATINGS, type FundingSource, type ImpactRating, type Intervention, type InterventionState,
} from '../../api/contract.ts';
import { Heading } from '../../components/Heading.tsx';
import { SectionTabs } from '../../components/SectionTabs.tsx';
import { interventionsHref } from './route.ts';

/** Badges keep their words on one line (Fluent's badge has a fixed height). */
const NOWRAP = { whiteSpace: 'nowrap' } as const;

export const FUNDING_SHORT: Record<FundingSource, string> = { pp_plus: 'PP+', school: 'School', virtual_school: 'Virtual School' };

const STATE: Record<InterventionState, { label: string; color: BadgeProps['color'] }> = {
  planned: { label: 'Planned', color: 'informative' },
  active: { label: 'Running', color: 'brand' },
  ended: { label: 'Ended', color: 'subtle' },
};

export function StateBadge({ state }: { state: InterventionState }) {
  const s = STATE[state];
  return <Badge appearance="tint" shape="rounded" color={s.color} style={NOWRAP}>{s.label}</Badge>;
}

const IMPACT: Record<ImpactRating, BadgeProps['color']> = {
  not_assessed: 'subtle', no_impact: 'danger', some_impact: 'warning', good_impact: 'success', strong_impact: 'success',
};

export function ImpactBadge({ rating }: { rating: ImpactRating }) {
  return (
    <Badge appearance={rating === 'strong_impact' ? 'filled' : 'tint'} shape="rounded" color={IMPACT[rating]} style={NOWRAP}>
      {IMPACT_RATINGS[rating]}
    </Badge>
  );
}

export function FundingBadge({ source }: { source: FundingSource }) {
  return <Badge appearance="outline" shape="rounded" color={source === 'pp_plus' ? 'brand' : 'informative'} title={FUNDING_SOURCES[source]} style={NOWRAP}>{FUNDING_SHORT[source]}</Badge>;
}

/** "External: Brightpath Tutoring" or "In school: Ms Khan". */
export function deliveredByText(i: Pick<Intervention, 'providerName' | 'deliveredBy'>): string {
  if (i.providerName) return i.deliveredBy ? `${i.providerName} (${i.deliveredBy})` : i.providerName;
  return i.deliveredBy ?? 'In school';
}

/** "Small-group maths (Maths)" unless the subject is already in the name. */
export function interventionTitle(i: Pick<Intervention, 'kindLabel' | 'subjectName'>): string {
  return i.subjectName && !i.kindLabel.toLowerCase().includes(i.subjectName.toLowerCase()) ? `${i.kindLabel}: ${i.subjectName}` : i.kindLabel;
}

export type AreaTab = 'list' | 'today' | 'ppplus';

/** The area's h1 and its three sections. */
export function AreaHeader({ current }: { current: AreaTab }) {
  return (
    <>
      <Heading focusOnMount>Interventions</Heading>
      <SectionTabs label="Interventions sections" current={current} tabs={[
        { id: 'list', label: 'All interventions', href: interventionsHref.list() },
        { id: 'today', label: 'Session attendance', href: interventionsHref.today() },
        { id: 'ppplus', label: 'Pupil Premium Plus', href: interventionsHref.ppPlus() },
      ]} />
    </>
  );
}
