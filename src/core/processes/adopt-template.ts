import type { TemplateFile } from '../../contracts/process-template.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** R-ROUND-5: a team takes its own copy of a shipped template, which it may then customise. */
export async function adoptTemplate(
  deps: Deps,
  input: { actor: Actor; teamId: string; template: TemplateFile },
) {
  const { actor, template } = input;
  return deps.transaction(async (store) => {
    if (!(await store.teams.exists(actor.orgId, input.teamId))) {
      return fail('team.not_found', 'No such team.', { field: 'teamId' });
    }
    const id = deps.ids.next();
    const process = await store.processes.insert({
      id,
      orgId: actor.orgId,
      teamId: input.teamId,
      lineageId: id,
      version: 1,
      templateKey: `${template.key}@${template.version}`,
      definition: {
        name: template.name,
        description: template.description,
        rounds: template.rounds,
        defaultVestingScheduleKey: template.defaultVestingScheduleKey,
      },
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'process',
      entityId: process.id,
      action: 'process.adopted',
      data: { template: process.templateKey, teamId: input.teamId },
    });
    return ok(process);
  });
}
