import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { describe, expect, it } from 'vitest';
import { RequestFieldsSchema, ResponseFieldsSchema } from '../gen/mcp_messages_pb.js';
import { contentFromProto, contentToProto } from './content.js';
import { requestFieldsFromProto, requestFieldsToProto, responseFieldsFromProto, responseFieldsToProto } from './fields.js';

/** Through the wire and back, as the two sides of a call see it. */
const wire = {
  request: (params: Record<string, unknown>) =>
    requestFieldsFromProto(fromBinary(RequestFieldsSchema, toBinary(RequestFieldsSchema, requestFieldsToProto(params)))),
  response: (result: Record<string, unknown>) =>
    responseFieldsFromProto(fromBinary(ResponseFieldsSchema, toBinary(ResponseFieldsSchema, responseFieldsToProto(result)))),
};

describe('the codec of the gRPC binding', () => {
  it.each([
    { type: 'text', text: 'hi', annotations: { audience: ['user'], priority: 0.5 } },
    { type: 'image', data: Buffer.from('png').toString('base64'), mimeType: 'image/png' },
    { type: 'audio', data: Buffer.from('wav').toString('base64'), mimeType: 'audio/wav' },
    { type: 'resource', resource: { uri: 'test://a', mimeType: 'text/plain', text: 'a' } },
    { type: 'resource', resource: { uri: 'test://b', blob: Buffer.from([1, 2]).toString('base64') } },
    { type: 'resource_link', uri: 'test://c', name: 'c', size: 12 },
  ])('carries a $type content block unchanged', (block) => {
    expect(contentFromProto(contentToProto(block) ?? {})).toEqual(block);
  });

  it('carries input requests of every kind, with the elicitation schema, and the request state', () => {
    const requestedSchema = {
      type: 'object',
      properties: {
        email: { type: 'string', title: 'Email', format: 'email', minLength: 3 },
        age: { type: 'integer', minimum: 0, maximum: 150 },
        ratio: { type: 'number', maximum: 1.5 },
        agree: { type: 'boolean', default: true },
        color: {
          type: 'string',
          oneOf: [
            { const: 'r', title: 'Red' },
            { const: 'g', title: 'Green' },
          ],
          default: 'g',
        },
        sizes: { type: 'array', items: { type: 'string', enum: ['s', 'm'] }, minItems: 1 },
      },
      required: ['email'],
    };
    const inputRequests = {
      form: { method: 'elicitation/create', params: { mode: 'form', message: 'Who?', requestedSchema } },
      llm: {
        method: 'sampling/createMessage',
        params: { messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }], maxTokens: 7, systemPrompt: 'be brief' },
      },
      dirs: { method: 'roots/list', params: {} },
    };
    expect(wire.response({ inputRequests, requestState: 'opaque-1' })).toEqual({
      resultType: 'input_required',
      inputRequests,
      requestState: JSON.stringify({ requestState: 'opaque-1' }),
    });
  });

  it('carries the answers to input requests, keyed as asked, and the state back', () => {
    const inputResponses = {
      form: { action: 'accept', content: { email: 'ada@example.com' } },
      llm: { role: 'assistant', content: { type: 'text', text: 'ok' }, model: 'm', stopReason: 'endTurn' },
      dirs: { roots: [{ uri: 'file:///tmp', name: 'tmp' }] },
    };
    const _meta = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' };
    const requestState = JSON.stringify({ requestState: 'opaque-1' });
    expect(wire.request({ _meta, inputResponses, requestState })).toEqual({ _meta, inputResponses, requestState: 'opaque-1' });
  });

  it('makes a response without dependent requests a final result, with its metadata as _meta', () => {
    expect(wire.response({ _meta: { a: 1 } })).toEqual({ _meta: { a: 1 } });
  });

  it.each([
    [
      'more than one block',
      [
        { type: 'text', text: 'a' },
        { type: 'text', text: 'b' },
      ],
      /2 content blocks/,
    ],
    ['a tool_use block', { type: 'tool_use', id: 't1', name: 'lookup', input: {} }, /"tool_use" content block has no place/],
  ])('refuses a sampling answer with %s instead of cutting it', (_what, content, message) => {
    const params = { inputResponses: { s1: { role: 'assistant', model: 'm', content } } };
    expect(() => requestFieldsToProto(params)).toThrow(message);
  });
});
