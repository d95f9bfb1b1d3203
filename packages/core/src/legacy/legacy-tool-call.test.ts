import { describe, expect, it } from 'vitest';
import { ClientEvents } from '../client/events.js';
import type { CallOptions } from '../client/options.js';
import type { Connection } from '../era/establish.js';
import { sessionParts } from '../era/session-parts.js';
import { ExtensionRegistry } from '../extensions/extension-registry.js';
import type { ServerSession } from '../session.js';
import { LegacySession } from './legacy-session.js';
import { callToolLegacy } from './legacy-tool-call.js';
import { TaskStatusWatch } from './task-status-watch.js';

const info = (capabilities: ServerSession['capabilities']): ServerSession => ({
  era: 'legacy',
  protocolVersion: '2025-11-25',
  serverInfo: { name: 'tools', version: '1.0.0' },
  capabilities,
  instructions: undefined,
  clientCapabilities: {},
});

/** A channel whose every request is answered by `answer`, recording what was sent. */
function channelAnswering(answer: Promise<Record<string, unknown>>): {
  sent: { method: string; params: Record<string, unknown> }[];
  channel: Parameters<typeof callToolLegacy>[0];
} {
  const sent: { method: string; params: Record<string, unknown> }[] = [];
  const channel = {
    server: 'tools',
    send: (method: string, params: Record<string, unknown>, _options: CallOptions) => (sent.push({ method, params }), answer),
    statuses: new TaskStatusWatch('tools'),
    report: () => undefined,
  };
  return { sent, channel };
}

const noLookup = (): Promise<undefined> => Promise.resolve(undefined);

describe('a 2025-11-25 tools/call with no task asked or offered', () => {
  it('hands back the request promise itself, adding no promise turn', () => {
    const answer = Promise.resolve({ content: [] });
    const { channel, sent } = channelAnswering(answer);
    const call = callToolLegacy(channel, info({ tools: {} }), { name: 'echo' }, {}, noLookup);
    expect(call).toBe(answer);
    expect(sent).toEqual([{ method: 'tools/call', params: { name: 'echo' } }]);
  });

  it('sends a plain call when the server offers tasks but the tool does not take them', async () => {
    const { channel, sent } = channelAnswering(Promise.resolve({ content: [] }));
    const offering = info({ tools: {}, tasks: { requests: { tools: { call: {} } } } });
    await expect(callToolLegacy(channel, offering, { name: 'echo' }, {}, noLookup)).resolves.toEqual({ content: [] });
    expect(sent).toEqual([{ method: 'tools/call', params: { name: 'echo' } }]);
  });
});

describe('a legacy session without a URL elicitation handler', () => {
  it('hands back the request promise itself, with no retry wrapper', () => {
    const answer = Promise.resolve({});
    const parts = sessionParts({
      channel: { request: () => answer },
      options: { server: 'tools' },
      clientInfo: { name: 'mcpx', version: '1.0.0' },
      emitter: new ClientEvents(),
      extensions: new ExtensionRegistry([], () => ({}) as never, 'tools'),
    });
    const connection = { engine: undefined, transport: {} } as unknown as Connection;
    const session = new LegacySession(info({}), connection, { clientInfo: { name: 'mcpx', version: '1.0.0' }, capabilities: {} }, parts);
    expect(session.send('ping', undefined)).toBe(answer);
  });
});
