import { describe, expect, it } from 'vitest';
import { redactForBlindReview } from '../../../src/core/screening/index.js';

const resume = `Mei Chen
mei.chen@example.com | +1 (415) 555-0134 | https://www.linkedin.com/in/meichen | github.com/meichen
123 Market Street, San Francisco, CA 94105
Date of birth: 14 March 2002 (age 23)
[Photo]

Education
Stanford University, B.S. Computer Science, Sep 2022 – Expected May 2026
Massachusetts Institute of Technology, summer school 2023

Experience
Software Engineering Intern, Acme Corp      Jun 2025 – Aug 2025
Built a Golang service with PostgreSQL and Redis. Mei led the design.`;

const zh = `张伟
电话：138 0013 8000 ｜ 邮箱：zhangwei@example.cn
出生年月：2003年5月 ｜ 年龄：22岁 ｜ 性别：男
地址：北京市海淀区中关村大街27号
教育背景
毕业于北京大学 计算机科学与技术 本科 2022年9月 - 2026年6月
华中科技大学 交换 2024年，南京信息工程学院
技能：Go语言、分布式系统`;

describe('blind review redaction', () => {
  const out = redactForBlindReview(resume, { names: ['Mei Chen'], emails: ['mei.chen@example.com'] });

  it('keeps the length, and every character outside a redaction', () => {
    expect(out.length).toBe(resume.length);
    for (let i = 0; i < out.length; i++) if (out[i] !== '█') expect(out[i]).toBe(resume[i]);
  });

  it.each([
    ['name, also alone later', ['Mei Chen', 'Mei led']],
    ['email', ['mei.chen@example.com']],
    ['phone', ['555-0134']],
    ['links', ['linkedin.com/in/meichen', 'github.com/meichen']],
    ['street and postcode', ['123 Market Street', '94105']],
    ['age signals', ['14 March 2002', 'age 23']],
    ['photo', ['[Photo]']],
    ['schools', ['Stanford University', 'Massachusetts Institute of Technology']],
  ])('hides the %s', (_what, fragments) => {
    for (const f of fragments) expect(out).not.toContain(f);
  });

  it('keeps skills, degrees, roles and dates readable', () => {
    for (const kept of [
      'Golang',
      'PostgreSQL',
      'B.S. Computer Science',
      'Sep 2022 – Expected May 2026',
      'Software Engineering Intern',
      'Education',
      'Experience',
    ]) {
      expect(out).toContain(kept);
    }
  });

  it('a Chinese resume: name, phone, email, age, sex, address and schools hidden; skills kept', () => {
    const red = redactForBlindReview(zh);
    expect(red.length).toBe(zh.length);
    for (const hidden of [
      '张伟',
      '138 0013 8000',
      'zhangwei@example.cn',
      '2003年5月',
      '22岁',
      '男',
      '海淀区中关村大街27号',
      '北京大学',
      '华中科技大学',
      '南京信息工程学院',
    ]) {
      expect(red).not.toContain(hidden);
    }
    for (const kept of [
      '毕业于',
      '计算机科学与技术',
      '本科',
      '2022年9月 - 2026年6月',
      'Go语言',
      '分布式系统',
      '教育背景',
    ]) {
      expect(red).toContain(kept);
    }
  });

  it('a heading line that is not a name stays, and an empty text stays empty', () => {
    expect(redactForBlindReview('Curriculum Vitae\nSkills: Go')).toBe('Curriculum Vitae\nSkills: Go');
    expect(redactForBlindReview('')).toBe('');
  });

  it('date ranges are not phone numbers', () => {
    const text = 'Peking University 2022.09-2026.06\nIntern 2025.06 - 2025.09';
    expect(redactForBlindReview(text)).toContain('2022.09-2026.06');
    expect(redactForBlindReview(text)).toContain('2025.06 - 2025.09');
  });
});
