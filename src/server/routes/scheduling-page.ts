import type { FastifyReply } from 'fastify';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { timezone as timezoneSchema } from '../../contracts/common.js';
import type { DomainError } from '../../contracts/errors.js';
import { tokenParams } from '../../contracts/scheduling.js';
import { zonePlace } from '../../core/availability/availability.rules.js';
import { bookFromLink } from '../../core/scheduling/book-from-link.js';
import { cancelFromLink } from '../../core/scheduling/cancel-from-link.js';
import { rescheduleFromLink } from '../../core/scheduling/reschedule-from-link.js';
import { type LinkView as View, viewSchedulingLink } from '../../core/scheduling/view-scheduling-link.js';
import type { Deps } from '../../core/shared/ports.js';
import { escapeHtml as e } from '../boards/postings.js';
import { readBody } from '../boards/request-body.js';
import type { App, AppContext } from '../context.js';
import { httpStatus } from '../errors.js';
import { page } from '../html.js';
import { formTypes } from '../http-guards.js';
import { perAddress } from '../rate-limits.js';

const commonZones = [
  'America/Los_Angeles',
  'America/New_York',
  'Europe/London',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'UTC',
];
const done: Record<string, string> = {
  booked: 'Your interview is booked. A calendar invitation is on its way by email.',
  moved: 'Your interview has moved. An updated calendar invitation is on its way.',
  cancelled: 'Your interview is cancelled. We have let the interviewers know.',
};

const languageName = (tag: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
const local = (iso: string) => DateTime.fromISO(iso, { setZone: true });
/** "Tue 09:00 in Singapore": an interviewer's own day and clock, named by the city of their zone. */
const theirTime = (p: { timezone: string; startsAtLocal: string }) =>
  `${local(p.startsAtLocal).toFormat('ccc HH:mm')} in ${zonePlace(p.timezone)}`;

function slotList(view: View, name: string, error: string | null) {
  if (view.slots.length === 0) {
    return '<p>No times are open in this window right now. Reply to the email you received and your recruiter will find one with you.</p>';
  }
  const byDay = new Map<string, View['slots']>();
  for (const slot of view.slots) {
    const day = local(slot.startsAtLocal).toFormat('cccc d LLLL');
    byDay.set(day, [...(byDay.get(day) ?? []), slot]);
  }
  const errorText = error ? `<p id="slot-error" class="hint error-text">${e(error)}</p>` : '';
  return (
    `<fieldset${error ? ' aria-describedby="slot-error"' : ''}><legend>Times in ${e(view.timezone)}</legend>${errorText}` +
    [...byDay]
      .map(
        ([day, slots]) =>
          `<h3 class="day">${e(day)}</h3>` +
          slots
            .map((s) => {
              const id = `${name}-${s.startsAt}`;
              const people = s.interviewers.map((p) => `${e(p.name)}: ${e(theirTime(p))}`).join(', ');
              return `<label class="slot" for="${e(id)}"><input type="radio" id="${e(id)}" name="startsAt" value="${e(s.startsAt)}" required> ${local(s.startsAtLocal).toFormat('HH:mm')}–${local(s.startsAtLocal).plus({ minutes: view.durationMinutes }).toFormat('HH:mm')} <span class="hint">(${people})</span></label>`;
            })
            .join(''),
      )
      .join('') +
    '</fieldset>'
  );
}

/** Which form an error belongs to, and the message to show beside the field it concerns. */
interface Problem {
  form: 'book' | 'reschedule' | 'cancel';
  field: 'startsAt' | 'confirmLanguage' | 'reason' | null;
  message: string;
}

function render(view: View, token: string, problem: Problem | null, notice: string | null) {
  const action = `/schedule/${e(token)}`;
  const hidden = `<input type="hidden" name="timezone" value="${e(view.timezone)}">`;
  const fieldError = (form: Problem['form'], field: Problem['field']) =>
    problem && problem.form === form && problem.field === field ? problem.message : null;
  const formError = (form: Problem['form']) =>
    problem && problem.form === form && problem.field === null
      ? `<div class="errors" role="alert"><p>${e(problem.message)}</p></div>`
      : '';
  const reason = (form: 'reschedule' | 'cancel', label: string) => {
    const error = fieldError(form, 'reason');
    return (
      `<label for="${form}-reason">${label}</label><textarea id="${form}-reason" name="reason" rows="2" required maxlength="500"${error ? ` aria-invalid="true" aria-describedby="${form}-reason-error"` : ''}></textarea>` +
      (error ? `<span id="${form}-reason-error" class="hint error-text">${e(error)}</span>` : '')
    );
  };
  const zones = [...new Set([view.timezone, ...commonZones])];
  const zonePicker =
    `<form method="get" action="${action}" aria-label="Time zone"><label for="tz">Show times in</label>` +
    `<select id="tz" name="timezone">${zones.map((z) => `<option${z === view.timezone ? ' selected' : ''}>${e(z)}</option>`).join('')}</select>` +
    '<button type="submit">Show</button></form>';
  const booked = view.booked?.status === 'scheduled' ? view.booked : null;

  let body =
    `<h1>${booked ? 'Your' : 'Pick a time for your'} ${e(view.roundName)} interview</h1>` +
    `<p class="meta">${e(view.companyName)} · ${e(view.jobTitle)} · ${view.durationMinutes} minutes by video · in ${e(languageName(view.language))}</p>` +
    (notice ? `<p class="notice" role="status">${e(notice)}</p>` : '');
  if (booked) {
    const when = local(booked.startsAtLocal);
    body +=
      `<section aria-labelledby="yours"><h2 id="yours">${e(when.toFormat("cccc d LLLL 'at' HH:mm"))} <span class="hint">(${e(view.timezone)})</span></h2>` +
      `<p><a href="${e(booked.videoUrl)}">Join by video</a> at that time. The link is also in your calendar invitation.</p></section>` +
      zonePicker +
      `<form method="post" action="${action}" enctype="multipart/form-data" aria-labelledby="move"><h2 id="move">Move it</h2>${formError('reschedule')}${hidden}` +
      `<input type="hidden" name="action" value="reschedule">${slotList(view, 'move', fieldError('reschedule', 'startsAt'))}${reason('reschedule', 'Why are you moving it?')}` +
      '<button type="submit">Move my interview</button></form>' +
      `<form method="post" action="${action}" enctype="multipart/form-data" aria-labelledby="cancel"><h2 id="cancel">Cancel it</h2>${formError('cancel')}${hidden}` +
      `<input type="hidden" name="action" value="cancel">${reason('cancel', 'Why are you cancelling?')}<button type="submit">Cancel my interview</button></form>`;
  } else if (!view.open) {
    body +=
      '<p>This link has expired. Reply to the email you received and your recruiter will send a new one.</p>';
  } else {
    const languageError = fieldError('book', 'confirmLanguage');
    body +=
      zonePicker +
      `<form method="post" action="${action}" enctype="multipart/form-data" aria-labelledby="pick"><h2 id="pick">Available times</h2>${formError('book')}${hidden}` +
      `<input type="hidden" name="action" value="book">${slotList(view, 'book', fieldError('book', 'startsAt'))}` +
      `<label><input type="checkbox" name="confirmLanguage" value="${e(view.language)}" required${languageError ? ' aria-invalid="true" aria-describedby="language-error"' : ''}> I confirm the interview will be held in ${e(languageName(view.language))}</label>` +
      (languageError ? `<span id="language-error" class="hint error-text">${e(languageError)}</span>` : '') +
      '<button type="submit">Book this time</button></form>';
  }
  // Without a zone chosen, show the page in the browser's own zone.
  const detect = (nonce: string) =>
    `<script nonce="${nonce}">(()=>{const u=new URL(location.href);if(u.searchParams.has('timezone'))return;const z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(z&&z!==${JSON.stringify(view.timezone).replaceAll('<', '\\u003c')}){u.searchParams.set('timezone',z);location.replace(u)}})()</script>`;
  return { title: `${view.roundName} interview — ${view.companyName}`, body, head: detect };
}

const zoneOf = (value: unknown) => {
  const parsed = timezoneSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};
const postFields = z.object({
  action: z.enum(['book', 'reschedule', 'cancel']),
  startsAt: z.string().max(40).optional(),
  confirmLanguage: z.string().max(40).optional(),
  reason: z.string().max(500).optional(),
});

type PostFields = z.infer<typeof postFields>;

/** The form's fields, or the problem to show beside the one that is missing. */
function readForm(
  fields: Record<string, unknown>,
): { ok: true; value: PostFields } | { ok: false; problem: Problem } {
  const parsed = postFields.safeParse(fields);
  if (!parsed.success) {
    const message = 'Something was missing from the form; please try again.';
    return { ok: false, problem: { form: 'book', field: null, message } };
  }
  const { action, startsAt, reason } = parsed.data;
  if (action !== 'cancel' && !startsAt)
    return { ok: false, problem: { form: action, field: 'startsAt', message: 'Choose one of the times.' } };
  if (action !== 'book' && !reason?.trim())
    return { ok: false, problem: { form: action, field: 'reason', message: 'Please tell us why.' } };
  return { ok: true, value: parsed.data };
}

/** A refusal shown on the form it came from, beside the field it names. */
const problemOf = (form: Problem['form'], error: DomainError): Problem => {
  const field = error.details?.field;
  return {
    form,
    field: field === 'startsAt' || field === 'confirmLanguage' ? field : null,
    message: error.message,
  };
};

/** The form's action through the same use cases as the JSON API; the fields were checked before. */
function act(deps: Deps, token: string, fields: PostFields, timezone: string | undefined) {
  const { action, startsAt, confirmLanguage, reason } = fields;
  if (action === 'cancel') return cancelFromLink(deps, { token, reason: reason!.trim() });
  const choice = { token, startsAt: new Date(startsAt!), timezone };
  return action === 'book'
    ? bookFromLink(deps, { ...choice, confirmLanguage: confirmLanguage ?? '' })
    : rescheduleFromLink(deps, { ...choice, reason: reason!.trim() });
}

/**
 * The page the emailed scheduling link opens: works without JavaScript, keyboard first, labels on
 * every control, errors beside the field they concern. It calls the same code as the JSON API.
 */
export function schedulePageRoutes(app: App, ctx: AppContext) {
  const perIp = app.rateLimit({
    max: ctx.config.SCHEDULING_REQUESTS_PER_MINUTE_PER_IP,
    timeWindow: 60_000,
    keyGenerator: perAddress('scheduling-page'),
  });
  const hide = { hide: true };
  const missing = (reply: FastifyReply) =>
    page(
      reply,
      404,
      'Link not found',
      '<h1>Link not found</h1><p>This scheduling link does not exist. Check the address in your email.</p>',
      '',
      false,
    );

  const show = async (
    reply: FastifyReply,
    token: string,
    zone: string | undefined,
    problem: Problem | null,
    notice: string | null,
    status = 200,
  ) => {
    const view = await viewSchedulingLink(ctx.deps, {
      token,
      timezone: zone,
      videoRoomBaseUrl: ctx.config.VIDEO_ROOM_BASE_URL,
    });
    if (!view.ok) return missing(reply);
    const { title, body, head } = render(view.value, token, problem, notice);
    return page(reply, status, title, body, head, false);
  };

  app.get(
    '/schedule/:token',
    {
      preValidation: perIp,
      schema: {
        ...hide,
        params: tokenParams,
        querystring: z.object({
          timezone: z.string().max(64).optional(),
          done: z.string().max(20).optional(),
        }),
      },
    },
    async (request, reply) =>
      show(
        reply,
        request.params.token,
        zoneOf(request.query.timezone),
        null,
        done[request.query.done ?? ''] ?? null,
      ),
  );

  app.post(
    '/schedule/:token',
    { preValidation: perIp, schema: { ...hide, params: tokenParams, consumes: formTypes } },
    async (request, reply) => {
      const { token } = request.params;
      const { fields } = await readBody(request);
      const zone = zoneOf(fields.timezone);
      const form = readForm(fields);
      if (!form.ok) return show(reply, token, zone, form.problem, null, 400);
      const { action } = form.value;
      const result = await act(ctx.deps, token, form.value, zone);
      if (!result.ok) {
        if (result.error.code === 'not_found') return missing(reply);
        return show(reply, token, zone, problemOf(action, result.error), null, httpStatus[result.error.code]);
      }
      const outcome = { book: 'booked', reschedule: 'moved', cancel: 'cancelled' }[action];
      const query = new URLSearchParams({ ...(zone ? { timezone: zone } : {}), done: outcome });
      return reply.redirect(`/schedule/${encodeURIComponent(token)}?${query}`, 303);
    },
  );
}
