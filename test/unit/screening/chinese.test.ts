import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { criteriaFromPosting, tierOf } from '../../../src/core/screening/index.js';
import { demoJobs } from '../../../src/db/seed-demo-data.js';
import { resumeReaders } from '../../../src/server/boards/resume-readers.js';
import { annotate, one, quoted, withIds } from './helpers.js';

// October 2025: the season recruits for Summer 2026, graduation December 2026 or later.
const asOf = '2025-10-01T00:00:00Z';
const criteria = withIds(criteriaFromPosting(demoJobs(new Date(asOf))[0]!));
const typeOf = (id: string) => criteria.find((c) => c.id === id)!.check.type;

async function verdictsOf(resume: string) {
  const verdicts = await annotate(resume, criteria, 'backend', asOf);
  return {
    of: (type: string) => verdicts.find((v) => typeOf(v.criterionId) === type)!,
    tier: tierOf(criteria, verdicts),
  };
}

const zh = `张伟
教育背景
清华大学 计算机科学与技术 本科在读 2023年9月 - 2027年6月
预计2027年6月毕业
实习经历
字节跳动 后端开发实习生 2025.06-2025.09
使用 Go语言 和 MySQL 开发分布式存储服务，熟悉 k8s。
可实习时间：2026年6月至9月
技能：Python、SQL；不熟悉 Azure`;

describe('a Chinese resume', () => {
  it('is read for every must-have of the backend internship, with Chinese passages quoted', async () => {
    const { of, tier } = await verdictsOf(zh);
    expect(of('enrolled').verdict).toBe('found');
    expect(quoted(of('enrolled'))).toEqual(['清华大学 计算机科学与技术 本科在读 2023年9月 - 2027年6月']);
    expect(of('degree').verdict).toBe('found');
    expect(of('degree').reason).toContain('计算机');
    expect(of('graduation_after').verdict).toBe('found');
    expect(quoted(of('graduation_after'))).toEqual(['预计2027年6月毕业']);
    expect(of('weeks_available').verdict).toBe('found');
    expect(quoted(of('weeks_available'))).toEqual(['可实习时间：2026年6月至9月']);
    expect(of('skills').verdict).toBe('found');
    expect(quoted(of('skills'))[0]).toBe('使用 Go语言 和 MySQL 开发分布式存储服务，熟悉 k8s。');
    expect(['strong', 'possible']).toContain(tier);
  });

  it('分布式 is distributed systems, and 不熟悉 denies a skill', async () => {
    const dist = await one('负责分布式调度系统的设计。', { type: 'skills', anyOf: ['distributed systems'] });
    expect(dist.verdict).toBe('found');
    expect(quoted(dist)).toEqual(['负责分布式调度系统的设计。']);
    const azure = await one('技能：Python；不熟悉 Azure', { type: 'skills', anyOf: ['Azure'] });
    expect(azure.verdict).toBe('missing');
  });

  it('Chinese years of experience and weeks', async () => {
    const years = await one('5年以上后端开发经验', { type: 'years_experience', minimum: 3 });
    expect(years.verdict).toBe('found');
    const weeks = await one('实习时间：可实习2个月', { type: 'weeks_available', minimum: 12 });
    expect(weeks.verdict).toBe('missing');
  });

  it('text criteria are segmented with jieba: 推荐系统 in a sentence without spaces', async () => {
    const v = await one(
      '负责抖音推荐系统召回模块的开发与优化',
      { type: 'text' },
      'backend',
      asOf,
      '熟悉推荐系统或搜索系统',
    );
    expect(v.verdict).toBe('found');
    expect(quoted(v)).toEqual(['负责抖音推荐系统召回模块的开发与优化']);
  });
});

describe('a mixed Chinese and English resume', () => {
  const mixed = `Li Na 李娜
Education
上海交通大学 Shanghai Jiao Tong University
M.S. Computer Science 硕士, 2024.09 - 2026.12 (expected)
Experience
Backend intern @ Meituan, 2025.06 - 2025.08: 用 Java 和 Kafka 构建订单流水线
Availability: 12 weeks from June 2026
Skills: Java, Kafka, 推荐系统`;
  it('finds degree, enrolment, graduation, weeks and skills across both languages', async () => {
    const { of } = await verdictsOf(mixed);
    expect(of('degree').verdict).toBe('found');
    expect(of('enrolled').verdict).toBe('found');
    expect(of('graduation_after').verdict).toBe('found');
    expect(quoted(of('graduation_after'))).toEqual([
      'M.S. Computer Science 硕士, 2024.09 - 2026.12 (expected)',
    ]);
    expect(of('weeks_available').verdict).toBe('found');
    expect(of('skills').verdict).toBe('found');
    expect(quoted(of('skills'))[0]).toBe(
      'Backend intern @ Meituan, 2025.06 - 2025.08: 用 Java 和 Kafka 构建订单流水线',
    );
  });
});

describe('the Chinese PDF and DOCX fixtures, read by the resume reader', () => {
  const readers = resumeReaders();
  afterAll(() => readers.close());
  const dir = path.join(import.meta.dirname, '../../fixtures/resumes');

  it.each(['zh-resume.pdf', 'zh-resume.docx'])(
    '%s: extracted text gives the expected verdicts',
    async (file) => {
      const result = await readers.read(
        file.endsWith('.pdf') ? 'pdf' : 'docx',
        fs.readFileSync(path.join(dir, file)),
      );
      expect('text' in result).toBe(true);
      const text = (result as { text: string }).text;
      expect(text).toContain('浙江大学 计算机科学与技术 硕士在读');
      const { of, tier } = await verdictsOf(text);
      expect(of('enrolled').verdict).toBe('found');
      expect(of('degree').verdict).toBe('found');
      expect(of('graduation_after').verdict).toBe('found');
      expect(quoted(of('graduation_after'))).toEqual(['预计2027年6月毕业']);
      expect(of('weeks_available').verdict).toBe('found');
      expect(of('skills').verdict).toBe('found');
      expect(['strong', 'possible']).toContain(tier);
    },
    60_000,
  );
});
