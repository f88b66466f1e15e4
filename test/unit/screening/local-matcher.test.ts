import { describe, expect, it } from 'vitest';
import { criteriaFromPosting, tierOf } from '../../../src/core/screening/index.js';
import { demoJobs } from '../../../src/db/seed-demo-data.js';
import { annotate, one, quoted, withIds } from './helpers.js';

// February 2025: the season recruits for Summer 2025, so the backend internship asks for graduation
// in December 2025 or later.
const asOf = '2025-02-01T00:00:00Z';
const internship = demoJobs(new Date(asOf))[0]!;
const criteria = withIds(criteriaFromPosting(internship));
const byType = async (resume: string) => {
  const verdicts = await annotate(resume, criteria, 'backend', asOf);
  const of = (type: string) =>
    verdicts.find((v) => criteria.find((c) => c.id === v.criterionId)!.check.type === type)!;
  return { verdicts, of, tier: tierOf(criteria, verdicts) };
};

const student = `Mei Chen
mei.chen@example.com | +1 (415) 555-0134 | github.com/meichen

Education
University of Michigan, Ann Arbor
B.S. in Computer Science, Sep 2022 – Expected May 2026
Currently pursuing a Bachelor's degree; GPA 3.8

Experience
Software Engineering Intern, Acme Corp            Jun 2024 – Aug 2024
Built a Golang service with PostgreSQL and Redis, deployed on k8s in AWS.

Projects
Distributed key-value store in Rust with Raft consensus.

Availability
Available for 12 weeks, May to August 2025.
`;

const graduate = `Arjun Patel
Education
B.S. Computer Science, Ohio State University, 2018 – 2022
Graduated May 2022.

Experience
Software Engineer, Initech                         Jul 2022 – Present
Java services on Kubernetes.

Available for 8 weeks this summer.
`;

describe('the backend internship: eligibility', () => {
  it('the posting gives enrolled, BS/MS, 12 weeks, a language and graduation after December 2025', () => {
    const checks = criteria.map((c) => [c.kind, c.check]);
    expect(checks).toContainEqual(['must', { type: 'enrolled' }]);
    expect(checks).toContainEqual([
      'must',
      { type: 'degree', levels: ['BS', 'MS'], fields: ['Computer Science', 'Software Engineering'] },
    ]);
    expect(checks).toContainEqual(['must', { type: 'weeks_available', minimum: 12 }]);
    expect(checks).toContainEqual(['must', { type: 'graduation_after', month: '2025-12' }]);
    expect(checks).toContainEqual(['must', { type: 'skills', anyOf: ['Python', 'Java', 'C++', 'Go'] }]);
  });

  it('a student graduating May 2026, available 12 weeks, is found on every must-have, with quotes', async () => {
    const { of, tier } = await byType(student);
    expect(of('enrolled').verdict).toBe('found');
    expect(quoted(of('enrolled'))).toEqual(["Currently pursuing a Bachelor's degree; GPA 3.8"]);
    expect(of('degree').verdict).toBe('found');
    expect(quoted(of('degree'))[0]).toBe('B.S. in Computer Science, Sep 2022 – Expected May 2026');
    expect(of('graduation_after').verdict).toBe('found');
    expect(of('graduation_after').reason).toContain('2026-05');
    expect(of('weeks_available').verdict).toBe('found');
    expect(quoted(of('weeks_available'))).toEqual(['Available for 12 weeks, May to August 2025.']);
    expect(of('skills').verdict).toBe('found');
    expect(of('skills').reason).toContain('Go (as "Golang")');
    expect(quoted(of('skills'))).toEqual([
      'Built a Golang service with PostgreSQL and Redis, deployed on k8s in AWS.',
    ]);
    expect(['strong', 'possible']).toContain(tier);
  });

  it('a graduate in work, available 8 weeks, is missing enrolment, graduation and weeks: weak', async () => {
    const { of, tier } = await byType(graduate);
    expect(of('enrolled').verdict).toBe('missing');
    expect(of('enrolled').reason).toContain('graduated 2022-05');
    expect(of('graduation_after').verdict).toBe('missing');
    expect(quoted(of('graduation_after'))).toEqual(['Graduated May 2022.']);
    expect(of('weeks_available').verdict).toBe('missing');
    expect(quoted(of('weeks_available'))).toEqual(['Available for 8 weeks this summer.']);
    expect(of('degree').verdict).toBe('found');
    expect(of('skills').verdict).toBe('found');
    expect(tier).toBe('weak');
  });

  it('graduation exactly December 2025 is on or after; June 2025 is before', async () => {
    const check = { type: 'graduation_after', month: '2025-12' } as const;
    expect((await one('BS Computer Science, expected graduation Dec 2025', check)).verdict).toBe('found');
    expect((await one('BS Computer Science, expected graduation June 2025', check)).verdict).toBe('missing');
  });

  it.each([
    ['Peking University, BS, 2022.09 - 2026.06', 'found'],
    ['B.Sc. Mathematics, 09/2021 – 06/2025', 'missing'],
    ['北京大学 本科 2026年6月毕业', 'found'],
    ['BS Computer Science, Class of 2026', 'found'],
    ['BS Computer Science, 2025', 'unclear'],
    ['Skills: Go, SQL', 'unclear'],
  ])('graduation date in "%s" → %s', async (resume, expected) => {
    const v = await one(resume, { type: 'graduation_after', month: '2025-12' });
    expect(v.verdict).toBe(expected);
  });

  it.each([
    ['Currently enrolled in an MS programme at Georgia Tech', 'found'],
    ['MS Computer Science, Sep 2024 – Present', 'found'],
    ['BS Computer Science, expected May 2026', 'found'],
    ['BS Computer Science, 2016 – 2020', 'missing'],
    ['Not currently enrolled. BS Computer Science, 2019', 'missing'],
    ['Software engineer at a startup.', 'unclear'],
  ])('enrolment in "%s" → %s', async (resume, expected) => {
    const v = await one(resume, { type: 'enrolled' });
    expect(v.verdict).toBe(expected);
  });

  it.each([
    ['Available: June–September 2025', 'found'],
    ['Availability: 3 months from June', 'found'],
    ['Can commit to a 12-week internship', 'found'],
    ['Available for 10 weeks in summer', 'missing'],
    ['Available June to July 2025', 'missing'],
    ['Built a 12-week curriculum for new hires.', 'unclear'],
  ])('weeks in "%s" → %s', async (resume, expected) => {
    const v = await one(resume, { type: 'weeks_available', minimum: 12 });
    expect(v.verdict).toBe(expected);
  });
});

describe('skills', () => {
  it('synonyms from the family vocabulary: k8s is Kubernetes, Golang is Go', async () => {
    const v = await one('Deployed services on k8s with Helm.', { type: 'skills', anyOf: ['Kubernetes'] });
    expect(v.verdict).toBe('found');
    expect(quoted(v)).toEqual(['Deployed services on k8s with Helm.']);
  });

  it('the verb "go" and "go-to-market" are not the language Go', async () => {
    const v = await one('Led go-to-market for two launches; ready to go further.', {
      type: 'skills',
      anyOf: ['Go'],
    });
    expect(v.verdict).toBe('missing');
  });

  it('"no experience with" a skill is not having it', async () => {
    const v = await one('Python and Java daily. No experience with Kubernetes yet.', {
      type: 'skills',
      anyOf: ['Kubernetes'],
    });
    expect(v.verdict).toBe('missing');
    expect(v.reason).toContain('not known');
  });

  it('C is not C++ and C++ is not C', async () => {
    expect((await one('Wrote C++ workers.', { type: 'skills', anyOf: ['C'] })).verdict).toBe('missing');
    expect((await one('Embedded firmware in C.', { type: 'skills', anyOf: ['C++'] })).verdict).toBe(
      'missing',
    );
    expect((await one('Wrote C++ workers.', { type: 'skills', anyOf: ['C++'] })).verdict).toBe('found');
  });
});

describe('degrees', () => {
  it.each([
    ['B.S. Computer Science, 2024', ['BS'], 'found'],
    ['Bachelor of Science in Software Engineering', ['BS'], 'found'],
    ['MSc Statistics, 2023', ['MS'], 'found'],
    ['PhD in Physics', ['BS', 'MS'], 'missing'],
    ['Cut p99 latency from 180 ms to 60 ms.', ['MS'], 'unclear'],
  ] as const)('"%s" at %j → %s', async (resume, levels, expected) => {
    const v = await one(resume, { type: 'degree', levels: [...levels], fields: [] });
    expect(v.verdict).toBe(expected);
  });

  it('a field outside the named ones is for a person to judge', async () => {
    const v = await one('BS Economics, 2024', {
      type: 'degree',
      levels: ['BS'],
      fields: ['Computer Science'],
    });
    expect(v.verdict).toBe('unclear');
    const cs = await one('BS in CS, 2024', { type: 'degree', levels: ['BS'], fields: ['Computer Science'] });
    expect(cs.verdict).toBe('found');
  });
});

describe('years of experience', () => {
  it('a stated "5+ years" meets 4 years of product management', async () => {
    const v = await one(
      '5+ years of product management at two marketplaces.',
      {
        type: 'years_experience',
        minimum: 4,
        field: 'product management',
      },
      'product',
    );
    expect(v.verdict).toBe('found');
    expect(quoted(v)).toEqual(['5+ years of product management at two marketplaces.']);
  });

  it('derived from dated roles, an open end counting to asOf', async () => {
    const resume = `Experience
Backend Engineer, Shopline     Mar 2019 – Feb 2021
Built backend services in Java.
Senior Backend Engineer, Grab     Mar 2021 – Present
Backend systems for payments.`;
    const v = await one(
      resume,
      { type: 'years_experience', minimum: 3, field: 'backend systems' },
      'backend',
      '2025-02-01',
    );
    expect(v.verdict).toBe('found');
    expect(v.reason).toMatch(/about 5\.\d years/);
    const short = await one(resume, { type: 'years_experience', minimum: 6 }, 'backend', '2025-02-01');
    expect(short.verdict).toBe('missing');
  });

  it('no years and no dated roles is unclear', async () => {
    const v = await one('Likes distributed systems.', { type: 'years_experience', minimum: 6 });
    expect(v.verdict).toBe('unclear');
  });
});

describe('text criteria: passage retrieval', () => {
  it('found when most key words are in the best passages, with those passages', async () => {
    const v = await one(
      'Education\nBS CS\nExperience\nBuilt the ranking stage of a recommendation system serving 20M users.\nHobbies: chess',
      { type: 'text' },
      'backend',
      asOf,
      'Experience with recommendation or search systems.',
    );
    expect(v.verdict).toBe('found');
    expect(quoted(v)[0]).toBe('Built the ranking stage of a recommendation system serving 20M users.');
  });

  it('missing when none of the words are there', async () => {
    const v = await one(
      'Grew a creator programme to 3,000 members.',
      { type: 'text' },
      'backend',
      asOf,
      'Consistency and replication trade-offs at scale.',
    );
    expect(v.verdict).toBe('missing');
    expect(v.passages).toEqual([]);
  });

  it('an empty resume is unclear for every criterion, with a reason', async () => {
    const verdicts = await annotate('   ', criteria, 'backend', asOf);
    expect(verdicts.every((v) => v.verdict === 'unclear' && v.reason === 'no resume text to read')).toBe(
      true,
    );
  });
});

describe('tierOf', () => {
  const [must1, must2, nice1, nice2] = withIds([
    { text: 'must one', kind: 'must', weight: 3, check: { type: 'text' }, source: 'job', position: 0 },
    { text: 'must two', kind: 'must', weight: 3, check: { type: 'text' }, source: 'job', position: 1 },
    { text: 'nice one', kind: 'nice', weight: 1, check: { type: 'text' }, source: 'job', position: 2 },
    { text: 'nice two', kind: 'nice', weight: 3, check: { type: 'text' }, source: 'job', position: 3 },
  ]) as [never, never, never, never];
  const all = [must1, must2, nice1, nice2];
  const v = (c: { id: string }, verdict: 'found' | 'missing' | 'unclear') => ({
    criterionId: c.id,
    verdict,
    reason: '',
    passages: [],
  });
  it.each([
    [['found', 'found', 'found', 'found'], 'strong'],
    [['found', 'found', 'missing', 'found'], 'strong'],
    [['found', 'found', 'found', 'missing'], 'possible'],
    [['found', 'unclear', 'found', 'found'], 'unclear'],
    [['missing', 'unclear', 'found', 'found'], 'weak'],
  ] as const)('%j → %s', (verdicts, tier) => {
    expect(
      tierOf(
        all,
        all.map((c, i) => v(c, verdicts[i]!)),
      ),
    ).toBe(tier);
  });
  it('no criteria → unclear', () => expect(tierOf([], [])).toBe('unclear'));
});
