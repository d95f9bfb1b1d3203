import { bearerAuth, McpClient, type AuthProvider } from '@mcpx/core';
import { startDualEraGrpcServer, type DualEraGrpcServer } from '@mcpx/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GrpcTransport } from '../src/index.js';

let server: DualEraGrpcServer;
const clients: McpClient[] = [];
beforeAll(async () => {
  server = await startDualEraGrpcServer({ env: { MCPX_GRPC_TOKEN: 'secret-token' } });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await server?.close();
});

function client(): McpClient {
  const made = new McpClient({ server: 'grpc-auth', eraCache: false });
  clients.push(made);
  return made;
}

describe('the AuthProvider hook as gRPC call metadata', () => {
  it('sends the provider headers as metadata on every call', async () => {
    const made = client();
    await made.connect(new GrpcTransport(server.target, { authProvider: bearerAuth('secret-token') }));
    expect((await made.callTool('echo', { message: 'in' })).content).toEqual([{ type: 'text', text: 'Echo: in' }]);
  });

  it('turns UNAUTHENTICATED into an AuthError when no provider can fix it', async () => {
    await expect(client().connect(new GrpcTransport(server.target, { authProvider: bearerAuth('wrong') }))).rejects.toMatchObject({
      name: 'AuthError',
      status: 401,
    });
  });

  it('asks onUnauthorized and calls again with fresh headers', async () => {
    let token = 'expired';
    const attempts: number[] = [];
    const provider: AuthProvider = {
      headers: () => ({ authorization: `Bearer ${token}` }),
      onUnauthorized: (context) => {
        attempts.push(context.attempt);
        token = 'secret-token';
        return true;
      },
    };
    const made = client();
    await made.connect(new GrpcTransport(server.target, { authProvider: provider }));
    expect(attempts).toEqual([0]);
    expect((await made.callTool('echo', { message: 'refreshed' })).content).toEqual([{ type: 'text', text: 'Echo: refreshed' }]);
  });

  it('refuses provider headers gRPC cannot carry with a TransportError that names the key, not the token', async () => {
    const made = client();
    const error = await made
      .connect(new GrpcTransport(server.target, { authProvider: { headers: () => ({ authorization: 'Bearer s3cr3t-token\n' }) } }))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TransportError', isRetryable: false, message: expect.stringContaining('"authorization"') });
    expect((error as Error).message).not.toContain('s3cr3t');
    expect((error as Error).cause).toBeUndefined();
  });
});
