/** Private test helpers shared by the mcpx packages. */
export { describeFeatureSuite } from './feature-suite.js';
export type { TransportFactory } from './feature-suite.js';
export { everythingCommand, filesystemCommand, memoryCommand, faultServersDir } from './servers.js';
export type { ServerCommand } from './servers.js';
