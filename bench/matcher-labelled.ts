import fs from 'node:fs';
import type { Criterion, CriterionVerdict } from '../src/contracts/screening.js';
import { criteriaFromPosting, familyOf, localMatcher } from '../src/core/screening/index.js';
import { demoJobs } from '../src/db/seed-demo-data.js';

/**
 * A labelled set for the local matcher (`npm run bench:matcher`). Synthetic resumes for every shipped
 * job, in English, Chinese and both, written from a candidate whose truth is known: for each of the
 * job's criteria the generator records whether the candidate meets it (`met`), does not (`not_met`),
 * or the resume does not say (`unstated`). The resumes include the cases that trip a rule-based
 * reader: synonyms, skills named only in a project line, "no experience with", numbers in words,
 * dates in many formats, year-only dates and fields only related to the one asked for.
 *
 * Reported per criterion, per check type and per language: precision and recall of `found`
 * (a found on an unstated or not-met criterion is a false positive), precision of `missing`, and the
 * share of unclear verdicts. Deterministic: the PRNG is seeded, the day is fixed.
 */
const COUNT = Number(process.env.BENCH_RESUMES ?? 400);
const SEED = Number(process.env.BENCH_SEED ?? 25);
const asOf = new Date('2025-02-01T00:00:00Z');

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const chance = (p: number) => rand() < p;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

type Lang = 'en' | 'zh' | 'mixed';
type Truth = 'met' | 'not_met' | 'unstated';
interface Lines {
  education: string[];
  experience: string[];
  projects: string[];
  skills: string[];
  availability: string[];
  summary: string[];
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function dateText(y: number, m: number, lang: Lang): string {
  if (lang === 'zh') return pick([`${y}年${m}月`, `${y}.${String(m).padStart(2, '0')}`]);
  return pick([`${MONTHS_EN[m - 1]} ${y}`, `${LONG_EN[m - 1]} ${y}`, `${y}.${String(m).padStart(2, '0')}`, `${String(m).padStart(2, '0')}/${y}`, `${y}-${String(m).padStart(2, '0')}`]);
}

const SCHOOLS_EN = ['University of Michigan', 'Georgia Institute of Technology', 'Stanford University', 'University of Toronto', 'National University of Singapore'];
const SCHOOLS_ZH = ['清华大学', '浙江大学', '复旦大学', '上海交通大学', '华中科技大学'];
const FIELDS: { en: string; zh: string; listed: boolean }[] = [
  { en: 'Computer Science', zh: '计算机科学与技术', listed: true },
  { en: 'Software Engineering', zh: '软件工程', listed: true },
  { en: 'Electrical Engineering', zh: '电子工程', listed: false },
  { en: 'Mathematics', zh: '数学', listed: false },
];
const LEVELS = [
  { level: 'BS', en: ['B.S.', 'BS', 'Bachelor of Science', 'BSc'], zh: '本科' },
  { level: 'MS', en: ['M.S.', 'MS', 'Master of Science', 'MSc'], zh: '硕士' },
  { level: 'PhD', en: ['Ph.D.', 'PhD'], zh: '博士' },
  { level: 'MBA', en: ['MBA'], zh: 'MBA' },
] as const;

/** The education of one candidate, and what it makes true. */
function education(lines: Lines, lang: Lang, want: { levels?: string[]; fields?: string[]; gradAfter?: string }) {
  const lv = chance(0.8) ? pick(LEVELS.slice(0, 2)) : pick(LEVELS);
  const field = pick(FIELDS);
  const student = chance(0.7);
  const gradYear = student ? pick([2025, 2025, 2026, 2026, 2027]) : pick([2019, 2021, 2023, 2024]);
  const gradMonth = pick([5, 6, 12, 6]);
  const start = gradYear - (lv.level === 'BS' ? 4 : 2);
  const school = lang === 'zh' ? pick(SCHOOLS_ZH) : pick(SCHOOLS_EN);
  const zhLine = lang === 'zh' || (lang === 'mixed' && chance(0.5));
  const yearOnly = chance(0.12);
  const graduated = !(gradYear * 12 + gradMonth - 1 > asOf.getUTCFullYear() * 12 + asOf.getUTCMonth());
  const fromTxt = yearOnly ? String(start) : dateText(start, 9, zhLine ? 'zh' : 'en');
  const toTxt = yearOnly ? String(gradYear) : dateText(gradYear, gradMonth, zhLine ? 'zh' : 'en');
  if (zhLine) {
    lines.education.push(`${school} ${field.zh} ${lv.zh}${!graduated && chance(0.6) ? '在读' : ''} ${fromTxt} - ${toTxt}`);
    if (!graduated && !yearOnly && chance(0.5)) lines.education.push(`预计${dateText(gradYear, gradMonth, 'zh')}毕业`);
  } else {
    const deg = pick(lv.en);
    const style = int(0, 3);
    if (style === 0) lines.education.push(`${school}`, `${deg} in ${field.en}, ${fromTxt} – ${graduated ? '' : 'Expected '}${toTxt}`);
    else if (style === 1) lines.education.push(`${deg} ${field.en}, ${school}, ${fromTxt} - ${toTxt}`);
    else if (style === 2) lines.education.push(`${school} — ${deg}, ${field.en}`, graduated ? `Graduated ${toTxt}` : `Expected graduation: ${toTxt}`);
    else lines.education.push(`${school}, ${deg} ${field.en} (${fromTxt} to ${toTxt})`);
    if (!graduated && chance(0.3)) lines.education.push(`Currently pursuing ${{ BS: "a bachelor's degree", MS: "a master's degree", PhD: 'a doctorate', MBA: 'an MBA' }[lv.level]}.`);
  }
  const truth: Record<string, Truth> = {};
  truth.enrolled = graduated ? 'not_met' : 'met';
  if (want.levels) {
    truth.degree =
      want.levels.includes(lv.level) && (!want.fields?.length || want.fields.includes(field.en)) ? 'met' : 'not_met';
  }
  if (want.gradAfter) {
    const [y, m] = want.gradAfter.split('-').map(Number) as [number, number];
    truth.graduation_after = gradYear * 12 + gradMonth >= y * 12 + m ? 'met' : 'not_met';
  }
  return truth;
}

function availability(lines: Lines, lang: Lang, minimum: number): Truth {
  if (chance(0.2)) return 'unstated';
  const zh = lang === 'zh' || (lang === 'mixed' && chance(0.5));
  const options: [string, number][] = zh
    ? [
        ['可实习时间：2025年6月至9月', 17],
        ['可实习3个月以上', 13],
        ['实习时间：6月-8月', 13],
        ['可实习2个月', 8],
        ['实习周期：12周', 12],
        ['可实习时间：7月至8月', 8],
      ]
    : [
        [`Available for ${minimum} weeks, June to August 2025.`, minimum],
        ['Available: June–September 2025', 17],
        ['Availability: 3 months from June', 13],
        ['Available for 8 weeks in summer', 8],
        ['Can commit to a 10-week internship', 10],
        ['Available for twelve weeks this summer', 12],
        ['Available July to August', 8],
        ['Availability: full summer', 13],
        ['Available from mid-June until the end of August', 11],
      ];
  const [text, weeks] = pick(options);
  lines.availability.push(text);
  return weeks >= minimum ? 'met' : 'not_met';
}

const SKILL_FORMS: Record<string, string[]> = {
  Go: ['Go', 'Golang', 'Go (Golang)'],
  Python: ['Python', 'Python 3'],
  Java: ['Java', 'Java 17'],
  'C++': ['C++', 'cpp'],
  SQL: ['SQL', 'PostgreSQL', 'MySQL'],
  NoSQL: ['MongoDB', 'Redis', 'NoSQL'],
  databases: ['PostgreSQL', 'database design'],
  statistics: ['statistics', 'hypothesis testing', 'regression analysis', '统计学'],
  'data structures': ['data structures', '数据结构'],
  algorithms: ['algorithms', 'LeetCode', '算法'],
  'recommendation systems': ['recommender systems', 'recommendation ranking', '推荐系统'],
  'search systems': ['search engine', 'Elasticsearch', '搜索'],
  'classification models': ['classifiers', 'logistic regression', '分类模型'],
  'cloud platform': ['AWS', 'GCP', 'Azure', '云平台'],
  AWS: ['AWS', 'EC2 and S3'],
  'Google Cloud': ['GCP', 'Google Cloud'],
  Azure: ['Azure'],
  'software project': ['side project', 'open-source project'],
  internship: ['internship', 'intern', '实习'],
  consistency: ['Raft consensus', 'consistency models', '一致性'],
  replication: ['replication', 'replicas', '副本'],
  experiments: ['A/B tests', 'experimentation'],
  'incrementality measurement': ['incrementality', 'lift studies'],
  'creator products': ['creator tools', 'creator'],
  'marketplace products': ['marketplace', 'two-sided marketplace'],
  'creator cold start': ['cold start for new creators', '新创作者冷启动'],
};
const DISTRACTORS = ['Rust', 'JavaScript', 'Kotlin', 'Excel', 'Figma', 'Photoshop'];

function skills(lines: Lines, lang: Lang, anyOf: string[]): Truth {
  const r = rand();
  const skill = pick(anyOf);
  const form = pick(SKILL_FORMS[skill] ?? [skill]);
  const zh = lang === 'zh';
  if (r < 0.45) {
    lines.skills.push(`${zh ? '技能：' : 'Skills: '}${[form, pick(DISTRACTORS)].join(zh ? '、' : ', ')}`);
    return 'met';
  }
  if (r < 0.6) {
    // Named only in a project line.
    lines.projects.push(zh ? `个人项目：用 ${form} 实现的短链接服务` : `Side project: a URL shortener written with ${form}.`);
    return 'met';
  }
  if (r < 0.72) {
    lines.skills.push(zh ? `技能：${pick(DISTRACTORS)}；不熟悉 ${form}` : `Skills: ${pick(DISTRACTORS)}. No experience with ${form} yet.`);
    return 'not_met';
  }
  if (r < 0.76 && !zh) {
    // A denial word that does not deny.
    lines.skills.push(`Not only ${pick(DISTRACTORS)} but also ${form}.`);
    return 'met';
  }
  if (r < 0.8 && anyOf.includes('Go')) {
    lines.experience.push('Led the go-to-market plan for a Google Workspace add-on.');
    return 'not_met';
  }
  lines.skills.push(`${zh ? '技能：' : 'Skills: '}${pick(DISTRACTORS)}${zh ? '、' : ', '}${pick(DISTRACTORS)}`);
  return 'not_met';
}

const FIELD_ROLE: Record<string, { en: string; zh: string; line: string; lineZh: string }> = {
  'backend systems': { en: 'Backend Engineer', zh: '后端工程师', line: 'Built backend services in Java.', lineZh: '负责后端服务开发。' },
  'distributed systems': { en: 'Software Engineer, Storage', zh: '存储工程师', line: 'Worked on distributed systems for storage.', lineZh: '负责分布式存储系统。' },
  'product management': { en: 'Product Manager', zh: '产品经理', line: 'Owned the product roadmap.', lineZh: '负责产品规划。' },
  'product marketing': { en: 'Product Marketing Manager', zh: '产品营销经理', line: 'Led product marketing for launches.', lineZh: '负责产品营销。' },
  'content operations': { en: 'Content Operations Specialist', zh: '内容运营', line: 'Ran content operations for a vertical.', lineZh: '负责内容运营。' },
};
const WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function years(lines: Lines, lang: Lang, minimum: number, field = 'backend systems'): Truth {
  const role = FIELD_ROLE[field] ?? FIELD_ROLE['backend systems']!;
  const total = int(Math.max(0, minimum - 3), minimum + 3);
  const zh = lang === 'zh';
  const style = rand();
  if (style > 0.9 && total > 0) {
    // Only a start year, no dated roles.
    const since = asOf.getUTCFullYear() - total;
    lines.experience.push(zh ? `${since}年起担任${role.zh}` : `${role.en} since ${since}.`);
    return total >= minimum ? 'met' : 'not_met';
  }
  if (style < 0.3 && total > 0) {
    if (zh) lines.summary.push(`${total}年以上${role.zh.replace('工程师', '')}经验`);
    else lines.summary.push(chance(0.2) ? `Over ${WORDS[total - 1] ?? total} years of ${field}.` : `${total}+ years of ${field}.`);
  }
  // Dated roles adding up to `total` years, the last one open-ended about half the time.
  let end = asOf.getUTCFullYear() * 12 + asOf.getUTCMonth();
  let left = total * 12;
  const open = chance(0.5);
  let first = true;
  while (left > 0) {
    const len = Math.min(left, int(12, 36));
    const from = end - len;
    const f = (i: number) => dateText(Math.floor(i / 12), (i % 12) + 1, zh ? 'zh' : 'en');
    const to = first && open ? (zh ? '至今' : 'Present') : f(end - 1);
    lines.experience.push(`${zh ? role.zh : role.en}, ${pick(['Initech', 'Globex', 'Umbrella', 'Hooli'])}    ${f(from)} - ${to}`);
    lines.experience.push(zh ? role.lineZh : role.line);
    end = from - int(0, 3);
    left -= len;
    first = false;
  }
  if (total === 0 && chance(0.5)) return 'unstated';
  return total >= minimum ? 'met' : 'not_met';
}

const TEXT_PHRASES: Record<string, [string, string, boolean][]> = {
  soft: [
    ['Presented design reviews to a 40-person team; strong communication skills.', '沟通能力强，善于团队合作。', true],
    ['Strong analytical and problem-solving skills.', '具备较强的分析和解决问题的能力。', true],
    ['Mentored two students in a robotics club.', '在机器人社团带过两名同学。', false],
  ],
};

function text(lines: Lines, lang: Lang): Truth {
  const [en, zh, met] = pick(TEXT_PHRASES.soft!);
  if (chance(0.2)) return 'unstated';
  lines.summary.push(lang === 'zh' ? zh : en);
  return met ? 'met' : 'not_met';
}

interface Sample {
  job: string;
  family: string | null;
  lang: Lang;
  text: string;
  criteria: Criterion[];
  truth: Map<string, Truth>;
}

function sample(i: number): Sample {
  const jobs = demoJobs(asOf);
  // The internship carries most kinds of check, so it is drawn three times as often.
  const job = jobs[[0, 0, 0, 1, 2, 3, 4, 5, 6, 7][i % 10]!]!;
  const family = familyOf(job);
  const lang: Lang = pick(['en', 'en', 'en', 'zh', 'zh', 'mixed']);
  const criteria = criteriaFromPosting(job).map((c, k) => ({
    ...c,
    id: `00000000-0000-4000-8000-${String(k + 1).padStart(12, '0')}`,
  }));
  const lines: Lines = { education: [], experience: [], projects: [], skills: [], availability: [], summary: [] };
  const truth = new Map<string, Truth>();
  const deg = criteria.find((c) => c.check.type === 'degree')?.check;
  const grad = criteria.find((c) => c.check.type === 'graduation_after')?.check;
  const edu = education(lines, lang, {
    ...(deg?.type === 'degree' ? { levels: deg.levels, fields: deg.fields ?? [] } : {}),
    ...(grad?.type === 'graduation_after' ? { gradAfter: grad.month } : {}),
  });
  for (const c of criteria) {
    const ch = c.check;
    let t: Truth;
    if (ch.type === 'enrolled' || ch.type === 'degree' || ch.type === 'graduation_after') t = edu[ch.type]!;
    else if (ch.type === 'weeks_available') t = availability(lines, lang, ch.minimum);
    else if (ch.type === 'skills') t = skills(lines, lang, ch.anyOf);
    else if (ch.type === 'years_experience') t = years(lines, lang, ch.minimum, ch.field);
    else t = text(lines, lang);
    truth.set(c.id, t);
  }
  // A project line written for another criterion is a software project too.
  for (const c of criteria) {
    if (c.check.type === 'skills' && c.check.anyOf.includes('software project') && lines.projects.length > 0) {
      truth.set(c.id, 'met');
    }
  }
  const zh = lang === 'zh';
  const heading = (en: string, z: string) => (zh ? z : en);
  const parts = [
    zh ? pick(['王小明', '李娜', '陈杰']) : pick(['Mei Chen', 'Arjun Patel', 'Sofia Garcia']),
    ...lines.summary,
    heading('Education', '教育背景'),
    ...lines.education,
    ...(lines.experience.length ? [heading('Experience', '工作经历'), ...lines.experience] : []),
    ...(lines.projects.length ? [heading('Projects', '项目经历'), ...lines.projects] : []),
    ...(lines.skills.length ? [heading('Skills', '技能'), ...lines.skills] : []),
    ...(lines.availability.length ? [heading('Availability', '可实习时间'), ...lines.availability] : []),
  ];
  return { job: job.title.replace(/ - \d{4} Summer.*| \d{4} - .*/, ''), family, lang, text: parts.join('\n'), criteria, truth };
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  missRight: number;
  missAll: number;
  unclear: number;
  n: number;
}
const empty = (): Tally => ({ tp: 0, fp: 0, fn: 0, missRight: 0, missAll: 0, unclear: 0, n: 0 });
function count(t: Tally, truth: Truth, v: CriterionVerdict['verdict']) {
  t.n++;
  if (v === 'unclear') t.unclear++;
  if (v === 'found' && truth === 'met') t.tp++;
  if (v === 'found' && truth !== 'met') t.fp++;
  if (v !== 'found' && truth === 'met') t.fn++;
  if (v === 'missing') {
    t.missAll++;
    if (truth !== 'met') t.missRight++;
  }
}
const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
const row = (t: Tally) => ({
  n: t.n,
  precision: ratio(t.tp, t.tp + t.fp),
  recall: ratio(t.tp, t.tp + t.fn),
  missingPrecision: ratio(t.missRight, t.missAll),
  unclearShare: ratio(t.unclear, t.n),
});

async function main() {
  const samples = Array.from({ length: COUNT }, (_, i) => sample(i));
  const byCriterion = new Map<string, Tally>();
  const byType = new Map<string, Tally>();
  const byLang = new Map<string, Tally>();
  const all = empty();
  const tally = (m: Map<string, Tally>, k: string) => {
    if (!m.has(k)) m.set(k, empty());
    return m.get(k)!;
  };
  const started = performance.now();
  for (const s of samples) {
    const verdicts = await localMatcher.annotate({ resumeText: s.text, criteria: s.criteria, family: s.family, asOf });
    for (const v of verdicts) {
      const c = s.criteria.find((x) => x.id === v.criterionId)!;
      const truth = s.truth.get(c.id)!;
      if (process.env.BENCH_DEBUG === c.check.type && (v.verdict === 'found') !== (truth === 'met')) {
        console.log(`--- ${truth} / ${v.verdict}: ${v.reason}\n${s.text}\n`);
      }
      for (const t of [
        tally(byCriterion, `${s.job} · ${c.check.type} · ${c.text.slice(0, 50)}`),
        tally(byType, c.check.type),
        tally(byLang, s.lang),
        all,
      ])
        count(t, truth, v.verdict);
    }
  }
  const ms = performance.now() - started;
  const out = {
    matcher: `${localMatcher.name}@${localMatcher.version}`,
    resumes: samples.length,
    seed: SEED,
    asOf: asOf.toISOString().slice(0, 10),
    languages: Object.fromEntries([...byLang].map(([k, t]) => [k, samples.filter((s) => s.lang === k).length])),
    msPerResume: Math.round((ms / samples.length) * 100) / 100,
    overall: row(all),
    byType: Object.fromEntries([...byType].map(([k, t]) => [k, row(t)])),
    byLanguage: Object.fromEntries([...byLang].map(([k, t]) => [k, row(t)])),
    byCriterion: Object.fromEntries([...byCriterion].map(([k, t]) => [k, row(t)])),
  };
  fs.writeFileSync(new URL('./matcher-labelled-results.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
  if (process.env.BENCH_SHOW) console.log(samples[Number(process.env.BENCH_SHOW)]?.text);
  console.log(JSON.stringify({ ...out, byCriterion: undefined }, null, 2));
  console.table(Object.fromEntries([...byCriterion].map(([k, t]) => [k.slice(0, 70), row(t)])));
}

await main();
