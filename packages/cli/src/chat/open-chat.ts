import type { Context } from '../context.js';
import { CliError } from '../errors/cli-error.js';
import { downExitCode, explainDown } from '../fleet/down.js';
import { printable } from '../output/printable.js';
import { InteractionQueue } from '../fleet/interaction-queue.js';
import { loadFleetConfig } from '../fleet/load-fleet-config.js';
import { openFleet, type Fleet } from '../fleet/open-fleet.js';
import { samplingApproval, toolApproval, type ApprovalPlace } from './approvals.js';
import { chatSettings, type ChatSettings } from './chat-settings.js';
import { fleetTools } from './fleet-tools.js';
import type { ChatSession } from './provider.js';
import type { TurnKeys } from './turn-keys.js';

/** A chat ready for questions: the model, the fleet and a conversation over its tools. */
export interface OpenChat {
  readonly settings: ChatSettings;
  readonly fleet: Fleet;
  readonly session: ChatSession;
}

/**
 * Chooses the provider and model, opens the fleet with the model answering servers' sampling, and
 * starts a conversation over the tools of the servers that came up. Throws when none did (exit 4,
 * or 5 when each needs a login); the others that did not are noted on stderr. `keys`, when given,
 * lets go of the terminal while a question is asked.
 */
export async function openChat(context: Context, keys?: TurnKeys): Promise<OpenChat> {
  const loaded = await loadFleetConfig(context);
  const settings = chatSettings(context, loaded.config.chat);
  const queue = new InteractionQueue(keys === undefined ? undefined : (work) => keys.aside(work));
  // Approvals clear the fleet's status line, which exists once the fleet does.
  const opened: { fleet?: Fleet } = {};
  const place: ApprovalPlace = { context, queue, status: () => opened.fleet?.status };
  const model = await settings.provider.connect(settings.model);
  const fleet = await openFleet(context, { loaded, sampling: model.samplingHandler(samplingApproval(place)), interactions: queue });
  opened.fleet = fleet;
  try {
    const down = fleet.down();
    const expected = fleet.servers.filter((server) => server.enabled).length;
    if (down.length > 0 && down.length >= expected) {
      throw new CliError(down.map((view) => explainDown(fleet, view)).join('\n'), downExitCode(down), {
        hint: 'mcpx chat needs a server to reach; mcpx servers shows where each stands',
      });
    }
    for (const view of down) context.note(`${context.err.yellow('mcpx:')} ${explainDown(fleet, view)}; chatting without its tools`);
    const session = await model.open(fleetTools(fleet, context), { approve: toolApproval(place) });
    for (const { tool, reason } of session.skipped)
      context.note(`${context.err.yellow('mcpx:')} ${printable(`${tool.server}/${tool.originalName} left out: ${reason}`)}`);
    return { settings, fleet, session };
  } catch (error) {
    await fleet.close();
    throw error;
  }
}
