import { z } from 'zod';
import { InvalidResponseError } from '../index.js';
import type { AppResourceMeta } from './app-meta.js';
import { cspSourceProblem } from './csp-source.js';

const Domains = z.array(
  z.string().superRefine((source, context) => {
    const problem = cspSourceProblem(source);
    if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
  }),
);
const Permission = z.record(z.string(), z.unknown());

const AppResourceMetaSchema = z.looseObject({
  csp: z
    .looseObject({
      connectDomains: Domains.optional(),
      resourceDomains: Domains.optional(),
      frameDomains: Domains.optional(),
      baseUriDomains: Domains.optional(),
    })
    .optional(),
  permissions: z
    .looseObject({
      camera: Permission.optional(),
      microphone: Permission.optional(),
      geolocation: Permission.optional(),
      clipboardWrite: Permission.optional(),
    })
    .optional(),
  domain: z.string().optional(),
  prefersBorder: z.boolean().optional(),
});

/**
 * The `_meta.ui` of a UI resource (a content item of `resources/read` or an entry of
 * `resources/list`), checked against SEP-1865; an `InvalidResponseError` naming the field that
 * breaks it, since a host must not frame an app whose security settings it cannot read.
 */
export function parseResourceMeta(raw: unknown, where: { uri: string; server: string | undefined; method: string }): AppResourceMeta {
  const parsed = AppResourceMetaSchema.safeParse(raw);
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
