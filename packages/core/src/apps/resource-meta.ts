import type { z as Zod } from 'zod';
import { InvalidResponseError } from '../index.js';
import { dependencyFailed, onFirstUse } from '../internal.js';
import type { AppResourceMeta } from './app-meta.js';
import { cspSourceProblem } from './csp-source.js';

/**
 * The schema of `_meta.ui`, built with zod on the first UI resource read: zod is tens of
 * milliseconds of module loading, which importing `@mcpx/core/apps` (every host that lists tools
 * with their apps) should not pay before it frames an app.
 */
const metaSchema = onFirstUse(
  () => import('zod').then(({ z }) => buildSchema(z)),
  (error) => dependencyFailed('@mcpx/core', 'zod', "check an app resource's _meta.ui", error),
);

function buildSchema(z: typeof Zod): Zod.ZodType<AppResourceMeta> {
  const domains = z.array(
    z.string().superRefine((source, context) => {
      const problem = cspSourceProblem(source);
      if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
    }),
  );
  const permission = z.record(z.string(), z.unknown());
  return z.looseObject({
    csp: z
      .looseObject({
        connectDomains: domains.optional(),
        resourceDomains: domains.optional(),
        frameDomains: domains.optional(),
        baseUriDomains: domains.optional(),
      })
      .optional(),
    permissions: z
      .looseObject({
        camera: permission.optional(),
        microphone: permission.optional(),
        geolocation: permission.optional(),
        clipboardWrite: permission.optional(),
      })
      .optional(),
    domain: z.string().optional(),
    prefersBorder: z.boolean().optional(),
  });
}

/**
 * The `_meta.ui` of a UI resource (a content item of `resources/read` or an entry of
 * `resources/list`), checked against SEP-1865; an `InvalidResponseError` naming the field that
 * breaks it, since a host must not frame an app whose security settings it cannot read.
 */
export async function parseResourceMeta(
  raw: unknown,
  where: { uri: string; server: string | undefined; method: string },
): Promise<AppResourceMeta> {
  const parsed = (await metaSchema()).safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = ['_meta', 'ui', ...issue.path.map(String)].join('.');
  throw new InvalidResponseError(
    `the app resource ${where.uri} has an invalid ${path}: ${issue.message}; the app cannot be framed safely, so fix the server's resource metadata`,
    { server: where.server, method: where.method },
  );
}

/** The `_meta.ui` object of a content item or listing entry, if it has one. */
export function uiMetaOf(item: { _meta?: Record<string, unknown> | undefined } | undefined): unknown {
  return item?._meta?.ui;
}
