import { basicAppCommand, describeAppsSuite } from '@mcpx/test-utils';
import { StdioTransport } from '../src/index.js';

describeAppsSuite('stdio', () => new StdioTransport({ ...basicAppCommand(), stderr: 'ignore' }));
