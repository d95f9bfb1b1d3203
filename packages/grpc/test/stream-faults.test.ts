import type { JsonRpcMessage } from '@mcpx/core';
import { constants, createServer, type Http2Server, type ServerHttp2Stream } from 'node:http2';
import { afterEach, describe, expect, it } from 'vitest';
import { GrpcTransport } from '../src/index.js';

/** A bare HTTP/2 server (no gRPC library) that does `answer` with every call's stream: faults a gRPC server would not make on purpose. */
async function http2Server(answer: (stream: ServerHttp2Stream) => void): Promise<{ target: string; server: Http2Server }> {
  const server = createServer();
  server.on('stream', (stream) => {
    stream.on('error', () => undefined);
    stream.resume();
    stream.on('end', () => answer(stream));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { target: `grpc://127.0.0.1:${port}`, server };
}

const opened: { transport: GrpcTransport; server: Http2Server }[] = [];
afterEach(async () => {
  for (const { transport, server } of opened.splice(0)) {
    await transport.close();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function listToolsFrom(answer: (stream: ServerHttp2Stream) => void): Promise<unknown> {
  const { target, server } = await http2Server(answer);
  const transport = new GrpcTransport(target);
  opened.push({ transport, server });
  const messages: JsonRpcMessage[] = [];
  transport.onmessage = (message) => messages.push(message);
  await transport.start();
  const error = await transport.send({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }).catch((e: unknown) => e);
  expect(messages).toEqual([]);
  return error;
}

describe('stream faults over the gRPC binding', () => {
  it('fails a call whose stream the server resets with a retryable TransportError, not as the server answer', async () => {
    const error = await listToolsFrom((stream) => stream.close(constants.NGHTTP2_INTERNAL_ERROR));
    expect(error).toMatchObject({ name: 'TransportError', isRetryable: true, message: expect.stringContaining('RST_STREAM') });
  });

  it('fails a response that is not the rpc message with an InvalidResponseError', async () => {
    const error = await listToolsFrom((stream) => {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc' }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': '0' }));
      // One gRPC frame: uncompressed, 2 bytes, a length-delimited field 1 whose length is cut off.
      stream.end(Buffer.from([0, 0, 0, 0, 2, 0x0a, 0xff]));
    });
    expect(error).toMatchObject({
      name: 'InvalidResponseError',
      message: expect.stringContaining('is not a model_context_protocol.ListToolsResponse message'),
    });
  });

  it('fails a call refused over a quota with a retryable TransportError that does not speak of message sizes', async () => {
    const error = await listToolsFrom((stream) =>
      stream.respond(
        { ':status': 200, 'content-type': 'application/grpc', 'grpc-status': '8', 'grpc-message': 'quota exceeded' },
        { endStream: true },
      ),
    );
    expect(error).toMatchObject({ name: 'TransportError', isRetryable: true, message: expect.stringContaining('quota exceeded') });
    expect((error as Error).message).not.toContain('maxReceiveMessageBytes');
  });
});
