import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createJobBody } from '../../src/contracts/jobs.js';
import { issueWords, type SchemaIssue } from '../../src/server/errors.js';
import { chain, fieldLabel, label } from '../../src/web/labels.js';

/** Zod's issues as the Fastify hook hands them over (fastify-type-provider-zod's shape). */
const issuesOf = (schema: z.ZodType, value: unknown): SchemaIssue[] => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return [];
  return parsed.error.issues.map(({ code, path, message, ...params }) => ({
    keyword: code,
    instancePath: `/${path.join('/')}`,
    message,
    params,
  }));
};

const schemaPhrase = /expected|Invalid UUID|Invalid input|Too small|Too big|Required|[a-z]+_[a-z]+/;

describe('validation messages in words', () => {
  it('says what is wrong with each field of an empty or wrong job, never quoting the schema', () => {
    const empty = issuesOf(createJobBody, {}).map(issueWords);
    const wrong = issuesOf(createJobBody, {
      title: '',
      teamId: 'team-a',
      processId: 'x',
      employmentType: 'part_time',
      level: ' ',
      headcount: 0,
      locations: [],
      officeIds: ['nope'],
      posting: {},
    }).map(issueWords);
    expect(empty.length).toBeGreaterThan(3);
    expect(wrong.length).toBeGreaterThan(5);
    for (const message of [...empty, ...wrong]) expect(message).not.toMatch(schemaPhrase);
    expect(empty).toContain('is required');
    expect(wrong).toEqual(
      expect.arrayContaining([
        'must not be empty',
        'choose one from the list',
        'must be one of the choices offered',
        'must be 1 or more',
        'choose at least one',
      ]),
    );
  });

  it("keeps a schema's own message", () => {
    const [issue] = issuesOf(z.string().min(1, 'give the job a title'), '');
    expect(issueWords(issue!)).toBe('give the job a title');
  });

  it('names limits on lists and lengths', () => {
    expect(issuesOf(z.array(z.string()).max(2), ['a', 'b', 'c']).map(issueWords)).toEqual([
      'must be at most 2 choices',
    ]);
    expect(issuesOf(z.string().max(5), 'too long').map(issueWords)).toEqual(['must be at most 5 characters']);
    expect(issuesOf(z.email(), 'nope').map(issueWords)).toEqual(['must be an email address']);
    expect(issuesOf(z.object({ a: z.number() }).strict(), { a: 1, b: 2 }).map(issueWords)).toEqual([
      'has fields this form does not take (b)',
    ]);
  });
});

describe('the web app vocabulary', () => {
  it('names keys in words', () => {
    expect(label('new_grad')).toBe('New grad');
    expect(label('full_time')).toBe('Full-time');
    expect(label('hr_interview')).toBe('HR interview');
    expect(label('back-weighted-15-25-25-35')).toBe('Back-weighted 15/25/25/35, one-year cliff');
    expect(label('pending_approval')).toBe('Waiting for approval');
    expect(label('some_unknown_key')).toBe('Some unknown key');
    expect(label('L5')).toBe('L5');
    expect(label('2-1')).toBe('2-1');
    expect(label('Staff Engineer')).toBe('Staff Engineer');
    expect(label('application.stage_changed')).toBe('Application stage changed');
    expect(chain(['hiring_manager', 'admin'])).toBe('Hiring manager, then admin');
    expect(chain(['hr', 'admin'])).toBe('HR, then admin');
  });

  it('names a field the server named as a form would', () => {
    expect(fieldLabel('body.teamId')).toBe('Team');
    expect(fieldLabel('body.interviewerIds')).toBe('Interviewers');
    expect(fieldLabel('body.terms.baseSalaryCents')).toBe('Base salary');
    expect(fieldLabel('body.locations.0')).toBe('Locations (number 1)');
    expect(fieldLabel('body.title', { title: 'Job title' })).toBe('Job title');
    expect(fieldLabel('body')).toBe('This form');
  });
});
