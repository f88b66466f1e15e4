import { describe, expect, it } from 'vitest';
import { timezone } from '../../src/contracts/common.js';
import { createJobBody, postingSchema } from '../../src/contracts/jobs.js';
import { canDecide } from '../../src/core/applications/application.rules.js';
import { smallTemplate } from '../support/world.js';

const job = {
  title: 'Backend Intern',
  teamId: '8b0f4e1e-4b8f-4a53-9d55-0a4f1f6f9e11',
  processId: '0c9a2d3b-2d6b-4b1e-8f0b-6f3c1b7d2a10',
  employmentType: 'internship',
  level: 'intern',
  headcount: 2,
  locations: ['Los Angeles'],
};
const internship = {
  term: 'Summer 2025',
  minimumWeeks: 12,
  degreeLevels: ['BS', 'MS'],
  eligibility: ['Currently enrolled'],
};

describe('organisation', () => {
  it("R-ORG-1: a job names exactly one team, and only that team's hiring manager decides for it", () => {
    expect(createJobBody.safeParse({ ...job, teamId: undefined, posting: { internship } }).success).toBe(
      false,
    );
    expect(createJobBody.safeParse({ ...job, teamId: [job.teamId], posting: { internship } }).success).toBe(
      false,
    );
    const hm = {
      kind: 'staff' as const,
      orgId: 'o',
      userId: 'u',
      roles: ['hiring_manager' as const],
      teamIds: ['team-a'],
    };
    expect(canDecide(hm, smallTemplate.rounds[1]!, 'team-a')).toBe(true);
    expect(canDecide(hm, smallTemplate.rounds[1]!, 'team-b')).toBe(false);
  });

  it('R-ORG-2: zones are IANA names such as the offices in Los Angeles, Singapore and Beijing', () => {
    for (const zone of ['America/Los_Angeles', 'Asia/Singapore', 'Asia/Shanghai', 'UTC']) {
      expect(timezone.safeParse(zone).success, zone).toBe(true);
    }
    for (const zone of ['PST-ish', 'Mars/Olympus', ''])
      expect(timezone.safeParse(zone).success, zone).toBe(false);
  });
});

describe('postings', () => {
  it('R-JOB-1: a posting holds responsibilities, minimum and preferred qualifications and FAQ entries', () => {
    const posting = postingSchema.parse({
      responsibilities: ['Build services'],
      minimumQualifications: ['Enrolled in a BS/MS programme'],
      preferredQualifications: ['SQL'],
      faq: [{ question: 'How many can I apply to?', answer: 'Two.' }],
    });
    expect(posting).toMatchObject({ summary: '', faq: [{ answer: 'Two.' }] });
    expect(postingSchema.safeParse({ faq: [{ question: 'No answer?' }] }).success).toBe(false);
    for (const employmentType of ['full_time', 'internship', 'contract']) {
      expect(createJobBody.safeParse({ ...job, employmentType, posting: { internship } }).success).toBe(true);
    }
    expect(createJobBody.safeParse({ ...job, employmentType: 'gig', posting: {} }).success).toBe(false);
  });

  it('R-JOB-2: an internship states its term, minimum weeks, degree levels and eligibility', () => {
    expect(createJobBody.safeParse({ ...job, posting: { internship } }).success).toBe(true);
    const missing = createJobBody.safeParse({ ...job, posting: {} });
    expect(missing.success || missing.error.issues[0]?.path).toEqual(['posting', 'internship']);
    expect(
      createJobBody.safeParse({ ...job, posting: { internship: { ...internship, degreeLevels: [] } } })
        .success,
    ).toBe(false);
    expect(
      createJobBody.safeParse({ ...job, posting: { internship: { ...internship, minimumWeeks: 0 } } })
        .success,
    ).toBe(false);
    expect(createJobBody.safeParse({ ...job, employmentType: 'full_time', posting: {} }).success).toBe(true);
  });
});
