import { sseEvent } from '../http/fake-http-server.js';
import type { AnthropicMessageBody } from './anthropic-model-server.js';

/** The Messages API's streamed events for `message`, as SSE text: each text block in two deltas, each tool input as JSON deltas. */
export function anthropicStreamEvents(message: AnthropicMessageBody): string {
  const events: Array<{ event: string; data: object }> = [];
  const push = (data: { type: string } & Record<string, unknown>): void => void events.push({ event: data.type, data });
  push({
    type: 'message_start',
    message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { ...message.usage, output_tokens: 1 } },
  });
  message.content.forEach((block, index) => {
    if (block.type === 'text') {
      push({ type: 'content_block_start', index, content_block: { type: 'text', text: '', citations: null } });
      const half = Math.ceil(block.text.length / 2);
      for (const text of [block.text.slice(0, half), block.text.slice(half)]) {
        if (text !== '') push({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
      }
    } else {
      push({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
      const json = JSON.stringify(block.input);
      const half = Math.ceil(json.length / 2);
      for (const partial of [json.slice(0, half), json.slice(half)]) {
        push({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: partial } });
      }
    }
    push({ type: 'content_block_stop', index });
  });
  push({
    type: 'message_delta',
    delta: { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence },
    usage: { output_tokens: message.usage.output_tokens },
  });
  push({ type: 'message_stop' });
  return events.map(({ event, data }) => sseEvent({ event, data })).join('');
}
