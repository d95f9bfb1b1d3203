// The targets from the issue: mcpx against the raw loop (CPU) and the official client (cold start).
export const targets = [
  { scenario: 'sequential', metric: 'cpuUsPerCall', client: 'mcpx', versus: 'raw', max: 1.5 },
  { scenario: 'concurrent', metric: 'cpuUsPerCall', client: 'mcpx', versus: 'raw', max: 2 },
  { scenario: 'cold', metric: 'processMs', client: 'mcpx', versus: 'official', max: 0.5 },
];
