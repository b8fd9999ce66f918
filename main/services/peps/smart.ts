// The SMART check of a PEP target (pure): is it specific (names a skill or a subject), measurable
// (a number, grade or percentage, or something observable such as "will be able to …"),
// time-bound (a by-when date, not before the meeting) and owned (someone named to lead it)?
// Achievable and relevant are judgements for the PEP meeting, so they are not checked.
// The result is a set of gentle prompts: a target that fails still saves.

import type { SmartCriterion, SmartResult } from '../../api/contract/peps.ts';

export interface SmartTargetInput {
  area?: string | null;
  target: string;
  successCriteria?: string | null;
  byWhen?: string | null;
  who?: string | null;
}

export interface SmartOptions {
  /** A by-when date before this (the PEP meeting) is flagged. */
  notBefore?: string | null;
  /** Extra subject or skill names that count as specific (e.g. the school's subject list). */
  extraTerms?: readonly string[];
}

/** Subjects and skills a target can name. Matched as whole words, case-insensitively. */
const SUBJECTS_AND_SKILLS = [
  // subjects
  'english', 'english language', 'english literature', 'maths', 'mathematics', 'numeracy', 'literacy', 'science', 'biology', 'chemistry',
  'physics', 'history', 'geography', 'french', 'spanish', 'german', 'languages', 'mfl', 'art', 'music', 'drama', 'dance', 'pe',
  'physical education', 'computing', 'computer science', 'ict', 'design and technology', 'd&t', 'dt', 'food technology', 'cooking',
  're', 'religious education', 'citizenship', 'pshe', 'rshe', 'psychology', 'sociology', 'business', 'economics', 'media studies',
  'photography', 'statistics', 'further maths', 'btec', 'gcse', 'gcses', 'a level', 'a levels', 'ks2', 'sats', 'functional skills',
  // literacy and numeracy skills
  'reading', 'read', 'writing', 'write', 'spelling', 'spell', 'spellings', 'grammar', 'punctuation', 'handwriting', 'phonics',
  'comprehension', 'vocabulary', 'fluency', 'paragraphs', 'sentences', 'essay', 'essays', 'extended writing', 'inference',
  'arithmetic', 'times tables', 'times table', 'multiplication', 'division', 'fractions', 'decimals', 'percentages', 'algebra',
  'geometry', 'equations', 'number bonds', 'place value', 'mental maths', 'problem solving', 'calculations', 'quadratics',
  // learning behaviours and wider skills
  'attendance', 'punctuality', 'homework', 'revision', 'organisation', 'organised', 'equipment', 'concentration', 'focus',
  'listening', 'speaking', 'oracy', 'communication', 'presentation', 'independence', 'independently', 'self-regulation',
  'emotional regulation', 'regulate', 'anger', 'anxiety', 'resilience', 'self-esteem', 'confidence', 'friendships', 'friends',
  'social skills', 'behaviour', 'behaviour points', 'detentions', 'exclusions', 'suspensions', 'sleep', 'mock', 'mocks', 'exam',
  'exams', 'coursework', 'careers', 'work experience', 'college', 'apprenticeship', 'post-16', 'cv', 'interview', 'travel',
  'tutoring', 'tuition', 'semh', 'emotions', 'emotional', 'feelings', 'frustration', 'calm', 'calm-down', 'self-control', 'relationships',
  'peers', 'transition', 'routine', 'routines', 'wellbeing', 'mental health', 'speech', 'language',
];

const VAGUE_OWNERS = new Set(['all', 'everyone', 'everybody', 'school', 'staff', 'team', 'tbc', 'tba', 'n/a', 'na', 'various', 'whoever', 'someone', '?', '-']);

/** Observable criteria: what someone could see or count. */
const OBSERVABLE = [
  /\bwill be able to\b/, /\b(?:is|are|be) able to\b/,
  /\bcan (?:now )?(?:independently |accurately |correctly |confidently |fluently )?(?:read|write|spell|recall|recite|explain|solve|use|complete|name|describe|identify|show|calculate|plan|manage|talk|tell|ask|list|apply|summarise|present)\b/,
  /\bindependently\b/, /\bwithout (?:adult |any |an adult'?s? )?(?:support|help|prompts?|prompting|reminders?)\b/, /\bwithout being (?:asked|reminded|prompted)\b/,
  /\b(?:each|every|per) (?:day|week|lesson|fortnight|month|term|session|morning|evening)\b/, /\bdaily\b/, /\bweekly\b/, /\bout of\b/, /\bat least\b/,
  /\bno more than\b/, /\bconsistently\b/, /\bon time\b/, /\baccurately\b/, /\bcorrectly\b/, /\bdemonstrates?\b/,
];

const NUMBER_WORDS = /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred|half|twice|every)\b/;
/** A digit (a number, a grade such as 5+, a score, a date), a percentage, or a named grade or level. */
const GRADES = /\d|%|\bper ?cent\b|\bgrades?\b|\bgds\b|\bexs\b|\bgreater depth\b|\bexpected standard\b/;

/** Effort words that say nothing about what will change ("try harder in maths"). */
const VAGUE = /\b(?:try|work|do|be) (?:a bit |much )?(?:harder|better|more)\b|\bmake (?:more |good |better )?progress\b|\bdo well\b|\b(?:reach|fulfil) (?:his|her|their) potential\b/;

const words = (s: string): number => s.trim().split(/\s+/).filter(Boolean).length;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const matchers = new Map<string, RegExp>();

/** One regular expression for the vocabulary plus the extra terms, built once per set of terms. */
function matcher(extra: readonly string[]): RegExp {
  const key = extra.join('\n');
  let re = matchers.get(key);
  if (!re) {
    const terms = [...new Set([...SUBJECTS_AND_SKILLS, ...extra.map((e) => e.toLowerCase().trim()).filter(Boolean)])]
      .sort((a, b) => b.length - a.length).map(escape);
    re = new RegExp(`(?:^|[^\\p{L}])(?:${terms.join('|')})(?=$|[^\\p{L}])`, 'u');
    if (matchers.size > 20) matchers.clear();
    matchers.set(key, re);
  }
  return re;
}

function namesSkillOrSubject(text: string, extra: readonly string[]): boolean {
  return matcher(extra).test(` ${text.toLowerCase()} `);
}

const isIsoDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`))
  && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

export const SMART_PROMPTS = {
  specificShort: 'Say a little more about what the child will do: which subject or skill, and what exactly.',
  specific: "Name the subject or skill this target is about, for example 'reading comprehension', 'times tables to 12 × 12' or 'attendance'.",
  measurable: "Add how everyone will know it has been achieved: a number, grade or percentage, or something you can see, such as 'will be able to …'.",
  timeBound: 'Add the date by which this should be achieved (usually by the next PEP).',
  timeBoundPast: 'The by-when date is before the PEP meeting: choose a date after it, usually by the next PEP.',
  owner: "Name who will lead this target, for example 'Maths teacher (Mr Patel)' or 'Designated Teacher'.",
  ownerVague: "Name one person or role to lead this target rather than 'all' or 'school', so it is clear who will make it happen.",
} as const;

export function checkSmart(t: SmartTargetInput, opts: SmartOptions = {}): SmartResult {
  const target = (t.target ?? '').trim();
  const area = (t.area ?? '').trim();
  const criteria = (t.successCriteria ?? '').trim();
  const extra = opts.extraTerms ?? [];

  // Specific: the target names a skill or subject; or the area does and the target says enough.
  let specific: string | null = null;
  if (words(target) < 4) specific = SMART_PROMPTS.specificShort;
  else if (VAGUE.test(target.toLowerCase()) && words(target) < 8) specific = SMART_PROMPTS.specific;
  else if (!namesSkillOrSubject(target, extra) && !(namesSkillOrSubject(area, extra) && words(target) >= 6)) specific = SMART_PROMPTS.specific;

  // Measurable: in the target or its success criteria.
  const measureText = `${target}\n${criteria}`.toLowerCase();
  const measurable = GRADES.test(measureText) || NUMBER_WORDS.test(measureText) || OBSERVABLE.some((r) => r.test(measureText))
    ? null : SMART_PROMPTS.measurable;

  // Time-bound: a real date, not before the meeting.
  const by = (t.byWhen ?? '').trim();
  let timeBound: string | null = null;
  if (!by || !isIsoDate(by)) timeBound = SMART_PROMPTS.timeBound;
  else if (opts.notBefore && by < opts.notBefore) timeBound = SMART_PROMPTS.timeBoundPast;

  // Owner: someone named.
  const who = (t.who ?? '').trim();
  let owner: string | null = null;
  if (!/\p{L}/u.test(who)) owner = SMART_PROMPTS.owner;
  else if (VAGUE_OWNERS.has(who.toLowerCase().replace(/\.$/, ''))) owner = SMART_PROMPTS.ownerVague;

  const checks: Record<SmartCriterion, { ok: boolean; prompt: string | null }> = {
    specific: { ok: specific === null, prompt: specific },
    measurable: { ok: measurable === null, prompt: measurable },
    timeBound: { ok: timeBound === null, prompt: timeBound },
    owner: { ok: owner === null, prompt: owner },
  };
  const prompts = Object.values(checks).flatMap((c) => (c.prompt ? [c.prompt] : []));
  return { smart: prompts.length === 0, passed: 4 - prompts.length, checks, prompts };
}
