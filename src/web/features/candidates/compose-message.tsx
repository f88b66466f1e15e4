import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import type { Profile } from '../../types';
import { browserZone, ErrorNotice, SelectField, TextField, when } from '../../ui';

const PLACEHOLDERS =
  '{{recipientName}}, {{jobTitle}}, {{currentStep}}, {{nextStep}}, {{companyName}}, {{senderName}}';

/** Writing to the candidate: start from a template, preview it filled for them, send now or later. */
export function ComposeMessage({ profile, onSent }: { profile: Profile; onSent: () => void }) {
  const templates = useApi('GET /api/writing-templates', {});
  const [applicationId, setApplicationId] = useState(profile.applications.at(-1)?.id ?? '');
  const [templateKey, setTemplateKey] = useState('');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [later, setLater] = useState('');
  const [preview, setPreview] = useState<{ subject: string; body: string }>();
  const [sent, setSent] = useState<string>();
  const action = useAction();
  const id = profile.candidate.id;
  const english = (templates.data?.items ?? []).filter((t) => t.language === 'en');

  const choose = (key: string) => {
    setTemplateKey(key);
    const t = english.find((x) => x.key === key);
    if (t) {
      setSubject(t.subject);
      setBody(t.body);
      setPreview(undefined);
    }
  };
  const showPreview = () =>
    action.run(async () =>
      setPreview(
        await send('POST /api/candidates/{id}/messages/preview', { id }, { applicationId, subject, body }),
      ),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sendAt = later ? new Date(later).toISOString() : undefined;
    void action.run(async () => {
      const written = await send(
        'POST /api/candidates/{id}/messages',
        { id },
        {
          applicationId,
          subject,
          body,
          ...(templateKey ? { templateKey } : {}),
          ...(sendAt ? { sendAt } : {}),
        },
      );
      setSent(sendAt ? `Scheduled for ${when(written.sendAt, browserZone())}.` : 'Sent; it is on its way.');
      setSubject('');
      setBody('');
      setLater('');
      setPreview(undefined);
      onSent();
    });
  };
  if (profile.applications.length === 0 || profile.candidate.erased) return null;
  return (
    <section aria-labelledby="compose-title">
      <h2 id="compose-title">Write to {profile.candidate.firstName}</h2>
      <form onSubmit={submit} aria-label="Write to the candidate">
        <SelectField
          label="About the application"
          value={applicationId}
          onChange={setApplicationId}
          options={profile.applications.map((a) => [a.id, `${a.jobTitle} (${a.teamName})`] as const)}
        />
        <SelectField
          label="Start from a template"
          value={templateKey}
          onChange={choose}
          options={[['', 'No template'] as const, ...english.map((t) => [t.key, t.subject] as const)]}
        />
        <TextField
          label="Subject"
          value={subject}
          onChange={setSubject}
          required
          error={action.error?.about('subject')}
        />
        <TextField
          label="Message"
          multiline
          rows={7}
          value={body}
          onChange={setBody}
          required
          hint={`Placeholders filled for this candidate: ${PLACEHOLDERS}`}
          error={action.error?.about('body')}
        />
        <TextField
          label={`Send later (${browserZone()})`}
          type="datetime-local"
          value={later}
          onChange={setLater}
          hint="Leave empty to send now; at most 90 days ahead."
          error={action.error?.about('sendAt')}
        />
        <ErrorNotice error={action.error} />
        <div className="actions">
          <button type="button" onClick={showPreview} disabled={action.busy || !subject || !body}>
            Preview
          </button>{' '}
          <button type="submit" disabled={action.busy || !subject || !body}>
            {later ? 'Schedule' : 'Send now'}
          </button>
        </div>
      </form>
      {sent && (
        <p className="notice" role="status">
          {sent}
        </p>
      )}
      {preview && (
        <section aria-labelledby="preview-title" className="preview">
          <h3 id="preview-title">Preview: as {profile.candidate.firstName} will read it</h3>
          <p className="message-subject">{preview.subject}</p>
          <div className="message-body">{preview.body}</div>
        </section>
      )}
    </section>
  );
}
