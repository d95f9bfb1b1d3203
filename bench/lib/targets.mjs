// The targets from the issues, per transport: ratios of medians (`max`: at most, for costs;
// `min`: at least, for throughput), and the clients that must emit no process warnings.
export const targets = {
  stdio: [
    { scenario: 'sequential', metric: 'cpuUsPerCall', client: 'mcpx', versus: 'raw', max: 1.5 },
    { scenario: 'concurrent', metric: 'cpuUsPerCall', client: 'mcpx', versus: 'raw', max: 2 },
    { scenario: 'cold', metric: 'processMs', client: 'mcpx', versus: 'official', max: 0.5 },
    // OpenTelemetry's middleware with no SDK registered costs under 5% CPU per call: issue 14.
    { scenario: 'sequential', metric: 'cpuUsPerCall', client: 'mcpx-otel', versus: 'mcpx', max: 1.05 },
    { scenario: 'concurrent', metric: 'cpuUsPerCall', client: 'mcpx-otel', versus: 'mcpx', max: 1.05 },
  ],
  http: [
    { scenario: 'sequential', metric: 'callsPerSec', client: 'mcpx', versus: 'raw', min: 0.7 },
    { scenario: 'concurrent', metric: 'callsPerSec', client: 'mcpx', versus: 'raw', min: 0.7 },
    // An authorized call (a valid stored token) costs no extra request: issue 11.
    { scenario: 'sequential', metric: 'callsPerSec', client: 'mcpx-oauth', versus: 'mcpx', min: 0.95 },
    { scenario: 'concurrent', metric: 'callsPerSec', client: 'mcpx-oauth', versus: 'mcpx', min: 0.95 },
  ],
};

/** Clients that must emit no warning (MaxListenersExceededWarning...) in any process, on any transport. */
export const quietClients = ['mcpx', 'mcpx-oauth', 'mcpx-header', 'mcpx-middleware', 'mcpx-otel'];
