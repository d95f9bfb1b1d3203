import type { Tool } from '../types/index.js';

/** The `execution` of listed tools (2025-11-25: whether a tool runs as a task), for `callTool` to decide how to call it. */
export class ToolExecutions {
  private readonly executions = new Map<string, Tool['execution']>();

  /** Remembers the `execution` of listed tools; `replaceAll` forgets the tools of earlier lists. */
  remember(tools: ReadonlyArray<Pick<Tool, 'name' | 'execution'>>, replaceAll: boolean): void {
    if (replaceAll) this.executions.clear();
    for (const tool of tools) this.executions.set(tool.name, tool.execution);
  }

  /** Whether the tool `name` was listed. */
  has(name: string): boolean {
    return this.executions.has(name);
  }

  /** The listed tool `name` (its `execution`), or undefined when no list named it. */
  get(name: string): Pick<Tool, 'execution'> | undefined {
    return this.executions.has(name) ? { execution: this.executions.get(name) } : undefined;
  }
}
