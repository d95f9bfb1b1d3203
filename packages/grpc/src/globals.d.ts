declare const __MCPX_VERSION__: string;
