import { InvalidResponseError } from '../errors/invalid-response-error.js';
import type { CallToolResult } from '../types/index.js';

type Check = (value: unknown) => string | undefined;

/**
 * Validates `structuredContent` against tools' `outputSchema`s. The JSON Schema validator is
 * imported on first use, so clients whose tools declare no output schema never load it.
 */
export class OutputSchemaValidator {
  // Made when a listed tool first declares an output schema: many servers' tools declare none.
  private schemas: Map<string, Record<string, unknown>> | undefined;
  private compiled: Map<string, Promise<Check>> | undefined;

  /** Remembers the output schemas of listed tools, forgetting stale ones. */
  remember(tools: ReadonlyArray<{ name: string; outputSchema?: Record<string, unknown> | undefined }>, replaceAll: boolean): void {
    if (replaceAll) {
      this.schemas?.clear();
      this.compiled?.clear();
    }
    for (const tool of tools) {
      if (tool.outputSchema) {
        const schemas = (this.schemas ??= new Map<string, Record<string, unknown>>());
        if (schemas.get(tool.name) !== tool.outputSchema) this.compiled?.delete(tool.name);
        schemas.set(tool.name, tool.outputSchema);
      }
    }
  }

  /**
   * Whether `check` has anything to do for this result: a successful one, of a tool that
   * declared an output schema. Lets a call skip the awaited `check` (a promise and a
   * microtask turn) when it would find nothing.
   */
  applies(tool: string, result: CallToolResult): boolean {
    return this.schemaFor(tool, result) !== undefined;
  }

  /** Throws when a successful result breaks the tool's declared output schema. */
  async check(tool: string, result: CallToolResult, context: { server?: string | undefined }): Promise<void> {
    const schema = this.schemaFor(tool, result);
    if (schema === undefined) return;
    const where = { server: context.server, method: 'tools/call' };
    if (result.structuredContent === undefined) {
      throw new InvalidResponseError(`tool "${tool}" declares an outputSchema but returned no structuredContent`, where);
    }
    const cache = (this.compiled ??= new Map<string, Promise<Check>>());
    let compiled = cache.get(tool);
    if (compiled === undefined) {
      compiled = compile(schema);
      cache.set(tool, compiled);
    }
    const problem = (await compiled)(result.structuredContent);
    if (problem !== undefined) {
      throw new InvalidResponseError(`tool "${tool}" returned structuredContent that does not match its outputSchema: ${problem}`, where);
    }
  }

  /** The output schema a successful result of `tool` must match; undefined for an error result or a tool without one. */
  private schemaFor(tool: string, result: CallToolResult): Record<string, unknown> | undefined {
    return result.isError === true ? undefined : this.schemas?.get(tool);
  }
}

async function compile(schema: Record<string, unknown>): Promise<Check> {
  const { Validator } = await import('@cfworker/json-schema');
  const draft = typeof schema.$schema === 'string' && schema.$schema.includes('draft-07') ? '7' : '2020-12';
  const validator = new Validator(schema, draft, false);
  return (value) => {
    const outcome = validator.validate(value);
    if (outcome.valid) return undefined;
    return outcome.errors
      .slice(0, 3)
      .map((e) => `${e.instanceLocation} ${e.error}`)
      .join('; ');
  };
}
