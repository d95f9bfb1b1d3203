import { create } from '@bufbuild/protobuf';
import {
  AnnotationsSchema,
  AudioContentSchema,
  EmbeddedResourceSchema,
  ImageContentSchema,
  TextContentSchema,
  ResourceContentsSchema,
  ResourceSchema,
  Role,
  type Annotations,
  type AudioContent,
  type EmbeddedResource,
  type ImageContent,
  type Resource,
  type ResourceContents,
  type TextContent,
} from '../gen/mcp_messages_pb.js';
import { base64Of, bytesOf, numberOf, objectOf, present, stringOf, type Json } from './json.js';

/** The content fields shared by tool results, prompt messages and sampling messages (no oneof in the binding: one is set). */
export interface ContentFields {
  text?: TextContent | undefined;
  image?: ImageContent | undefined;
  audio?: AudioContent | undefined;
  embeddedResource?: EmbeddedResource | undefined;
  resourceLink?: Resource | undefined;
}

/** MCP's role name of a binding `Role`. */
export function roleName(role: Role): 'user' | 'assistant' {
  return role === Role.ASSISTANT ? 'assistant' : 'user';
}

/** The binding's `Role` of an MCP role name. */
export function roleOf(name: unknown): Role {
  return name === 'assistant' ? Role.ASSISTANT : name === 'user' ? Role.USER : Role.UNKNOWN;
}

export function annotationsToProto(value: unknown): Annotations | undefined {
  const json = objectOf(value);
  if (json === undefined) return undefined;
  const audience = Array.isArray(json.audience) ? json.audience.map(roleOf) : [];
  const priority = numberOf(json.priority);
  return create(AnnotationsSchema, { audience, ...(priority === undefined ? {} : { priority }) });
}

export function annotationsFromProto(value: Annotations | undefined): Json | undefined {
  if (value === undefined) return undefined;
  const out = present({ audience: value.audience.map(roleName), priority: value.priority });
  return Object.keys(out).length === 0 ? undefined : out;
}

export function resourceToProto(json: Json): Resource {
  const annotations = annotationsToProto(json.annotations);
  const size = numberOf(json.size);
  return create(ResourceSchema, {
    uri: stringOf(json.uri),
    name: stringOf(json.name),
    title: stringOf(json.title),
    description: stringOf(json.description),
    mimeType: stringOf(json.mimeType),
    ...(annotations === undefined ? {} : { annotations }),
    ...(size === undefined ? {} : { size: BigInt(Math.trunc(size)) }),
  });
}

export function resourceFromProto(value: Resource): Json {
  return present({
    uri: value.uri,
    name: value.name,
    title: value.title,
    description: value.description,
    mimeType: value.mimeType,
    annotations: annotationsFromProto(value.annotations),
    size: value.size === 0n ? undefined : Number(value.size),
  });
}

export function resourceContentsToProto(json: Json): ResourceContents {
  const base = { uri: stringOf(json.uri), mimeType: stringOf(json.mimeType) };
  return create(
    ResourceContentsSchema,
    typeof json.blob === 'string' ? { ...base, blob: bytesOf(json.blob) } : { ...base, text: stringOf(json.text) },
  );
}

export function resourceContentsFromProto(value: ResourceContents): Json {
  const base = present({ uri: value.uri, mimeType: value.mimeType });
  return value.blob.length > 0 ? { ...base, blob: base64Of(value.blob) } : { ...base, text: value.text };
}

/** One MCP content block as the binding's content fields; a type the binding lacks is undefined. */
export function contentToProto(block: unknown): ContentFields | undefined {
  const json = objectOf(block);
  if (json === undefined) return undefined;
  const annotations = annotationsToProto(json.annotations);
  const annotated = annotations === undefined ? {} : { annotations };
  switch (json.type) {
    case 'text':
      return { text: create(TextContentSchema, { text: stringOf(json.text), ...annotated }) };
    case 'image':
    case 'audio': {
      const media = { data: bytesOf(json.data), mimeType: stringOf(json.mimeType), ...annotated };
      return json.type === 'image'
        ? { image: create(ImageContentSchema, { ...media }) }
        : { audio: create(AudioContentSchema, { ...media }) };
    }
    case 'resource': {
      const contents = resourceContentsToProto(objectOf(json.resource) ?? {});
      return { embeddedResource: create(EmbeddedResourceSchema, { contents, ...annotated }) };
    }
    case 'resource_link':
      return { resourceLink: resourceToProto(json) };
    default:
      return undefined;
  }
}

/** The MCP content block of the binding's content fields (the first one set), or undefined when none is. */
export function contentFromProto(fields: ContentFields): Json | undefined {
  const annotated = (value: Annotations | undefined): Json => {
    const annotations = annotationsFromProto(value);
    return annotations === undefined ? {} : { annotations };
  };
  if (fields.text !== undefined) return { type: 'text', text: fields.text.text, ...annotated(fields.text.annotations) };
  if (fields.image !== undefined)
    return { type: 'image', data: base64Of(fields.image.data), mimeType: fields.image.mimeType, ...annotated(fields.image.annotations) };
  if (fields.audio !== undefined)
    return { type: 'audio', data: base64Of(fields.audio.data), mimeType: fields.audio.mimeType, ...annotated(fields.audio.annotations) };
  if (fields.embeddedResource !== undefined) {
    const { contents, annotations } = fields.embeddedResource;
    return { type: 'resource', resource: contents === undefined ? {} : resourceContentsFromProto(contents), ...annotated(annotations) };
  }
  if (fields.resourceLink !== undefined) return { type: 'resource_link', ...resourceFromProto(fields.resourceLink) };
  return undefined;
}
