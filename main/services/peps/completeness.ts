// How complete a PEP is (pure): the required sections filled in, every new target passing the
// SMART check, and the child's voice recorded or the reason why not. Each check is one item; the
// percentage is items done over items that apply, and `missing` lists what is left to do.
//
// What applies depends on the child: a social worker's views only for a looked-after child (a
// previously looked-after child usually has none); SEN notes only with SEN support or an EHC plan;
// transition and careers in Year 6 (moving to secondary) and from Year 9 (careers guidance and
// post-16 plans); the review of previous targets only when the previous PEP set some.

import type { PepCompleteness, PepCompletenessItem, PepSectionKey, PepText } from '../../api/contract/peps.ts';
import { checkSmart, type SmartTargetInput } from './smart.ts';

export interface CompletenessInput {
  childStatus: 'CLA' | 'PLAC';
  yearGroup: number;
  senProvision: 'N' | 'K' | 'E';
  meetingDate: string | null;
  attendeeCount: number;
  text: PepText;
  reviews: { outcome: string | null }[];
  targets: SmartTargetInput[];
  actions: { action: string; owner: string | null; dueOn: string | null }[];
  /** Subject names that count as specific in the SMART check. */
  extraTerms?: readonly string[];
}

const filled = (s: string | null | undefined): boolean => !!s && s.trim().length > 0;

/** Whether transition / careers applies in this year group. */
export const transitionApplies = (yearGroup: number): boolean => yearGroup === 6 || yearGroup >= 9;

export function pepCompleteness(p: CompletenessInput): PepCompleteness {
  const items: PepCompletenessItem[] = [];
  const add = (key: string, label: string, section: PepSectionKey, done: boolean, prompt: string) =>
    items.push({ key, label, section, done, prompt: done ? null : prompt });
  const plac = p.childStatus === 'PLAC';

  add('meeting', 'PEP meeting date', 'meeting', filled(p.meetingDate), 'Record the date of the PEP meeting.');
  add('attendees', 'Who attended the meeting', 'meeting', p.attendeeCount > 0, 'Add who attended the PEP meeting (and who sent apologies).');
  add('voice', "The child's voice, or why it was not recorded", 'voice', filled(p.text.childVoice) || filled(p.text.childVoiceReason),
    "Record the child's views in their own words, or the reason they could not be gathered.");
  add('carer', plac ? "Parent's or guardian's views" : "Carer's views", 'views', filled(p.text.carerViews),
    plac ? "Record the parent's or guardian's views." : "Record the carer's views.");
  if (!plac) add('socialWorker', "Social worker's views", 'views', filled(p.text.socialWorkerViews), "Record the social worker's views.");
  add('strengths', 'Strengths', 'strengths', filled(p.text.strengths), "Record the child's strengths and interests.");
  add('barriers', 'Barriers to learning', 'strengths', filled(p.text.barriers), 'Record any barriers to learning (or that there are none).');
  if (p.senProvision !== 'N') {
    add('sen', p.senProvision === 'E' ? 'How the PEP links to the EHC plan' : 'How the PEP links to the SEN support plan', 'sen', filled(p.text.senNotes),
      p.senProvision === 'E' ? 'Say how the PEP and the EHC plan work together (outcomes, review dates).' : 'Say how the PEP and the SEN support plan work together.');
  }
  if (transitionApplies(p.yearGroup)) {
    add('transition', p.yearGroup === 6 ? 'Transition to secondary school' : 'Careers and post-16 plans', 'transition', filled(p.text.transitionCareers),
      p.yearGroup === 6 ? 'Record the plans for moving to secondary school.' : 'Record careers guidance and post-16 plans.');
  }
  if (p.reviews.length > 0) {
    const open = p.reviews.filter((r) => !r.outcome).length;
    add('reviews', 'Outcomes of the previous targets', 'previous_targets', open === 0,
      `Record whether ${open === 1 ? 'the remaining previous target was' : `the ${open} remaining previous targets were`} met, partly met or not met.`);
  }
  add('targets', 'At least one new target', 'targets', p.targets.length > 0, 'Add at least one SMART target for the coming term.');
  p.targets.forEach((t, i) => {
    const r = checkSmart(t, { notBefore: p.meetingDate, extraTerms: p.extraTerms ?? [] });
    add(`target:${i + 1}`, `Target ${i + 1} is SMART`, 'targets', r.smart, r.prompts.join(' '));
  });
  const actionsOk = p.actions.length > 0 && p.actions.every((a) => filled(a.owner) && filled(a.dueOn));
  add('actions', 'Actions with an owner and a date', 'actions', actionsOk,
    p.actions.length === 0 ? 'Add the actions agreed at the meeting, each with who will do it and by when.' : 'Give every action an owner and a date.');

  const done = items.filter((i) => i.done).length;
  return {
    percent: Math.round((done / items.length) * 100),
    done,
    total: items.length,
    items,
    missing: items.filter((i) => !i.done).map((i) => i.label),
  };
}
