import { Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from './redis-server.js';

function ping(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let answer = '';
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString('latin1');
      if (answer.includes('\r\n')) socket.end();
    });
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.connect(port, '127.0.0.1', () => socket.write('PING\r\n'));
  });
}

describe('startRedisServer', () => {
  let server: RedisServer | undefined;
  afterAll(async () => server?.stop());

  it('starts a redis-server that answers on its loopback port, and restarts it after a kill', async () => {
    server = await startRedisServer();
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    expect(await ping(server.port)).toBe('+PONG\r\n');
    await server.kill();
    await expect(ping(server.port)).rejects.toThrow(/ECONNREFUSED/);
    await server.restart();
    expect(await ping(server.port)).toBe('+PONG\r\n');
  });
});
