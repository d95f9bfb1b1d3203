import { describeFeatureSuite, everythingCommand } from '@mcpx/test-utils';
import { StdioTransport } from '../src/index.js';

describeFeatureSuite('stdio', () => new StdioTransport({ ...everythingCommand('stdio'), stderr: 'ignore', shutdownTimeoutMs: 300 }));
