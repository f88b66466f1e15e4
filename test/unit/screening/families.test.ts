import { describe, expect, it } from 'vitest';
import { criteriaFromPosting, familyOf, tierOf } from '../../../src/core/screening/index.js';
import { demoJobs } from '../../../src/db/seed-demo-data.js';
import { annotate, quoted, withIds } from './helpers.js';

const asOf = '2025-02-01T00:00:00Z';
const jobs = demoJobs(new Date(asOf));

/** The job's criteria, the verdicts on a resume, and each verdict by the criterion's text. */
async function screen(title: RegExp, resume: string) {
  const job = jobs.find((j) => title.test(j.title))!;
  const criteria = withIds(criteriaFromPosting(job));
  const verdicts = await annotate(resume, criteria, familyOf(job), asOf);
  const by = (text: RegExp) => {
    const c = criteria.find((x) => text.test(x.text));
    if (!c) throw new Error(`no criterion ${text}`);
    return verdicts.find((v) => v.criterionId === c.id)!;
  };
  return { by, tier: tierOf(criteria, verdicts) };
}

describe('one hand-made resume per shipped family', () => {
  it('new grad (backend): a finished CS degree, and an internship', async () => {
    const { by, tier } = await screen(
      /New Grad/,
      `Kenji Tanaka
Education
B.S. Computer Science, University of Washington, 2021 – 2025
Experience
Software Engineering Intern, Hooli    Jun 2024 – Sep 2024
Wrote Python data pipelines.`,
    );
    expect(by(/Bachelor's or Master's degree/).verdict).toBe('found');
    expect(quoted(by(/Bachelor's or Master's degree/))[0]).toBe(
      'B.S. Computer Science, University of Washington, 2021 – 2025',
    );
    expect(by(/internship or a substantial/).verdict).toBe('found');
    expect(quoted(by(/internship or a substantial/))).toEqual([
      'Software Engineering Intern, Hooli    Jun 2024 – Sep 2024',
    ]);
    expect(tier).toBe('strong');
  });

  it('distributed storage (backend): 7 years from dated roles, replication named, consistency not', async () => {
    const { by, tier } = await screen(
      /Distributed Storage/,
      `Amara Okafor
Experience
Staff Engineer, Storage, Globex     Jan 2021 – Present
Led the distributed storage layer; designed cross-region replication.
Software Engineer, Initech     Mar 2017 – Dec 2020
Built distributed systems for payments.`,
    );
    const years = by(/6\+ years/);
    expect(years.verdict).toBe('found');
    expect(years.reason).toMatch(/about 7\.\d years in distributed systems/);
    expect(quoted(years)).toEqual([
      'Staff Engineer, Storage, Globex     Jan 2021 – Present',
      'Software Engineer, Initech     Mar 2017 – Dec 2020',
    ]);
    expect(by(/^replication/).verdict).toBe('found');
    expect(quoted(by(/^replication/))).toEqual([
      'Led the distributed storage layer; designed cross-region replication.',
    ]);
    expect(by(/^consistency/).verdict).toBe('missing');
    expect(tier).toBe('strong');
  });

  it('data science: SQL and Python found, statistics missing → weak', async () => {
    const { by, tier } = await screen(
      /^Data Scientist/,
      `Priya Kumar
Experience
Analyst, Umbrella   2021 – 2024
Owned weekly product dashboards in SQL; automated reports in Python with pandas.`,
    );
    expect(by(/^SQL/).verdict).toBe('found');
    expect(by(/^Python/).verdict).toBe('found');
    expect(quoted(by(/^Python/))).toEqual([
      'Owned weekly product dashboards in SQL; automated reports in Python with pandas.',
    ]);
    expect(by(/statistics/).verdict).toBe('missing');
    expect(tier).toBe('weak');
  });

  it('product management: "5+ years" stated, creators named', async () => {
    const { by, tier } = await screen(
      /^Product Manager/,
      `Lucas Silva
5+ years of product management in consumer apps.
Product Manager, Hooli   2019 – Present
Shipped a creator onboarding flow that raised activation by 12%.`,
    );
    expect(by(/product management/).verdict).toBe('found');
    expect(quoted(by(/product management/))).toEqual(['5+ years of product management in consumer apps.']);
    expect(by(/creator or marketplace/).verdict).toBe('found');
    expect(tier).toBe('strong');
  });

  it('product marketing: 3 years is fewer than 5 → weak, with the roles quoted', async () => {
    const { by, tier } = await screen(
      /^Product Marketing/,
      `Elena Rossi
Product Marketing Manager, Globex   Jan 2022 – Jan 2025
Ran go-to-market for two ads products; measured lift with incrementality studies.`,
    );
    const years = by(/5\+ years/);
    expect(years.verdict).toBe('missing');
    expect(years.reason).toMatch(/about 3(\.\d)? years in product marketing, fewer than 5/);
    expect(by(/^incrementality/).verdict).toBe('found');
    expect(tier).toBe('weak');
  });

  it('content operations, in Chinese: 2 years of 内容运营, 冷启动 found', async () => {
    const { by, tier } = await screen(
      /^Content Operations/,
      `陈美
工作经历
某MCN公司 内容运营 2022年12月 - 2025年1月
负责达人账号内容规划、数据分析和涨粉，带领新创作者完成冷启动。`,
    );
    expect(by(/content operations/).verdict).toBe('found');
    expect(quoted(by(/content operations/))).toEqual(['某MCN公司 内容运营 2022年12月 - 2025年1月']);
    expect(by(/cold start/).verdict).toBe('found');
    expect(quoted(by(/cold start/))).toEqual([
      '负责达人账号内容规划、数据分析和涨粉，带领新创作者完成冷启动。',
    ]);
    expect(tier).toBe('strong');
  });
});
