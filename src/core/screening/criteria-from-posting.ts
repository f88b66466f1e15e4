import type { Criterion, CriterionCheck, CriterionKind } from '../../contracts/screening.js';
import { MONTH_NAME, monthOf } from './dates.js';
import { findTerm, fold, hasCjk } from './text.js';
import { entriesFor, familyOf, type SkillEntry } from './vocabulary.js';

/** What the posting says, as `src/contracts/jobs.ts` shapes it. */
export interface PostingJob {
  title: string;
  teamName?: string | null;
  posting: {
    minimumQualifications?: string[];
    preferredQualifications?: string[];
    internship?:
      | { term: string; minimumWeeks: number; degreeLevels: Level[]; eligibility: string[] }
      | undefined;
  };
}
type Level = 'BS' | 'MS' | 'PhD' | 'MBA';
export type DerivedCriterion = Omit<Criterion, 'id'>;

export const MUST_WEIGHT = 3;
export const NICE_WEIGHT = 1;

/**
 * Soft skills no resume can evidence ("clear communication", "a humble attitude"). As must-haves
 * they would mark every applicant weak or unclear, so they come in as nice-to-haves of weight 1;
 * the recruiter can raise them.
 */
const SOFT =
  /communicat|analytical|problem[- ]solving|teamwork|team player|collaborat|willing(?:ness)? to learn|attitude|self[- ]motivated|curious|detail[- ]oriented|沟通|团队合作|学习能力|责任心/i;

/**
 * The job's qualifications and internship terms as criteria (ADR 0025): minimum qualifications and
 * internship terms are must-haves, preferred ones nice-to-haves. A line is given the structured
 * check its phrasing names (enrolled, degree, graduation after, weeks, years, skills) and `text`
 * otherwise. Checks that can only hold once (enrolled, degree, graduation, weeks) are merged, and a
 * must-have wins over a nice-to-have.
 */
export function criteriaFromPosting(job: PostingJob): DerivedCriterion[] {
  const family = familyOf(job);
  const out: Omit<DerivedCriterion, 'position'>[] = [];
  const minimum = job.posting.minimumQualifications ?? [];
  for (const line of minimum) out.push(...fromLine(line, 'must', family));
  const internship = job.posting.internship;
  if (internship) {
    const degreeLine = minimum.find((l) => levelsIn(l).length > 0);
    out.push({
      text: `A ${internship.degreeLevels.join(' or ')} degree programme${degreeLine ? ` (${clip(degreeLine, 400)})` : ''}`,
      kind: 'must',
      weight: MUST_WEIGHT,
      source: 'job',
      check: {
        type: 'degree',
        levels: internship.degreeLevels,
        fields: degreeLine ? fieldsIn(degreeLine) : [],
      },
    });
    out.push({
      text: `Available for at least ${internship.minimumWeeks} weeks (${clip(internship.term, 200)})`,
      kind: 'must',
      weight: MUST_WEIGHT,
      source: 'job',
      check: { type: 'weeks_available', minimum: internship.minimumWeeks },
    });
    for (const line of internship.eligibility) out.push(...fromLine(line, 'must', family));
  }
  for (const line of job.posting.preferredQualifications ?? []) out.push(...fromLine(line, 'nice', family));
  return merge(out, internship?.degreeLevels).map((c, position) => ({ ...c, position }));
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function make(text: string, kind: CriterionKind, check: CriterionCheck): Omit<DerivedCriterion, 'position'> {
  const soft = check.type === 'text' && SOFT.test(text);
  const k: CriterionKind = soft ? 'nice' : kind;
  return {
    text: clip(text.trim(), 500),
    kind: k,
    weight: k === 'must' ? MUST_WEIGHT : NICE_WEIGHT,
    source: 'job',
    check,
  };
}

const ENROLLED =
  /currently (?:enrolled|pursuing|studying)|current(?:ly)? (?:a )?student|enrolled in|return(?:ing)? to (?:the|a|their|your) (?:degree|studies|programme|program|school)|在读|在校/i;

export function levelsIn(line: string): Level[] {
  const levels: Level[] = [];
  if (/\bbachelor|\bB\.?S\.?\b|\bBSc\b|\bB\.?A\.?\b|\bundergraduate|本科|学士/i.test(line)) levels.push('BS');
  if (/\bmaster|\bM\.?S\.?\b(?!\s*(?:office|excel))|\bMSc\b|硕士|研究生/i.test(line)) levels.push('MS');
  if (/\bph\.?\s?d|\bdoctora|博士/i.test(line)) levels.push('PhD');
  if (/\bMBA\b/.test(line)) levels.push('MBA');
  if (levels.length > 0 && /or (?:higher|above)|and above|及以上|以上学历/i.test(line)) {
    const order: Level[] = ['BS', 'MS', 'PhD'];
    const lowest = Math.min(...levels.map((l) => order.indexOf(l)).filter((i) => i >= 0));
    if (lowest >= 0) for (const l of order.slice(lowest)) if (!levels.includes(l)) levels.push(l);
  }
  return levels;
}

/** "… in Computer Science, Software Engineering or a related field" → the named fields. */
export function fieldsIn(line: string): string[] {
  const m =
    /(?:degree|programme|program|studies|bachelor'?s|master'?s|\bB\.?S\.?|\bM\.?S\.?|Ph\.?D\.?)\s+in\s+([^.;()]+)/i.exec(
      line,
    ) ??
    /(?:^|\s)in\s+((?:computer|software|electrical|statistics|mathematics|data|economics|business)[^.;()]*)/i.exec(
      line,
    );
  const cn = /([\u4e00-\u9fff]{2,8})(?:等)?相关专业/.exec(line);
  const fields: string[] = [];
  if (m) {
    const part = m[1]!.split(/,?\s*(?:completed|by|with|from|and (?:the|a) )\b/i)[0]!;
    for (const f of part.split(/,|\bor\b|\band\b|\//)) {
      const t = f.trim().replace(/^(?:a|an|the)\s+/i, '');
      if (t.length < 2 || /related|equivalent|similar|quantitative field|technical field/i.test(t)) continue;
      fields.push(t);
    }
  }
  if (cn) fields.push(...cn[1]!.split(/、|或|和/).filter((x) => x.length >= 2));
  return fields.slice(0, 20);
}

/** The vocabulary skills a line names, in the order it names them. */
function skillsIn(line: string, family: string | null): string[] {
  const folded = fold(line);
  const found: { skill: string; at: number; end: number }[] = [];
  const seen = new Set<SkillEntry>();
  for (const e of entriesFor(family)) {
    if (seen.has(e) || found.some((f) => f.skill === e.skill)) continue;
    const forms: [string, boolean][] = [
      ...(e.exact ?? []).filter((x) => x.length >= 2).map((x): [string, boolean] => [x, true]),
      ...[e.skill, ...e.synonyms]
        .filter((x) => x.length >= 3 || hasCjk(x) || /[+#]/.test(x))
        .filter((x) => !(e.exact ?? []).some((y) => y.toLowerCase() === x.toLowerCase()))
        .map((x): [string, boolean] => [x, false]),
    ];
    for (const [form, exact] of forms) {
      const hit = findTerm(line, folded, form, exact).find(
        (h) => !found.some((f) => f.at < h.end && h.start < f.end),
      );
      if (hit) {
        seen.add(e);
        found.push({ skill: e.skill, at: hit.start, end: hit.end });
        break;
      }
    }
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.skill);
}

function fromLine(
  line: string,
  kind: CriterionKind,
  family: string | null,
): Omit<DerivedCriterion, 'position'>[] {
  const text = line.trim();
  const out: Omit<DerivedCriterion, 'position'>[] = [];
  // Enrolled, and the degree the same line names ("Currently enrolled in a Bachelor's or Master's …").
  if (ENROLLED.test(text)) {
    out.push(make(text, kind, { type: 'enrolled' }));
    const levels = levelsIn(text);
    if (levels.length > 0) out.push(make(text, kind, { type: 'degree', levels, fields: fieldsIn(text) }));
    return out;
  }
  const grad =
    new RegExp(`graduat\\w*\\s+(?:in\\s+|from\\s+)?(?:(${MONTH_NAME})\\.?\\s+)?(\\d{4})`, 'i').exec(text) ??
    new RegExp(`graduat\\w*[^.]*?(?:after|from)\\s+(?:(${MONTH_NAME})\\.?\\s+)?(\\d{4})`, 'i').exec(text);
  const gradZh = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:及|或)?(?:以后|之后|后)毕业/.exec(text);
  if (grad || gradZh) {
    const year = Number(grad ? grad[2] : gradZh![1]);
    const month = grad ? (grad[1] ? monthOf(grad[1])! : 1) : Number(gradZh![2]);
    out.push(
      make(text, kind, { type: 'graduation_after', month: `${year}-${String(month).padStart(2, '0')}` }),
    );
    return out;
  }
  const weeks =
    /(\d{1,2})\s*\+?\s*(?:-\s*)?weeks?|(\d{1,2})\s*\+?\s*(?:-\s*)?months?|(\d{1,2})\s*个\s*月|(\d{1,2})\s*周/i.exec(
      text,
    );
  if (weeks && /availab|commit|at least|minimum|for\s+\d|实习|至少|到岗/i.test(text)) {
    const minimum =
      weeks[1] || weeks[4]
        ? Number(weeks[1] ?? weeks[4])
        : Math.floor((Number(weeks[2] ?? weeks[3]) * 52) / 12);
    out.push(make(text, kind, { type: 'weeks_available', minimum: Math.min(52, Math.max(1, minimum)) }));
    return out;
  }
  const years =
    /(\d{1,2})\s*\+?\s*(?:or more\s+)?years?(?:['’])?\s*(?:of\s+)?(?:experience\s+)?(?:(?:in|building|with|as|of|doing|working (?:on|in|with))\s+)?([^.;,]*)/i.exec(
      text,
    );
  const yearsZh = /(\d{1,2})\s*年(?:以上|及以上)?([\u4e00-\u9fffA-Za-z\s]*?)(?:工作)?经验/.exec(text);
  if (years || yearsZh) {
    const minimum = Number(years ? years[1] : yearsZh![1]);
    const field = (years ? years[2]! : yearsZh![2]!)
      .replace(/\b(?:experience|professional|industry|relevant|hands-on)\b/gi, '')
      .replace(/\s+/g, ' ')
      .trim();
    const check: CriterionCheck = { type: 'years_experience', minimum: Math.min(40, Math.max(1, minimum)) };
    if (field.length >= 2) check.field = clip(field, 80);
    out.push(make(text, kind, check));
    return out;
  }
  const levels = levelsIn(text);
  if (levels.length > 0 && /degree|programme|program|学历|学位|\bin\b/i.test(text)) {
    out.push(make(text, kind, { type: 'degree', levels, fields: fieldsIn(text) }));
    return out;
  }
  const skills = skillsIn(text, family);
  if (skills.length > 0 && !SOFT.test(text)) {
    const either = /\bor\b|one of|such as|either|any of|或|任一|之一/i.test(text);
    if (!either && skills.length > 1 && /\band\b|&|和|及|以及/.test(text)) {
      for (const skill of skills)
        out.push(make(`${skill} — ${text}`, kind, { type: 'skills', anyOf: [skill] }));
    } else {
      out.push(make(text, kind, { type: 'skills', anyOf: skills.slice(0, 30) }));
    }
    return out;
  }
  out.push(make(text, kind, { type: 'text' }));
  return out;
}

const SINGLE = new Set(['enrolled', 'graduation_after', 'weeks_available', 'degree']);

function merge(
  items: Omit<DerivedCriterion, 'position'>[],
  internshipLevels?: Level[],
): Omit<DerivedCriterion, 'position'>[] {
  const out: Omit<DerivedCriterion, 'position'>[] = [];
  for (const item of items) {
    const same = SINGLE.has(item.check.type) ? out.find((o) => o.check.type === item.check.type) : undefined;
    if (!same) {
      out.push(item);
      continue;
    }
    if (item.kind === 'must' && same.kind === 'nice') {
      same.kind = 'must';
      same.weight = Math.max(same.weight, MUST_WEIGHT);
    }
    if (same.check.type === 'degree' && item.check.type === 'degree') {
      const fields = [...new Set([...(same.check.fields ?? []), ...(item.check.fields ?? [])])];
      const levels = internshipLevels ?? [...new Set([...same.check.levels, ...item.check.levels])];
      same.check = { type: 'degree', levels, fields };
    }
    if (same.check.type === 'weeks_available' && item.check.type === 'weeks_available') {
      same.check = { type: 'weeks_available', minimum: Math.max(same.check.minimum, item.check.minimum) };
    }
  }
  return out;
}
