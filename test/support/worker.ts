import { runOnce, type WorkerOptions } from '../../src/server/jobs/worker.js';
import { messageRenderer } from '../../src/server/messages.js';
import { createTransport } from '../../src/server/transport.js';
import type { World } from './world.js';

/** The real worker's pass, driven by the test's clock. */
export function testWorker(world: World, smtpUrl?: string, overrides: Partial<WorkerOptions> = {}) {
  const options: WorkerOptions = {
    db: world.db,
    deps: world.deps,
    renderer: messageRenderer,
    transport: createTransport({
      smtpUrl,
      from: 'Hireloop <no-reply@hireloop.test>',
      allowPrivateNetwork: true,
    }),
    publicUrl: 'https://hireloop.test',
    videoRoomBaseUrl: 'https://meet.hireloop.test/',
    allowPrivateNetwork: true,
    leaseMs: 60_000,
    ...overrides,
  };
  return {
    options,
    /** Passes until nothing is left to dispatch or deliver. */
    async drain(sweeps = false) {
      if (sweeps) await runOnce(options, true);
      for (let i = 0; i < 50; i++) {
        const pass = await runOnce(options, false);
        if ((pass.dispatched?.events ?? 0) === 0 && pass.delivered === 0 && pass.annotated === 0) return;
      }
      throw new Error('the worker did not settle');
    },
    close: () => options.transport.close(),
  };
}
