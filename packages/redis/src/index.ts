// @mcpx/redis: the stores of @mcpx/core on Redis. The exports are added by the stores' own files.
export {};
