import { z } from 'zod';

/** An object whose presence announces a capability; its members are open for future options. */
const FlagSchema = z.looseObject({});

/** A capability that may announce change notifications with `listChanged`. */
const ListChangedSchema = z.looseObject({ listChanged: z.boolean().optional() });

/** What a client supports, sent in `initialize` or (2026-07-28) in every request's `_meta`; unknown capabilities are kept. */
export const ClientCapabilitiesSchema = z.looseObject({
  experimental: z.record(z.string(), FlagSchema).optional(),
  roots: ListChangedSchema.optional(),
  sampling: z.looseObject({ context: FlagSchema.optional(), tools: FlagSchema.optional() }).optional(),
  elicitation: z.looseObject({ form: FlagSchema.optional(), url: FlagSchema.optional() }).optional(),
  tasks: z
    .looseObject({
      list: FlagSchema.optional(),
      cancel: FlagSchema.optional(),
      requests: z
        .looseObject({
          sampling: z.looseObject({ createMessage: FlagSchema.optional() }).optional(),
          elicitation: z.looseObject({ create: FlagSchema.optional() }).optional(),
        })
        .optional(),
    })
    .optional(),
  /** The extensions the client supports, by identifier (`io.modelcontextprotocol/ui`), with their settings (2026-07-28). */
  extensions: z.record(z.string(), FlagSchema).optional(),
});
/** What a client supports. */
export type ClientCapabilities = z.infer<typeof ClientCapabilitiesSchema>;

/** What a server supports, returned by `initialize` (unknown capabilities are kept as sent). */
export const ServerCapabilitiesSchema = z.looseObject({
  experimental: z.record(z.string(), FlagSchema).optional(),
  logging: FlagSchema.optional(),
  completions: FlagSchema.optional(),
  prompts: ListChangedSchema.optional(),
  resources: z.looseObject({ subscribe: z.boolean().optional(), listChanged: z.boolean().optional() }).optional(),
  tools: ListChangedSchema.optional(),
  tasks: z
    .looseObject({
      list: FlagSchema.optional(),
      cancel: FlagSchema.optional(),
      requests: z.looseObject({ tools: z.looseObject({ call: FlagSchema.optional() }).optional() }).optional(),
    })
    .optional(),
  /** The extensions the server supports, by identifier (`io.modelcontextprotocol/skills`), with their settings (SEP-2133; 2026-07-28, and some 2025-11-25 servers). */
  extensions: z.record(z.string(), FlagSchema).optional(),
});
/** What a server supports. */
export type ServerCapabilities = z.infer<typeof ServerCapabilitiesSchema>;
