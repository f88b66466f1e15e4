import { describe, expect, it } from 'vitest';
import { criteriaFromPosting, familyOf } from '../../../src/core/screening/index.js';
import { demoJobs, recsysInternship } from '../../../src/db/seed-demo-data.js';

const now = new Date('2025-02-01T00:00:00Z');
const jobs = demoJobs(now);
const job = (title: RegExp) => jobs.find((j) => title.test(j.title))!;
const checks = (title: RegExp) => criteriaFromPosting(job(title)).map((c) => [c.kind, c.weight, c.check]);

describe('criteria from the shipped postings', () => {
  it('every shipped job has a family and criteria with positions in order, all from the job', () => {
    for (const j of [...jobs, recsysInternship(now, jobs[0]!)]) {
      expect(familyOf({ title: j.title })).not.toBeNull();
      const items = criteriaFromPosting(j);
      expect(items.length).toBeGreaterThan(0);
      expect(items.map((c) => c.position)).toEqual(items.map((_, i) => i));
      expect(items.every((c) => c.source === 'job' && c.text.length >= 3 && c.text.length <= 500)).toBe(true);
    }
  });

  it('families', () => {
    expect(jobs.map((j) => familyOf({ title: j.title }))).toEqual([
      'backend',
      'backend',
      'backend',
      'backend',
      'data',
      'product',
      'marketing',
      'operations',
    ]);
    expect(familyOf({ title: 'Frontend Engineer, Creator Tools' })).toBe('frontend');
    expect(familyOf({ title: 'Barista' })).toBeNull();
    expect(familyOf({ title: 'Intern', teamName: 'Content Operations' })).toBe('operations');
  });

  it('the backend internship: musts from its minimum qualifications and terms, merged once each', () => {
    const got = checks(/^Backend Software Engineer Intern/);
    expect(got).toEqual([
      ['must', 3, { type: 'enrolled' }],
      [
        'must',
        3,
        { type: 'degree', levels: ['BS', 'MS'], fields: ['Computer Science', 'Software Engineering'] },
      ],
      ['must', 3, { type: 'weeks_available', minimum: 12 }],
      ['must', 3, { type: 'skills', anyOf: ['Python', 'Java', 'C++', 'Go'] }],
      // A soft skill no resume evidences is a nice-to-have the recruiter can raise.
      ['nice', 1, { type: 'text' }],
      ['must', 3, { type: 'graduation_after', month: '2025-12' }],
      ['nice', 1, { type: 'skills', anyOf: ['databases', 'SQL', 'NoSQL'] }],
      ['nice', 1, { type: 'skills', anyOf: ['software project', 'internship'] }],
      ['nice', 1, { type: 'skills', anyOf: ['cloud platform', 'AWS', 'Google Cloud', 'Azure'] }],
    ]);
  });

  it('years, "and" lists and "or" lists', () => {
    expect(checks(/Recommendation Infrastructure$/)).toEqual([
      ['must', 3, { type: 'years_experience', minimum: 3, field: 'backend systems' }],
      ['must', 3, { type: 'skills', anyOf: ['data structures'] }],
      ['must', 3, { type: 'skills', anyOf: ['algorithms'] }],
      ['nice', 1, { type: 'skills', anyOf: ['recommendation systems', 'search systems'] }],
    ]);
    expect(checks(/^Data Scientist/).slice(0, 3)).toEqual([
      ['must', 3, { type: 'skills', anyOf: ['SQL'] }],
      ['must', 3, { type: 'skills', anyOf: ['Python'] }],
      ['must', 3, { type: 'skills', anyOf: ['statistics'] }],
    ]);
    expect(checks(/^Content Operations/)[0]).toEqual([
      'must',
      3,
      { type: 'years_experience', minimum: 1, field: 'content operations' },
    ]);
    expect(checks(/New Grad/)[0]).toEqual([
      'must',
      3,
      { type: 'degree', levels: ['BS', 'MS'], fields: ['Computer Science'] },
    ]);
  });

  it('Chinese phrasings', () => {
    const zh = criteriaFromPosting({
      title: '后端开发实习生',
      posting: {
        minimumQualifications: [
          '本科及以上学历，计算机相关专业',
          '2026年6月以后毕业',
          '每周至少实习4天，实习至少3个月',
          '3年以上后端开发经验',
          '熟悉 Go 或 Java',
        ],
        preferredQualifications: ['良好的沟通能力'],
      },
    }).map((c) => [c.kind, c.check.type]);
    expect(zh).toEqual([
      ['must', 'degree'],
      ['must', 'graduation_after'],
      ['must', 'weeks_available'],
      ['must', 'years_experience'],
      ['must', 'skills'],
      ['nice', 'text'],
    ]);
  });
});
