import { isReadOnly } from './selection.js';
import type { SourceTool } from './tool-source.js';

/** One tool call the model asked for, as shown to whoever approves it. */
export interface ToolCallRequest {
  /** The model's id for this tool use. */
  id: string;
  /** The name the model called it by. */
  modelName: string;
  /** The tool behind that name. */
  tool: SourceTool;
  /** The arguments the model gave. */
  input: Record<string, unknown>;
}

/** What `approve` is given besides the call. */
export interface ApproveContext {
  /** Aborts when the turn is cancelled: stop asking (the call is not run, whatever `approve` answers later). */
  signal: AbortSignal | undefined;
}

/** Asks the user whether a tool call may run; `false` declines it, and the model is told so. */
export type ApproveFn = (call: ToolCallRequest, context: ApproveContext) => boolean | Promise<boolean>;

/** Which calls go to `approve` first. */
export type ApprovalPolicy = 'not-read-only' | 'always';

/** Options of approval. */
export interface ApprovalOptions {
  /** Asked before calls that the policy names; without it every call runs. @default undefined */
  approve?: ApproveFn | undefined;
  /** `'not-read-only'`: ask before tools not annotated `readOnlyHint: true` and not auto-approved by the registry's config; `'always'`: ask before every call. @default 'not-read-only' */
  ask?: ApprovalPolicy | undefined;
}

/** Whether the policy names this tool: every tool for `'always'`, else a tool neither read-only nor auto-approved. */
export function policyAsks(tool: SourceTool, ask: ApprovalPolicy | undefined): boolean {
  if ((ask ?? 'not-read-only') === 'always') return true;
  return !isReadOnly(tool) && !tool.autoApproved;
}

/** Whether `approve` must be asked before this call. */
export function needsApproval(tool: SourceTool, options: ApprovalOptions): boolean {
  return options.approve !== undefined && policyAsks(tool, options.ask);
}
