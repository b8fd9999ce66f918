// Fictional places, local authorities, schools and free-text snippets for the demo register.
// Codes used here come from ../shared/reference/england-codes.json (test/cli/demo.test.ts checks).

export interface LaTemplate {
  name: string;
  /** A three-digit number no real English LA uses (real ones stop at 938). */
  code: number;
  short: string;
  town: string;
}

/** The school's home LA comes first; the others are picked per seed. */
export const LOCAL_AUTHORITIES: readonly LaTemplate[] = [
  { name: 'Northshire County Council', code: 991, short: 'northshire', town: 'Northshire' },
  { name: 'Eastmoor Borough Council', code: 992, short: 'eastmoor', town: 'Eastmoor' },
  { name: 'Westvale City Council', code: 993, short: 'westvale', town: 'Westvale' },
  { name: 'Southdown Metropolitan Borough Council', code: 994, short: 'southdown', town: 'Southdown' },
  { name: 'Kingsmere Council', code: 995, short: 'kingsmere', town: 'Kingsmere' },
  { name: 'Fenwick Bay Unitary Authority', code: 996, short: 'fenwickbay', town: 'Fenwick Bay' },
];

export const EPEP_SYSTEMS = ['ePEP online portal', 'Word template by secure email', 'LA PEP portal', 'ePEP online portal'];

export const QA_SCALES = [
  'Outstanding / Good / Requires improvement / Inadequate',
  'Gold / Silver / Bronze / Not yet good enough',
  'Green / Amber / Red',
];

export const PPPLUS_CONDITIONS = [
  'Paid termly once the PEP is approved; targets must be SMART and costed against PP+.',
  'Paid annually in the autumn term; part is held centrally by the VSH for tuition and training.',
  'Released on request against costed PEP targets; evidence of impact needed at the next PEP.',
];

export const PLACE_NAMES = ['Brackenfield', 'Hartwell Vale', 'Ashcombe Heath', 'Lowmoor', 'Kestrel Bridge', 'Wyndhurst'];
export const STREETS = ['Larch Avenue', 'Mill Race Lane', 'Quarry Road', 'Orchard Rise', 'Beacon Way'];

export const PRIMARY_SCHOOLS = [
  'Hollin Lane Primary School', 'St Aldric\'s CE Primary School', 'Brambleside Community Primary',
  'Foxglove Infant and Junior School', 'Weirfield Primary Academy', 'Copse End Primary School',
  'Marram Way Primary School', 'Linnet Green Primary',
];

export const SECONDARY_SCHOOLS = [
  'Castlegate High School', 'Heronsbrook Academy', 'Tollgate Community College',
  'St Wilfreda\'s Catholic High School', 'Moorend School', 'Sandpiper Park Academy',
];

export const CHILDRENS_HOMES = ['Larkspur House', 'The Willows', 'Beckside Lodge', 'Hawthorn Cottage', 'Meadowbank House'];

export const LEAVER_DESTINATIONS_Y11 = [
  'Further education college (Level 2 course)', 'Sixth form at another school', 'Apprenticeship',
  'Further education college (Level 3 course)',
];
export const LEAVER_DESTINATIONS_MOVE = [
  'Moved school: placement move out of area', 'Moved school: returned home to family in another LA',
  'Moved school: managed move',
];

export const SUSPENSION_REASONS = [
  'Persistent disruptive behaviour', 'Verbal abuse or threatening behaviour against an adult',
  'Physical assault against a pupil', 'Damage to property', 'Verbal abuse or threatening behaviour against a pupil',
  'Use or threat of use of an offensive weapon or prohibited item', 'Bullying',
];

export const PLACEMENT_NOTES = [
  'Emergency placement.', 'Planned move to long-term carers.', 'Placement ended at the carers\' request.',
  'Moved to be placed with a sibling.', 'Bridging placement before a long-term match.',
];

export const WISHES = [
  'Enjoying art lessons and wants to join the after-school art club.',
  'Says maths feels easier since the small-group sessions started.',
  'Would like more time in the library at lunchtime.',
  'Happy with their carers and looking forward to the school trip.',
  'Wants to try out for the football team next term.',
  'Finds the lunch hall noisy and would like a quieter space.',
  'Proud of their science project; wants to show their carer.',
  'Would like help with revision timetables before the mock exams.',
  'Wants to keep seeing the same key adult each week.',
  'Enjoys drama and wants a part in the school production.',
  'Says friendships in tutor group are going well.',
  'Would like to do work experience with animals.',
  'Keen to learn to cook; has asked about the food technology club.',
  'Wants to stay at this school whatever happens with the placement.',
];

export const CONCERNS = [
  'Worried about contact arrangements changing.',
  'Finding homework hard to keep up with.',
  'Some falling out with friends at break times.',
  'Anxious about the upcoming placement review.',
  'Tired in the mornings; says they are not sleeping well.',
  'Worried about moving classes for maths.',
];

export const ACTIONS = [
  'Key adult to check in daily for two weeks.',
  'Homework club place arranged.',
  'Shared with the social worker (with the young person\'s agreement).',
  'To be raised at the next PEP meeting.',
  'Form tutor informed; seating plan changed.',
  'Referral to the school counsellor.',
];

export const TRANSITION_NOTES = [
  'Transition visits to the secondary phase planned for the summer term; extra visit with key adult.',
  'Post-16 options discussed; college taster day booked.',
  'Enhanced transition: passport of likes, worries and what helps shared with new tutors.',
];

export const CAREERS_PLANS = [
  'Interested in construction; careers adviser meeting booked and college open evening noted.',
  'Considering A levels in biology and psychology; wants to study nursing.',
  'Interested in hair and beauty; work experience arranged at a local salon.',
  'Exploring apprenticeships in engineering; Virtual School careers adviser involved.',
  'Undecided; careers interview completed and follow-up planned.',
];
