import { z } from 'zod';
import { MetaSchema } from './base.js';
import { ResultSchema } from './result.js';

/** A directory or file the client lets the server work in, as a `file://` URI. */
export const RootSchema = z.looseObject({
  uri: z.string(),
  name: z.string().optional(),
  _meta: MetaSchema.optional(),
});
/** A directory or file the client lets the server work in. */
export type Root = z.infer<typeof RootSchema>;

/** The result of `roots/list`, which the server asks of the client. */
export const ListRootsResultSchema = ResultSchema.extend({ roots: z.array(RootSchema) });
/** The result of `roots/list`. */
export type ListRootsResult = z.infer<typeof ListRootsResultSchema>;
