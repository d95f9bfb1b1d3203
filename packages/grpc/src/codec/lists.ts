import { create } from '@bufbuild/protobuf';
import { PromptSchema, ResourceTemplateSchema, ToolSchema, type Prompt, type ResourceTemplate, type Tool } from '../gen/mcp_messages_pb.js';
import { annotationsFromProto, annotationsToProto } from './content.js';
import { objectOf, present, stringOf, structOf, type Json } from './json.js';

const HINTS = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

export function toolToProto(json: Json): Tool {
  const annotations = objectOf(json.annotations);
  const inputSchema = structOf(json.inputSchema);
  const outputSchema = structOf(json.outputSchema);
  return create(ToolSchema, {
    name: stringOf(json.name),
    title: stringOf(json.title),
    description: stringOf(json.description),
    ...(inputSchema === undefined ? {} : { inputSchema }),
    ...(outputSchema === undefined ? {} : { outputSchema }),
    ...(annotations === undefined
      ? {}
      : {
          annotations: {
            title: stringOf(annotations.title),
            readOnlyHint: annotations.readOnlyHint === true,
            destructiveHint: annotations.destructiveHint === true,
            idempotentHint: annotations.idempotentHint === true,
            openWorldHint: annotations.openWorldHint === true,
          },
        }),
  });
}

/**
 * A tool of the binding as MCP's. Its hints are plain proto3 booleans, so `false` and "not said"
 * look the same: only the hints set to true are kept, and MCP's defaults apply to the others.
 */
export function toolFromProto(tool: Tool): Json {
  const annotations = tool.annotations;
  return present({
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema ?? { type: 'object' },
    outputSchema: tool.outputSchema,
    annotations:
      annotations === undefined
        ? undefined
        : present({
            title: annotations.title,
            ...Object.fromEntries(HINTS.filter((hint) => annotations[hint]).map((hint) => [hint, true])),
          }),
  });
}

export function templateToProto(json: Json): ResourceTemplate {
  const annotations = annotationsToProto(json.annotations);
  return create(ResourceTemplateSchema, {
    uriTemplate: stringOf(json.uriTemplate),
    name: stringOf(json.name),
    title: stringOf(json.title),
    description: stringOf(json.description),
    mimeType: stringOf(json.mimeType),
    ...(annotations === undefined ? {} : { annotations }),
  });
}

export function templateFromProto(template: ResourceTemplate): Json {
  return present({
    uriTemplate: template.uriTemplate,
    name: template.name,
    title: template.title,
    description: template.description,
    mimeType: template.mimeType,
    annotations: annotationsFromProto(template.annotations),
  });
}

export function promptToProto(json: Json): Prompt {
  const args = Array.isArray(json.arguments) ? json.arguments.map((item) => objectOf(item) ?? {}) : [];
  return create(PromptSchema, {
    name: stringOf(json.name),
    title: stringOf(json.title),
    description: stringOf(json.description),
    arguments: args.map((arg) => ({
      name: stringOf(arg.name),
      title: stringOf(arg.title),
      description: stringOf(arg.description),
      required: arg.required === true,
    })),
  });
}

export function promptFromProto(prompt: Prompt): Json {
  return present({
    name: prompt.name,
    title: prompt.title,
    description: prompt.description,
    arguments: prompt.arguments.map((arg) =>
      present({ name: arg.name, title: arg.title, description: arg.description, required: arg.required ? true : undefined }),
    ),
  });
}
