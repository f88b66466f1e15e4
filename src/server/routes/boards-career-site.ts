import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { FieldError, Question } from '../../contracts/boards.js';
import { email } from '../../contracts/common.js';
import { requestSignInLink } from '../../core/accounts/request-sign-in-link.js';
import { LINK_MINUTES } from '../../core/accounts/send-sign-in-link.js';
import { questionsFor } from '../../core/boards/boards.rules.js';
import { collectsSelfIdentification } from '../../core/compliance/compliance.rules.js';
import { type BoardRow, boardQueries, type LivePost } from '../../db/boards/boards.queries.js';
import { boardAndPost } from '../../db/boards/boards.repository.js';
import { complianceQueries } from '../../db/compliance/compliance.queries.js';
import { type NamedApplication, receiveApplication } from '../boards/intake.js';
import { escapeHtml as e, postingHtml, postUrl } from '../boards/postings.js';
import { readBody } from '../boards/request-body.js';
import type { App, AppContext } from '../context.js';
import { page } from '../html.js';
import { formTypes } from '../http-guards.js';
import { perAddress } from '../rate-limits.js';
import { screeningNoticeSection, selfIdentificationSection } from './compliance.present.js';

const employmentLabel: Record<string, string> = {
  full_time: 'Full-time',
  internship: 'Internship',
  contract: 'Contract',
};
const schemaEmployment: Record<string, string> = {
  full_time: 'FULL_TIME',
  internship: 'INTERN',
  contract: 'CONTRACTOR',
};

/** schema.org JobPosting, so search engines list the job. */
function jobPostingLd(board: BoardRow, post: LivePost, url: string) {
  const band = post.compensation_band;
  const data = {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: post.title,
    description: postingHtml(post),
    identifier: { '@type': 'PropertyValue', name: board.org_name, value: String(post.job_public_id) },
    datePosted: post.first_published_at.toISOString().slice(0, 10),
    employmentType: schemaEmployment[post.employment_type] ?? 'OTHER',
    hiringOrganization: { '@type': 'Organization', name: board.org_name },
    jobLocation: post.locations.map((l) => ({
      '@type': 'Place',
      address: { '@type': 'PostalAddress', addressLocality: l },
    })),
    directApply: true,
    url,
    ...(band
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: band.currency,
            value: {
              '@type': 'QuantitativeValue',
              minValue: band.baseMinCents / 100,
              maxValue: band.baseMaxCents / 100,
              unitText: 'YEAR',
            },
          },
        }
      : {}),
  };
  // `<` is escaped so the JSON can never close the script element.
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}

function field(
  q: Question,
  f: Question['fields'][number],
  values: Record<string, unknown>,
  errors: FieldError[],
) {
  const id = `f-${f.name}`;
  const error = errors.find((x) => x.field === f.name || x.field === `${f.name}_content`);
  const describedBy = error ? ` aria-invalid="true" aria-describedby="${id}-error"` : '';
  const required = q.required && q.fields.length === 1 ? ' required' : '';
  const value = typeof values[f.name] === 'string' ? e(values[f.name] as string) : '';
  const label =
    q.fields.length > 1
      ? `${e(q.label)} ${f.type === 'input_file' ? '(file)' : '(or paste as text)'}`
      : e(q.label);
  const hint =
    q.description && f.type === 'input_file' ? ` <span class="hint">${e(q.description)}</span>` : '';
  const errorText = error ? `<span id="${id}-error" class="hint error-text">${e(error.message)}</span>` : '';
  const requiredMark = q.required ? ' <span aria-hidden="true">*</span>' : '';
  switch (f.type) {
    case 'input_file':
      return `<label for="${id}">${label}${requiredMark}${hint}</label><input id="${id}" type="file" name="${f.name}" accept=".pdf,.docx,.txt"${describedBy}>${errorText}`;
    case 'textarea':
      return `<label for="${id}">${label}</label><textarea id="${id}" name="${f.name}" rows="6"${describedBy}>${value}</textarea>${errorText}`;
    case 'multi_value_single_select':
      return (
        `<label for="${id}">${label}${requiredMark}</label><select id="${id}" name="${f.name}"${required}${describedBy}><option value=""></option>` +
        (f.values ?? [])
          .map(
            (v) =>
              `<option value="${v.value}"${String(values[f.name]) === String(v.value) ? ' selected' : ''}>${e(v.label)}</option>`,
          )
          .join('') +
        `</select>${errorText}`
      );
    default: {
      const type = f.name === 'email' ? 'email' : f.name === 'phone' ? 'tel' : 'text';
      const autocomplete =
        { first_name: 'given-name', last_name: 'family-name', email: 'email', phone: 'tel' }[f.name] ?? 'off';
      return `<label for="${id}">${label}${requiredMark}</label><input id="${id}" type="${type}" name="${f.name}" value="${value}" autocomplete="${autocomplete}"${required}${describedBy}>${errorText}`;
    }
  }
}

function applicationForm(
  board: BoardRow,
  post: LivePost,
  values: Record<string, unknown>,
  errors: FieldError[],
  collect: boolean,
) {
  const summary = errors.length
    ? `<div class="errors" role="alert" tabindex="-1" id="errors"><h2>Please fix ${errors.length === 1 ? 'this' : 'these'}</h2><ul>${errors
        .map((x) => `<li><a href="#f-${e(x.field.replace(/_content$/, ''))}">${e(x.message)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const fields = questionsFor(post.posting)
    .flatMap((q) => q.fields.map((f) => field(q, f, values, errors)))
    .join('');
  const consent =
    board.gdpr_retention_days !== null
      ? `<label><input type="checkbox" name="data_compliance[gdpr_processing_consent_given]" value="true" required> ${e(board.org_name)} may process my data to consider me for this role and keep it for ${board.gdpr_retention_days} days.</label>`
      : '';
  const selfId = collect ? selfIdentificationSection(e, values) : '';
  // Optional and unticked: consent to future jobs is asked, never presumed.
  const futureJobs = `<label><input type="checkbox" name="data_compliance[gdpr_retention_consent_given]" value="true"> Keep my application and consider me for future jobs at ${e(board.org_name)}.</label>`;
  return (
    `<form method="post" action="/careers/${e(board.token)}/jobs/${post.post_id}/apply" enctype="multipart/form-data" aria-labelledby="apply-title">` +
    `<h2 id="apply-title">Apply</h2>${summary}${fields}${screeningNoticeSection(e, values)}${selfId}${consent}${futureJobs}` +
    // Humans never see or fill this field; form-filling bots do.
    `<div class="hp" aria-hidden="true"><label for="f-website">Website</label><input id="f-website" type="text" name="website" tabindex="-1" autocomplete="off"></div>` +
    `<input type="hidden" name="submission_id" value="${e(typeof values.submission_id === 'string' ? values.submission_id : randomUUID())}">` +
    `<button type="submit">Submit application</button></form>`
  );
}

/**
 * The open applications that hold the candidate at the limit, and the way to withdraw one. The
 * visitor is not signed in, so nothing is withdrawn here: the button emails the address typed a
 * sign-in link to the candidate portal, where each application has its Withdraw action.
 */
function openApplications(board: BoardRow, post: LivePost, open: NamedApplication[], address: string) {
  const items = open
    .map(
      (a) =>
        `<li><strong>${e(a.jobTitle)}</strong>, ${e(a.teamName)}: ${e(a.statusInWords)}, applied ${e(a.appliedOn)}</li>`,
    )
    .join('');
  return (
    `<section class="notice" aria-labelledby="open-title"><h2 id="open-title">Your open applications</h2><ul>${items}</ul>` +
    '<p>To apply for this job, first withdraw one of these in your candidate portal. We can email you a link to sign in to it.</p>' +
    `<form method="post" action="/careers/${e(board.token)}/portal-link" enctype="multipart/form-data">` +
    `<input type="hidden" name="email" value="${e(address)}"><input type="hidden" name="post" value="${post.post_id}">` +
    `<button type="submit">Email me a sign-in link</button></form></section>`
  );
}

const portalLinkParts = z.object({ email, post: z.coerce.number().int().min(1).optional() });

/** The same answer whether or not the address is a candidate's, so it tells no more than the refusal did. */
const linkSent = (reply: FastifyReply, board: BoardRow, postId: number | undefined) =>
  page(
    reply,
    200,
    'Check your email',
    `<h1>Check your email</h1><p role="status">If this address has applications with ${e(board.org_name)}, we have emailed it a link to your candidate portal. The link works once, for ${LINK_MINUTES} minutes. In the portal, withdraw the application you no longer want, then come back to apply.</p>` +
      (postId
        ? `<p><a href="/careers/${e(board.token)}/jobs/${postId}">Back to the job</a></p>`
        : `<p><a href="/careers/${e(board.token)}">See all jobs</a></p>`),
    '',
    false,
  );

/** A portal link not sent: a bad address (422) or too many requests from this address (429). */
function notSent(reply: FastifyReply, status: 422 | 429, why: string, retryAfterSeconds?: unknown) {
  if (typeof retryAfterSeconds === 'number') reply.header('retry-after', String(retryAfterSeconds));
  return page(reply, status, 'Not sent', `<h1>Not sent</h1><p>${e(why)}</p>`);
}

const thanks = (reply: FastifyReply, board: BoardRow, post: LivePost) =>
  page(
    reply,
    200,
    'Application received',
    `<h1>Thank you for applying</h1><p role="status">We received your application for <strong>${e(post.title)}</strong>. We have emailed you a link to follow it; you will hear from us at least once a week while it is open.</p><p><a href="/careers/${e(board.token)}">See other jobs</a></p>`,
  );

/** The organisation's own career site: fast server-rendered pages for each board and job, with the application form. */
export function careerSiteRoutes(app: App, ctx: AppContext) {
  const boards = boardQueries(ctx.db);
  const hide = { hide: true };
  const params = z.object({ token: z.string().min(1).max(63) });
  const jobParams = params.extend({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
  const missing = (reply: FastifyReply) =>
    page(
      reply,
      404,
      'Not found',
      '<h1>Not found</h1><p>This job is no longer open, or the link is wrong.</p>',
    );

  const compliance = complianceQueries(ctx.db);
  const jobPage = async (
    reply: FastifyReply,
    status: number,
    board: BoardRow,
    post: LivePost,
    values: Record<string, unknown>,
    errors: FieldError[],
    open: NamedApplication[] = [],
  ) => {
    const url = postUrl(ctx.config.PUBLIC_URL, board.token, post.post_id);
    const address = typeof values.email === 'string' ? values.email : '';
    const held = open.length > 0 ? openApplications(board, post, open, address) : '';
    const collect = collectsSelfIdentification(
      post.office_ids,
      await compliance.allowingOffices(board.org_id),
    );
    return page(
      reply,
      status,
      `${post.title} — ${board.org_name}`,
      `<p><a href="/careers/${e(board.token)}">← All jobs at ${e(board.org_name)}</a></p>` +
        `<h1>${e(post.title)}</h1><p class="meta">${e(post.team_name)} · ${e(post.locations.join('; '))} · ${e(employmentLabel[post.employment_type] ?? post.employment_type)} · ${e(post.level)}</p>` +
        `${held}<article>${postingHtml(post)}</article>${applicationForm(board, post, values, errors, collect)}`,
      `${jobPostingLd(board, post, url)}<link rel="canonical" href="${e(url)}">`,
    );
  };

  app.get('/careers/:token', { schema: { ...hide, params } }, async (request, reply) => {
    const board = await boards.board(request.params.token);
    if (!board) return missing(reply);
    const posts = await boards.posts(board.id);
    const byTeam = new Map<string, LivePost[]>();
    for (const p of posts) byTeam.set(p.team_name, [...(byTeam.get(p.team_name) ?? []), p]);
    const sections = [...byTeam.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([team, list]) =>
          `<section aria-labelledby="t-${e(team)}"><h2 id="t-${e(team)}">${e(team)}</h2>${list
            .map(
              (p) =>
                `<div class="job"><a href="/careers/${e(board.token)}/jobs/${p.post_id}">${e(p.title)}</a><div class="meta">${e(p.locations.join('; '))}</div></div>`,
            )
            .join('')}</section>`,
      )
      .join('');
    return page(
      reply,
      200,
      `${board.name} — ${board.org_name}`,
      `<h1>${e(board.name)}</h1>${board.intro ? `<p>${e(board.intro)}</p>` : ''}<p class="meta">${posts.length} open ${posts.length === 1 ? 'job' : 'jobs'}</p>${sections || '<p>No open jobs right now.</p>'}`,
    );
  });

  app.get('/careers/:token/jobs/:id', { schema: { ...hide, params: jobParams } }, async (request, reply) => {
    const board = await boards.board(request.params.token);
    const post = board && (await boards.post(board.id, request.params.id));
    if (!board || !post) return missing(reply);
    return jobPage(reply, 200, board, post, {}, []);
  });

  const perIp = app.rateLimit({
    max: ctx.config.SUBMISSIONS_PER_MINUTE_PER_IP,
    timeWindow: 60_000,
    keyGenerator: perAddress('career-site-submissions'),
  });
  app.post(
    '/careers/:token/jobs/:id/apply',
    { preValidation: perIp, schema: { ...hide, params: jobParams, consumes: formTypes } },
    async (request, reply) => {
      const { board, post } = (await boardAndPost(ctx.db, request.params.token, request.params.id)) ?? {};
      if (!board || !post) return missing(reply);
      const { fields, files, tooLarge } = await readBody(request);
      if (typeof fields.website === 'string' && fields.website !== '') {
        request.log.info({ boardId: board.id }, 'honeypot filled: submission dropped');
        return thanks(reply, board, post);
      }
      if (tooLarge)
        return jobPage(reply, 422, board, post, fields, [
          { field: tooLarge, message: 'The file is larger than 10 MB.' },
        ]);
      const outcome = await receiveApplication(ctx, board, post, {
        fields,
        files,
        idempotencyKey: typeof fields.submission_id === 'string' ? fields.submission_id : undefined,
        source: `careers:${board.token}`,
      });
      if (!outcome.ok)
        return jobPage(reply, outcome.status, board, post, fields, outcome.errors, outcome.open);
      return thanks(reply, board, post);
    },
  );

  // Throttled like every request for a sign-in link: per address, and per recipient an hour.
  app.post(
    '/careers/:token/portal-link',
    { schema: { ...hide, params, consumes: formTypes } },
    async (request, reply) => {
      const board = await boards.board(request.params.token);
      if (!board) return missing(reply);
      const parts = portalLinkParts.safeParse((await readBody(request)).fields);
      if (!parts.success) return notSent(reply, 422, 'The email address is missing or not valid.');
      const asked = await requestSignInLink(ctx.deps, {
        org: board.org_slug,
        email: parts.data.email,
        publicUrl: ctx.config.PUBLIC_URL,
        address: request.ip,
        limits: {
          requestsPerMinutePerAddress: ctx.config.SIGN_IN_LINK_REQUESTS_PER_MINUTE_PER_IP,
          emailsPerHourPerRecipient: ctx.config.SIGN_IN_EMAILS_PER_HOUR_PER_RECIPIENT,
        },
      });
      if (!asked.ok) return notSent(reply, 429, asked.error.message, asked.error.details?.retryAfterSeconds);
      return linkSent(reply, board, parts.data.post);
    },
  );
}
