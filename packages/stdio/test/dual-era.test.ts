import { describeDualEraSuite, dualEraServerCommand } from '@mcpx/test-utils';
import { StdioTransport } from '../src/index.js';

describeDualEraSuite('stdio', () => new StdioTransport({ ...dualEraServerCommand(), stderr: 'pipe', shutdownTimeoutMs: 500 }));
