import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import { templateText } from './dispatch-events.js';
import type { MessageRenderer } from './notifications.port.js';

/** A template (saved, or the text given) rendered with sample data, as a reader would get it. */
export async function previewMessageTemplate(
  deps: Deps & { renderer: MessageRenderer },
  input: {
    orgId: string;
    key: string;
    language: string;
    subject?: string | undefined;
    body?: string | undefined;
    data: Record<string, unknown>;
  },
) {
  return deps.transaction(async (store) => {
    const saved = await templateText(deps, store, input.orgId, input.key, input.language);
    const text = { subject: input.subject ?? saved.subject, body: input.body ?? saved.body };
    try {
      return ok(deps.renderer.render(text, input.data));
    } catch (error) {
      return fail('validation.failed', (error as Error).message);
    }
  });
}
