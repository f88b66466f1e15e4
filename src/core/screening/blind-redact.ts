import { hasCjk, type Span, tokenize } from './text.js';

/**
 * Blind review (ADR 0025): the resume with what can reveal who someone is — names, contact details,
 * addresses, links, age signals, photos and schools — replaced by runs of `█` of the same length.
 * The output is always exactly as long as the input, so the matcher's passages still point at the
 * right words. Skills, employers' work and dates of study stay readable.
 */
export const BLOCK = '█';

export function redactForBlindReview(
  text: string,
  known: { names?: string[]; emails?: string[] } = {},
): string {
  const spans: Span[] = [];
  const add = (start: number, end: number) => {
    if (end > start) spans.push({ start, end });
  };
  const each = (re: RegExp, group = 0) => {
    for (const m of text.matchAll(re)) {
      const whole = m[0];
      const part = m[group] ?? '';
      const at = m.index + (group === 0 ? 0 : whole.indexOf(part));
      add(at, at + part.length);
    }
  };

  // Contact details and links.
  for (const email of known.emails ?? []) if (email.trim()) eachLiteral(text, email.trim(), add);
  each(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g);
  each(/\b(?:https?:\/\/|www\.)[^\s<>()，。]+[^\s<>()，。.,;:!?)]/gi);
  each(
    /\b(?:[\w-]+\.)*(?:linkedin|github|gitlab|twitter|x|facebook|instagram|behance|dribbble|medium|weibo|zhihu)\.(?:com|io|cn)\/[^\s<>()，。]*[^\s<>()，。.,;:!?)]/gi,
  );
  each(/\b(?:linkedin|github|gitlab|wechat|微信|qq)\s*[:：]\s*[\w.@/-]+/gi);
  for (const m of text.matchAll(/(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d[\d\s.-]{6,}\d/g)) {
    const digits = m[0].replace(/\D/g, '');
    // Date ranges ("2022.09-2026.06") and years are not phone numbers.
    if (digits.length < 8 || digits.length > 15 || /^(?:19|20)\d{2}\s*[./-]\s*\d{1,2}/.test(m[0])) continue;
    if (/(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}/.test(m[0])) continue;
    add(m.index, m.index + m[0].length);
  }
  each(/(?<!\d)1[3-9]\d{9}(?!\d)/g);
  each(/(?:phone|tel|mobile|cell|电话|手机|联系方式)\s*[:：]\s*([^\n]+)/gi, 1);

  // Addresses and postcodes.
  each(
    /\b\d{1,5}[ \t]+(?:[A-Z][\w.'-]*[ \t]+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Terrace|Square|Sq)\b\.?(?:,?\s*(?:Apt|Suite|Unit|#)\s*[\w-]+)?/g,
  );
  each(/\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b/g);
  each(/\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b/g);
  each(/(?:address|home address|地址|住址|家庭住址|现居住地)\s*[:：]\s*([^\n]+)/gi, 1);
  each(/(?:邮编|邮政编码)\s*[:：]?\s*\d{6}/g);
  each(
    /[\u4e00-\u9fff]{2,6}(?:省|市)[\u4e00-\u9fff]{1,8}(?:区|县)[\u4e00-\u9fff\d]{1,20}(?:路|街|道|巷|弄)[\u4e00-\u9fff\d\-号室栋楼单元]*/g,
  );

  // Age, sex and other personal signals.
  each(/\b(?:date of birth|d\.o\.b\.?|dob|birth ?date|birthday|born(?: on| in)?)\b\s*[:：]?\s*[^\n,;]*/gi);
  each(/\bage[d]?\s*[:：]?\s*\d{2}\b/gi);
  each(/\b\d{2}\s*(?:years old|yrs old|y\/o|-year-old)\b/gi);
  each(/(?:出生(?:日期|年月)?|生日|年龄|性别|民族|婚姻状况|婚否|籍贯|政治面貌)\s*[:：]?\s*[^\n，,；;|]*/g);
  each(/\d{2}\s*岁/g);
  each(/\b(?:gender|sex|marital status|nationality)\s*[:：]\s*[^\n,;|]*/gi);

  // Photos.
  each(/[[(（【]\s*(?:photo|headshot|picture|profile picture|照片|相片|头像)\s*[\])）】]/gi);
  each(/^\s*(?:photo|headshot|照片|头像)\s*[:：]?[^\n]*$/gim);

  // Schools.
  const connector = '(?:of|the|and|at|for|de|&)';
  const cap = "[A-Z][\\w'’.&-]*";
  each(
    new RegExp(
      `(?:(?:${cap})[ \\t]+){0,5}(?:University|College|Institute|Polytechnic|Academy|School)(?:[ \\t]+(?:${connector}[ \\t]+)+(?:${cap})(?:[ \\t]+(?:${connector}[ \\t]+)*${cap})*)?(?:,[ \\t]*(?:Berkeley|Los Angeles|San Diego|Irvine|Davis|Austin|Madison|Ann Arbor|Urbana-Champaign))?`,
      'g',
    ),
  );
  each(
    /\b(?:MIT|UCLA|USC|NYU|CMU|UIUC|UCSD|UCSB|NUS|NTU|SMU|HKU|HKUST|CUHK|SJTU|ZJU|PKU|THU|USTC|ETH|EPFL|KAIST|UBC|LSE|UCL)\b/g,
  );
  each(/\bUC\s+(?:Berkeley|Los Angeles|San Diego|Irvine|Davis|Santa Barbara|Santa Cruz)\b/g);
  chineseSchools(text, add);

  // Names: the ones we know, a "Name:" field, and a first line that reads like a name.
  const names = (known.names ?? [])
    .flatMap((n) => [n, ...n.split(/\s+/)])
    .filter((n) => n.trim().length >= 2);
  for (const name of names) eachWord(text, name.trim(), add);
  each(/(?:^|\n)\s*(?:name|full name|姓名|名字)\s*[:：]\s*([^\n|,，]+)/gi, 1);
  const guess = headingName(text);
  if (guess) {
    add(guess.start, guess.end);
    for (const part of text.slice(guess.start, guess.end).split(/\s+/))
      if (part.length >= 2) eachWord(text, part, add);
  }

  // Offsets are UTF-16 units, so the text is cut into units, not code points.
  const chars = text.split('');
  for (const s of spans) {
    for (let i = s.start; i < s.end && i < chars.length; i++)
      if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = BLOCK;
  }
  return chars.join('');
}

function eachLiteral(text: string, needle: string, add: (s: number, e: number) => void) {
  const hay = text.toLowerCase();
  const n = needle.toLowerCase();
  if (hay.length !== text.length) return;
  for (let i = hay.indexOf(n); i >= 0; i = hay.indexOf(n, i + n.length)) add(i, i + n.length);
}

function eachWord(text: string, word: string, add: (s: number, e: number) => void) {
  if (hasCjk(word)) return eachLiteral(text, word, add);
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu'))) {
    add(m.index, m.index + m[0].length);
  }
}

const NOT_A_NAME =
  /^(?:resume|résumé|curriculum vitae|cv|education|experience|skills|projects|summary|profile|contact|简历|个人简历|教育背景|工作经历|项目经历)$/i;

/** The first line, when it reads like a person's name ("Mei Chen", "MEI CHEN", "陈美"). */
function headingName(text: string): Span | null {
  const m = /^\s*([^\n]+)/.exec(text);
  if (!m) return null;
  const line = m[1]!.trim();
  const start = text.indexOf(line);
  const head = line.split(/\s*[|·•,，]\s*/)[0]!;
  if (NOT_A_NAME.test(head) || /[@\d]/.test(head)) return null;
  if (/^[\u4e00-\u9fff]{2,4}$/.test(head)) return { start, end: start + head.length };
  const words = head.split(/\s+/);
  if (words.length >= 2 && words.length <= 4 && words.every((w) => /^\p{Lu}[\p{L}'’.-]*$/u.test(w))) {
    return { start, end: start + head.length };
  }
  return null;
}

const SCHOOL_END = /(?:大学|学院|中学|高中|高级中学|研究院|研究生院)$/;
const NOT_PART = /^(?:于|在|的|和|与|及|从|就读|毕业|毕业于|本科|硕士|博士|学士|专业|，|、)$/;

/** Chinese school names, from jieba's words: "清华大学", or "浙江" + "大学" joined. */
function chineseSchools(text: string, add: (s: number, e: number) => void) {
  if (!hasCjk(text)) return;
  const tokens = tokenize(text).filter((t) => hasCjk(t.term));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!SCHOOL_END.test(t.term)) continue;
    let start = t.start;
    // A bare "大学" / "学院" takes the place words just before it ("华中 科技 大学").
    if (/^(?:大学|学院|中学|高中)$/.test(t.term)) {
      for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
        const prev = tokens[j]!;
        if (prev.end !== start || NOT_PART.test(prev.term)) break;
        start = prev.start;
      }
      if (start === t.start) continue;
    }
    add(start, t.end);
    // "… 大学计算机学院" : the school's own college follows.
    const next = tokens[i + 1];
    if (next && next.start === t.end && /学院$/.test(next.term)) add(next.start, next.end);
  }
}
