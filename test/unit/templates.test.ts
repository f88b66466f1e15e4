import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates, parseTemplate, TemplateError } from '../../src/server/templates.js';

describe('process templates', () => {
  it('R-ROUND-5: every shipped template loads and the spec names all of them', () => {
    const templates = loadTemplates();
    expect([...templates.keys()].sort()).toEqual([
      'backend-internship',
      'data-scientist',
      'operations',
      'product-manager',
      'product-marketing-manager',
      'software-engineer-mid',
      'software-engineer-new-grad',
      'software-engineer-senior',
    ]);
    for (const t of templates.values()) {
      expect(t.rounds[0]?.step, t.key).toBe('resume_screen');
      expect(t.rounds.at(-1)?.step, t.key).toBe('hr_interview');
      // A committee reviews the loop without the candidate: it is not an interview.
      const interviews = t.rounds.filter(
        (r) => (r.step === 'technical_screen' || r.step === 'interview_rounds') && !r.committee,
      );
      // Technical screens and virtual rounds run 45–60 minutes in the spec.
      for (const r of interviews) expect(r.durationMinutes, `${t.key}/${r.key}`).toBeGreaterThanOrEqual(45);
      for (const r of interviews) expect(r.durationMinutes, `${t.key}/${r.key}`).toBeLessThanOrEqual(60);
    }
    expect(templates.get('backend-internship')?.employmentType).toBe('internship');
    const senior = templates.get('software-engineer-senior')!;
    expect(senior.rounds.filter((r) => r.step === 'interview_rounds').length).toBeGreaterThanOrEqual(3);
    expect(senior.rounds.some((r) => r.roundType === 'system_design')).toBe(true);
    // R-ROUND-4: the senior loop ends with a committee, so its votes (and an extra round when it
    // cannot agree) are part of the demo.
    expect(senior.rounds.find((r) => r.committee)).toMatchObject({ key: 'committee', format: 'async' });
  });

  it('R-ROUND-5: a broken template is refused naming the file, the path inside it and the reason', () => {
    const good = JSON.parse(
      fs.readFileSync(path.join('templates/processes/software-engineer-mid.json'), 'utf8'),
    );
    const wrongType = structuredClone(good);
    wrongType.rounds[2].durationMinutes = 'sixty';
    expect(() => parseTemplate('bad.json', JSON.stringify(wrongType))).toThrow(
      /bad\.json: at rounds\.2\.durationMinutes: .*number/,
    );
    const backwards = { ...good, rounds: [good.rounds[1], { ...good.rounds[0], durationMinutes: 0 }] };
    expect(() => parseTemplate('order.json', JSON.stringify(backwards))).toThrow(
      /order\.json: at rounds\.1\.step: step "resume_screen" cannot come after "recruiter_screen"/,
    );
    expect(() => parseTemplate('syntax.json', '{ nope')).toThrow(TemplateError);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'templates-'));
    fs.writeFileSync(
      path.join(dir, 'a.json'),
      JSON.stringify({ ...good, rounds: [...good.rounds, good.rounds[0]] }),
    );
    expect(() => loadTemplates(dir)).toThrow(/a\.json: at rounds\.\d+\.key: duplicate round key "resume"/);
  });
});
