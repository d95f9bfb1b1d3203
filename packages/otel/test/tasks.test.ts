import { McpClient, type OutgoingRequest } from '@mcpx/core';
import { StdioTransport } from '@mcpx/stdio';
import { everythingCommand } from '@mcpx/test-utils';
import { SpanStatusCode } from '@opentelemetry/api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { otelMiddleware } from '../src/index.js';
import { registerTelemetry, type Telemetry } from './telemetry.js';

/** server-everything's tool that runs only as a 2025-11-25 task, about four seconds long. */
const RESEARCH = 'simulate-research-query';

let telemetry: Telemetry;
let client: McpClient;

beforeAll(async () => {
  telemetry = registerTelemetry();
  client = new McpClient({ server: 'everything', middleware: [otelMiddleware()] });
  await client.connect(new StdioTransport({ ...everythingCommand('stdio'), stderr: 'ignore' }));
});

afterAll(async () => {
  await client.close();
  await telemetry.shutdown();
});

beforeEach(() => telemetry.reset());

describe('the spans of a tool call that became a task on server-everything', () => {
  it('names the task on the call span, and links each request that drives it to that span', async () => {
    let taskId: string | undefined;
    await client.callTool(RESEARCH, { topic: 'tides' }, { onTask: (handle) => (taskId = handle.taskId) });
    const call = telemetry.spans().find((span) => span.name === `tools/call ${RESEARCH}`);
    expect(call?.attributes).toMatchObject({ 'mcpx.task.id': taskId, 'mcpx.task.status': 'working' });
    // tasks/result always fetches the outcome; tasks/get polls come as the server's pushed states leave them needed.
    const driving = telemetry.spans().filter((span) => span.name.startsWith('tasks/'));
    expect(driving.map((span) => span.name)).toContain('tasks/result');
    for (const span of driving) {
      expect(span.attributes['mcpx.task.id']).toBe(taskId);
      expect(span.links.map((link) => link.context.spanId)).toEqual([call?.spanContext().spanId]);
    }
    // A poll still in flight when the result came is cancelled, and ends as an error with no status to name.
    const answered = driving.filter((span) => span.name === 'tasks/get' && span.status.code !== SpanStatusCode.ERROR);
    for (const poll of answered) expect(poll.attributes['mcpx.task.status']).toMatch(/^\w+$/);
  });

  it('keeps task ids out of the duration metric', async () => {
    await client.callTool(RESEARCH, { topic: 'reefs' });
    const points = await telemetry.points('mcp.client.operation.duration');
    expect(points.length).toBeGreaterThan(0);
    for (const point of points) expect(point.attributes).not.toHaveProperty('mcpx.task.id');
  });
});

describe('a 2026-07-28 task result', () => {
  it('is recognised by its resultType, and the tasks/get that polls it links to the call', async () => {
    const middleware = otelMiddleware();
    const call: OutgoingRequest = { method: 'tools/call', params: { name: 'slow' }, options: {}, headers: undefined, server: 'modern' };
    await middleware(call, () => Promise.resolve({ resultType: 'task', taskId: 'task-7', status: 'working' }));
    const poll: OutgoingRequest = { ...call, method: 'tasks/get', params: { taskId: 'task-7' } };
    await middleware(poll, () => Promise.resolve({ resultType: 'task', taskId: 'task-7', status: 'working' }));
    await middleware(poll, () => Promise.resolve({ resultType: 'complete', taskId: 'task-7', status: 'completed' }));
    const created = telemetry.spans().find((span) => span.name === 'tools/call slow');
    const polls = telemetry.spans().filter((span) => span.name === 'tasks/get');
    expect(created?.attributes).toMatchObject({ 'mcpx.task.id': 'task-7', 'mcpx.task.status': 'working' });
    expect(polls.map((span) => span.attributes['mcpx.task.status'])).toEqual(['working', 'completed']);
    // Each poll links to the call, never to the poll before it.
    for (const poll of polls) expect(poll.links.map((link) => link.context.spanId)).toEqual([created?.spanContext().spanId]);
  });

  it('links a poll to the call of its own server when two servers use the same task id', async () => {
    const middleware = otelMiddleware();
    const request = (server: string, method: string, params: Record<string, unknown>): OutgoingRequest => ({
      method,
      params,
      options: {},
      headers: undefined,
      server,
    });
    for (const server of ['a', 'b'])
      await middleware(request(server, 'tools/call', { name: `slow-${server}` }), () =>
        Promise.resolve({ resultType: 'task', taskId: '1', status: 'working' }),
      );
    await middleware(request('a', 'tasks/get', { taskId: '1' }), () => Promise.resolve({ taskId: '1', status: 'working' }));
    const callA = telemetry.spans().find((span) => span.name === 'tools/call slow-a');
    const poll = telemetry.spans().find((span) => span.name === 'tasks/get');
    expect(poll?.links.map((link) => link.context.spanId)).toEqual([callA?.spanContext().spanId]);
  });
});
