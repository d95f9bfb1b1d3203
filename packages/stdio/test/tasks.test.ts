import { describeTaskSuite, everythingCommand } from '@mcpx/test-utils';
import { StdioTransport } from '../src/index.js';

describeTaskSuite('stdio', () => new StdioTransport({ ...everythingCommand('stdio'), stderr: 'ignore', shutdownTimeoutMs: 300 }));
