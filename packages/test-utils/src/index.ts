/** Private test helpers shared by the mcpx packages. */
export { describeFeatureSuite } from './feature-suite.js';
export { describeTaskReceiverSuite } from './task-receiver-suite.js';
export { until } from './until.js';
export type { TransportFactory } from './feature-suite.js';
export { describeAppsSuite } from './apps-suite.js';
export { describeDualEraSuite } from './dual-era-suite.js';
export type { DualEraFeature, DualEraSuiteOptions } from './dual-era-suite.js';
export { describeTaskSuite } from './task-suite.js';
export { everythingCommand, filesystemCommand, memoryCommand, basicAppCommand, faultServersDir } from './servers.js';
export type { ServerCommand } from './servers.js';
export { freePort } from './http/free-port.js';
export { startHttpServerProcess, startEverythingHttp, startBasicAppHttp } from './http/server-process.js';
export type { HttpServerProcess, HttpServerProcessOptions } from './http/server-process.js';
export { startFakeHttpServer, sseEvent, openSse, replyJson } from './http/fake-http-server.js';
export type { FakeHttpServer, FakeHandler, RecordedRequest, SseFields } from './http/fake-http-server.js';
export { startFakeMcpServer, initializeResult } from './http/fake-mcp-server.js';
export { refuseOnce } from './http/refuse-once.js';
export type { FakeMcpServer, RpcContext, RpcHandler, PostedMessage } from './http/fake-mcp-server.js';
export { startWebSocketBridge } from './ws/stdio-bridge.js';
export type { WebSocketBridge } from './ws/stdio-bridge.js';
export { startFakeWebSocketServer } from './ws/fake-ws-server.js';
export type {
  FakeWebSocketServer,
  FakeWebSocketServerOptions,
  FakeWebSocketConnection,
  RecordedUpgrade,
  UpgradeReply,
  ReceivedMessage,
} from './ws/fake-ws-server.js';
export {
  appsServerCommand,
  dualEraServerCommand,
  dualEraServerPath,
  skillsServerCommand,
  skillsServerPath,
  startDualEraHttpServer,
  startDualEraGrpcServer,
} from './dual-era-server/launch.js';
export type { DualEraHttpServer, DualEraHttpServerOptions, DualEraGrpcServer, DualEraGrpcServerOptions } from './dual-era-server/launch.js';
export { recordTransport } from './recording.js';
export type { Recording } from './recording.js';
export { isRunning } from './processes.js';
export { startRedisServer, type RedisServer } from './redis/redis-server.js';
export { publicExports } from './public-exports.js';
export type { PublicExports } from './public-exports.js';
export { startAnthropicModelServer } from './models/anthropic-model-server.js';
export { anthropicRequestProblem } from './models/anthropic-request-rules.js';
export type {
  AnthropicModelServer,
  AnthropicMessageBody,
  ModelRequest,
  ScriptedTurn,
  ScriptedMessage,
  ScriptedError,
  ScriptedBlock,
} from './models/anthropic-model-server.js';
export { startOpenAIModelServer } from './models/openai-model-server.js';
export { openaiChatRequestProblem, openaiResponsesRequestProblem } from './models/openai-request-rules.js';
export type { OpenAIModelServer, OpenAIModelRequest, OpenAIScriptedTurn, OpenAIScriptedError } from './models/openai-model-server.js';
export type { OpenAIScriptedMessage, OpenAIScriptedCall } from './models/openai-bodies.js';
