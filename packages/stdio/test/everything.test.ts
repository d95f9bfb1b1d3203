import { describeFeatureSuite, describeTaskReceiverSuite, everythingCommand } from '@mcpx/test-utils';
import { StdioTransport } from '../src/index.js';

const everything = (): StdioTransport => new StdioTransport({ ...everythingCommand('stdio'), stderr: 'ignore', shutdownTimeoutMs: 300 });

describeFeatureSuite('stdio', everything);
describeTaskReceiverSuite('stdio', everything);
