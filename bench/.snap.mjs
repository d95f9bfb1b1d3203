import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
const { McpClient } = await import('@mcpx/core');
const { StdioTransport } = await import('@mcpx/stdio');
const args=[fileURLToPath(new URL('./servers/echo-stdio.mjs', import.meta.url))];
const s=[];
for (let i=0;i<20;i++){ const c=new McpClient({name:'x'}); await c.connect(new StdioTransport({command:process.execPath,args})); await c.listTools(); s.push(c);} 
gc();
console.log(v8.writeHeapSnapshot('/work/wt/perf/.tmp/m.heapsnapshot'));
await Promise.all(s.map(c=>c.close()));
