import { ErrorCode, ProtocolError } from '@mcpx/core';
import { describe, expect, it } from 'vitest';
import { UnsupportedSchemaError } from './errors/unsupported-schema-error.js';
import { samplingFailure } from './sampling-failure.js';
import type { SamplingApproveContext } from './sampling-approval.js';

const context: SamplingApproveContext = {
  requestId: 1,
  method: 'sampling/createMessage',
  signal: new AbortController().signal,
  meta: undefined,
  server: 'files',
};

describe("what the server gets of a sampling handler's failure", () => {
  it('is the protocol error the handler meant for it, unchanged and not reported', () => {
    const declined = new ProtocolError({ code: -1, message: 'the user declined the sampling request' });
    const reported: Error[] = [];
    expect(samplingFailure(declined, context, (error) => reported.push(error), undefined)).toBe(declined);
    expect(reported).toEqual([]);
  });

  it('is -32602 naming the tool for a tool schema the model does not take', () => {
    const refused = new UnsupportedSchemaError('OpenAI', 'files', 'pick', 'its type is "array"');
    const failure = samplingFailure(refused, context, undefined, undefined);
    expect(failure).toMatchObject({ code: ErrorCode.InvalidParams });
    expect((failure as ProtocolError).rawMessage).toContain('tool "pick"');
  });

  it('is a bare -32603 for an error of its own, which only onError is told of', () => {
    const thrown = new Error('approval store at /home/me/secrets is locked');
    const reported: Error[] = [];
    const failure = samplingFailure(thrown, context, (error) => reported.push(error), undefined);
    expect(failure).toMatchObject({
      code: ErrorCode.InternalError,
      rawMessage: 'sampling/createMessage: the client could not ask its model',
    });
    expect(reported).toEqual([thrown]);
  });

  it('stays a bare -32603 when onError throws', () => {
    const failure = samplingFailure(
      new Error('org-secret'),
      context,
      () => {
        throw new Error('logger down: org-secret');
      },
      undefined,
    );
    expect(failure).toMatchObject({
      code: ErrorCode.InternalError,
      rawMessage: 'sampling/createMessage: the client could not ask its model',
    });
  });
});
