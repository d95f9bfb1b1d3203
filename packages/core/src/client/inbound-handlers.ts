import type { JsonRpcEngine } from '../jsonrpc/engine.js';
import { ProtocolError, ErrorCode } from '../errors/protocol-error.js';
import type { RequestHandler } from '../jsonrpc/dispatch.js';
import { ignoringTask, type TaskRequestMethod, type TaskReceiver } from '../legacy/task-receiver/task-receiver.js';
import { answerElicitation } from './answer-elicitation.js';
import { answerSampling } from './answer-sampling.js';
import type { ElicitationCompletions } from './elicitation-completions.js';
import type { McpClientOptions } from './options.js';
import { echoRelatedTask } from './related-task-echo.js';
import { loadSchemas } from './schema-loader.js';

/**
 * Registers the server-to-client request handlers the options provide (`ping` is answered through
 * `clientRequestHandler`, which the engine is given); with a task receiver,
 * sampling and elicitation run as tasks when the server asks (2025-11-25), and the receiver
 * answers the `tasks/*` methods.
 */
export function installInboundHandlers(
  engine: JsonRpcEngine,
  options: McpClientOptions,
  completions: ElicitationCompletions,
  tasks: TaskReceiver | undefined,
): void {
  tasks?.install(engine);
  const handle = (method: TaskRequestMethod, handler: RequestHandler): void => {
    const answer = echoRelatedTask(handler);
    engine.setRequestHandler(method, tasks === undefined ? ignoringTask(answer) : tasks.wrap(method, answer));
  };
  const { sampling, elicitation, urlElicitation, roots } = options;
  if (sampling) {
    handle('sampling/createMessage', async (params, context) => {
      const schemas = await loadSchemas();
      return answerSampling(params, {
        handler: sampling,
        tools: options.samplingTools === true,
        context,
        schemas: { params: schemas.CreateMessageRequestParamsSchema, result: schemas.CreateMessageResultSchema },
      });
    });
  }
  if (elicitation || urlElicitation) {
    handle('elicitation/create', async (params, context) => {
      const parsed = (await loadSchemas()).ElicitRequestParamsSchema.safeParse(params);
      if (!parsed.success) throw invalidParams('elicitation/create', parsed.error.message);
      const missing = (mode: string): ProtocolError =>
        invalidParams('elicitation/create', `this client did not declare elicitation mode "${mode}"`);
      return await answerElicitation(parsed.data, { handlers: options, context, completions, missing });
    });
  }
  if (roots) {
    engine.setRequestHandler('roots/list', async (_params, context) => ({ roots: await roots(context) }));
  }
}

/** The answer to the server's `ping`: one function for every connection. */
const answerPing: RequestHandler = () => ({});

/** The handler of the inbound requests every client answers (`ping`), shared by every connection's engine. */
export function clientRequestHandler(method: string): RequestHandler | undefined {
  return method === 'ping' ? answerPing : undefined;
}

function invalidParams(method: string, detail: string): ProtocolError {
  return new ProtocolError({ code: ErrorCode.InvalidParams, message: `invalid ${method} params: ${detail}` });
}
