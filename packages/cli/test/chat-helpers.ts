import { join } from 'node:path';
import { everythingCommand, memoryCommand } from '@mcpx/test-utils';
import type { Scratch } from './helpers.js';

/** A config with the real server-everything and server-memory, and the `chat` table given. */
export function chatConfig(dir: Scratch, chat: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): string {
  const memory = memoryCommand(join(dir.path, 'memory.jsonl'));
  return dir.write(
    'chat.json',
    JSON.stringify({
      mcpServers: { everything: { ...everythingCommand('stdio') }, memory: { ...memory }, ...extra },
      ...(Object.keys(chat).length === 0 ? {} : { chat }),
    }),
  );
}

/** The environment pointing the Anthropic SDK at a loopback model server. */
export function modelEnv(baseURL: string): Record<string, string> {
  return { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: baseURL };
}

/** The environment choosing the OpenAI provider and pointing its SDK at a loopback model server. */
export function openaiEnv(baseURL: string): Record<string, string> {
  return { MCPX_CHAT_PROVIDER: 'openai', OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: baseURL };
}
