// Fictitious names. First names are ordinary, so the data reads naturally; surnames are
// deliberately uncommon or invented so nobody mistakes a demo record for a real child.
// Grouped loosely by heritage so that names and the recorded ethnicity (DfE census codes) agree.

import type { Rng } from './prng.ts';

export type Gender = 'F' | 'M' | 'X';

interface Heritage {
  /** DfE school census ethnicity codes, by weight. */
  ethnicity: readonly (readonly [string, number])[];
  weight: number;
  female: readonly string[];
  male: readonly string[];
  surnames: readonly string[];
}

const NEUTRAL = ['Alex', 'Sam', 'Rowan', 'Jordan', 'Riley', 'Charlie', 'Robin', 'Sky', 'Ash', 'Quinn'];

const HERITAGES: readonly Heritage[] = [
  {
    ethnicity: [['WBRI', 90], ['WIRI', 4], ['WOTH', 6]],
    weight: 62,
    female: ['Ellie', 'Freya', 'Poppy', 'Isla', 'Amelia', 'Grace', 'Lacey', 'Summer', 'Evie', 'Molly', 'Harriet', 'Kayla', 'Niamh', 'Ruby', 'Skye', 'Tia', 'Jessica', 'Lily-Mae'],
    male: ['Alfie', 'Callum', 'Harvey', 'Kai', 'Jack', 'Ollie', 'Reece', 'Mason', 'Tyler', 'Rhys', 'Finley', 'Liam', 'Connor', 'Brandon', 'Ethan', 'Toby', 'Jayden', 'Archie'],
    surnames: ['Ashdown', 'Brackwell', 'Thornbury', 'Marlowe-Price', 'Hollingrake', 'Fennimore', 'Cragside', 'Whitlock-Hayes', 'Penhallow', 'Dunmore', 'Ravensworth', 'Kettleby', 'Oakhurst', 'Sallow', 'Blythe-Carter', 'Quarrington', 'Wendleby', 'Farrowdale', 'Greystoke-Hill', 'Mortlake', 'Tansley', 'Holloway-Finch'],
  },
  {
    ethnicity: [['BAFR', 60], ['BCRB', 30], ['BOTH', 10]],
    weight: 9,
    female: ['Amara', 'Imani', 'Zuri', 'Chiamaka', 'Nia', 'Adaeze', 'Tiana', 'Abena', 'Kemi', 'Shanice'],
    male: ['Kofi', 'Tobi', 'Jaden', 'Kwame', 'Femi', 'Malachi', 'Tunde', 'Dwayne', 'Chidi', 'Marcus'],
    surnames: ['Adeyemi-Cole', 'Okonjo-Ward', 'Asante-Brook', 'Mensah-Lyle', 'Onwuachi', 'Bankole-Fray', 'Oduya', 'Campbell-Okoro', 'Nwaneri-Stone', 'Achterberg-Ofori'],
  },
  {
    ethnicity: [['MWBC', 40], ['MWBA', 20], ['MWAS', 20], ['MOTH', 20]],
    weight: 11,
    female: ['Maya', 'Leah', 'Aaliyah', 'Keira', 'Jasmine', 'Layla', 'Sienna', 'Nadia'],
    male: ['Jayden', 'Zach', 'Elijah', 'Reuben', 'Theo', 'Isaac', 'Tyrell', 'Noah'],
    surnames: ['Carrow-Mensah', 'Lindqvist-Reid', 'Ashby-Khan', 'Petrossian-Lowe', 'Okafor-Bellamy', 'Delacourt', 'Santos-Wilde', 'Harrowgate-Ali'],
  },
  {
    ethnicity: [['APKN', 40], ['ABAN', 20], ['AIND', 30], ['AOTH', 10]],
    weight: 7,
    female: ['Aisha', 'Priya', 'Zainab', 'Sanaa', 'Anjali', 'Noor', 'Mariam', 'Simran'],
    male: ['Yusuf', 'Tariq', 'Dev', 'Bilal', 'Rohan', 'Hamza', 'Arjun', 'Imran'],
    surnames: ['Chaudhry-Vale', 'Raghavan-Scott', 'Siddiqui-Moor', 'Bhattacharjee', 'Dhaliwal-Moss', 'Mirza-Holt', 'Venkataraman', 'Qureshi-Lane'],
  },
  {
    ethnicity: [['WOTH', 60], ['WROM', 25], ['WIRT', 15]],
    weight: 7,
    female: ['Zofia', 'Alicja', 'Ioana', 'Milena', 'Roxana', 'Lenka'],
    male: ['Mateusz', 'Kacper', 'Tomasz', 'Andrei', 'Luka', 'Marius'],
    surnames: ['Wiśniewicz', 'Kowalczewska', 'Brâncoveanu', 'Dobrovský', 'Szymanek', 'Lazarescu-Hart', 'Jankowiak'],
  },
  {
    ethnicity: [['CHNE', 40], ['AOTH', 20], ['OOTH', 40]],
    weight: 4,
    female: ['Mei', 'Hana', 'Leila', 'Yasmin', 'Lin', 'Dalia'],
    male: ['Wei', 'Omar', 'Karim', 'Ren', 'Samir', 'Jun'],
    surnames: ['Haddad-Frost', 'Nakamura-Hale', 'Tsang-Whitby', 'Barakzai', 'Al-Sayegh', 'Liang-Carver'],
  },
];

/** Short or chosen names a child may prefer; used for a few children's preferred_name. */
const PREFERRED: Record<string, string> = {
  Amelia: 'Millie', Harriet: 'Hattie', Jessica: 'Jess', Callum: 'Cal', Finley: 'Finn', Mateusz: 'Mat',
  Tomasz: 'Tom', Elijah: 'Eli', Chiamaka: 'Chi', Adaeze: 'Ada', Jayden: 'Jay', Archie: 'Arch',
};

export interface PersonName {
  first: string;
  last: string;
  gender: Gender;
  ethnicity: string;
  preferred: string | null;
}

export function childName(rng: Rng): PersonName {
  const h = rng.weighted(HERITAGES.map((x) => [x, x.weight] as const));
  const gender: Gender = rng.weighted([['F', 49], ['M', 49], ['X', 2]] as const);
  const first = gender === 'X' ? rng.pick(NEUTRAL) : rng.pick(gender === 'F' ? h.female : h.male);
  // Most children in care share a surname with no-one at school; a few share a sibling's below.
  const last = rng.pick(h.surnames);
  const wantsOther = rng.chance(0.12);
  const preferred = wantsOther ? (PREFERRED[first] ?? null) : null;
  return { first, last, gender, ethnicity: rng.weighted(h.ethnicity), preferred };
}

// ---- adults: staff, social workers, IROs, carers, LA officers --------------------------------

const ADULT_FEMALE = [
  'Helen', 'Samira', 'Bronwen', 'Priti', 'Fiona', 'Janice', 'Aoife', 'Carys', 'Deborah', 'Tamsin',
  'Yetunde', 'Lorna', 'Imogen', 'Rukhsana', 'Ewa', 'Moira', 'Abimbola', 'Gwen',
];
const ADULT_MALE = [
  'Gareth', 'Duncan', 'Olu', 'Marcus', 'Hassan', 'Rob', 'Kwabena', 'Stelian', 'Nikhil', 'Graham',
  'Declan', 'Colin', 'Patrice', 'Anil',
];
const ADULT_LAST = [
  'Penrose', 'Castleford', 'Ambrose-Tate', 'Whitcombe', 'Adebanjo-Lisle', 'Merriweather', 'Kilbride',
  'Thistlewood', 'Farnaby', 'Oyelaran', 'Hartigan', 'Stroud-Bailey', 'Venables', 'Marchetti-Cole',
  'Lowther', 'Saddleworth', 'Imrie', 'Pendlebury', 'Achebe-Marsh', 'Quillan', 'Ravensdale', 'Bexley-Hunt',
  'Dunstable', 'Greenhalgh-Obi', 'Tremayne', 'Kowalski-Reeve', 'Ashcombe', 'Wetherall',
];

export interface Adult {
  first: string;
  last: string;
  full: string;
  /** Mr, Mrs, Ms, Miss or Dr, matching the first name's usual gender. */
  title: string;
}

export function adultName(rng: Rng): Adult {
  const female = rng.chance(0.6); // school and social care staff are mostly women
  const first = rng.pick(female ? ADULT_FEMALE : ADULT_MALE);
  const last = rng.pick(ADULT_LAST);
  const title = female ? rng.weighted([['Mrs', 40], ['Ms', 35], ['Miss', 15], ['Dr', 10]] as const) : rng.weighted([['Mr', 90], ['Dr', 10]] as const);
  return { first, last, full: `${first} ${last}`, title };
}

/**
 * Adults with distinct full names across the run (`avoid`), and no first or last name repeated
 * inside one group, so a school's staff list does not read like a family tree.
 */
export function distinctAdults(rng: Rng, n: number, avoid = new Set<string>()): Adult[] {
  const out: Adult[] = [];
  const firsts = new Set<string>();
  const lasts = new Set<string>();
  for (let guard = 0; out.length < n && guard < n * 200; guard++) {
    const a = adultName(rng);
    const strict = guard < n * 100;
    if (avoid.has(a.full) || (strict && (firsts.has(a.first) || lasts.has(a.last)))) continue;
    avoid.add(a.full);
    firsts.add(a.first);
    lasts.add(a.last);
    out.push(a);
  }
  if (out.length < n) throw new Error('demo name pool exhausted');
  return out;
}

export function adultSurname(rng: Rng): string {
  return rng.pick([...ADULT_LAST, ...HERITAGES.flatMap((h) => h.surnames)]);
}

/** firstname.lastname@example.org (RFC 2606 reserved domain: mail to it goes nowhere). */
export function exampleEmail(first: string, last: string, org?: string): string {
  const clean = (s: string): string => s.normalize('NFD').replace(/[^A-Za-z-]/g, '').toLowerCase();
  return `${clean(first)}.${clean(last)}${org ? `.${org}` : ''}@example.org`;
}

/** Ofcom's drama range 01632 960000–960999: never allocated to a real line. */
export function dramaPhone(rng: Rng): string {
  return `01632 960${String(rng.int(0, 999)).padStart(3, '0')}`;
}
