import { ConfigError } from '../errors/config-error.js';
import type { ClientExtension, ExtensionHost, ResultTypeHandler } from './extension.js';
import { isExtensionId } from './extension-id.js';
import { BASE_METHODS } from './base-methods.js';

/** The result types of the base protocol, which no extension may claim. */
const BASE_RESULT_TYPES: ReadonlySet<string> = new Set(['complete', 'input_required']);

/** A result type an extension handles, with the host its handler sends through. */
export interface ResultTypeBinding {
  readonly handler: ResultTypeHandler;
  readonly host: ExtensionHost;
}

/**
 * The extensions registered with one client: checked once when the client is constructed (well-formed
 * identifiers, no identifier, method or result type claimed twice, no method or result type of the
 * base protocol claimed), with the API each one made.
 */
export class ExtensionRegistry {
  // Made only when an extension is registered: most clients have none, and each is one client's.
  private readonly apis: Map<string, unknown> | undefined;
  private readonly settings: Map<string, Readonly<Record<string, unknown>>> | undefined;
  private readonly methods: Map<string, string> | undefined;
  private readonly resultTypes: Map<string, ResultTypeBinding> | undefined;

  constructor(extensions: readonly ClientExtension[], hostOf: (id: string) => ExtensionHost, server: string | undefined) {
    if (extensions.length === 0) return;
    const apis = (this.apis = new Map<string, unknown>());
    const settings = (this.settings = new Map<string, Readonly<Record<string, unknown>>>());
    const methods = (this.methods = new Map<string, string>());
    const resultTypes = (this.resultTypes = new Map<string, ResultTypeBinding>());
    const refuse = (message: string): ConfigError => new ConfigError(message, { server, operation: 'registering extensions' });
    for (const extension of extensions) {
      const { id } = extension;
      if (!isExtensionId(id))
        throw refuse(
          `${JSON.stringify(id)} is not an extension identifier; use "{vendor-prefix}/{name}", such as "com.example/my-extension"`,
        );
      if (apis.has(id)) throw refuse(`the extension ${id} is registered twice; pass it once in \`extensions\``);
      for (const method of extension.methods ?? []) {
        if (BASE_METHODS.has(method))
          throw refuse(
            `the extension ${id} claims the method ${method} of the base protocol; an extension may only add new methods, so remove ${method} from its \`methods\``,
          );
        const owner = methods.get(method);
        if (owner !== undefined) throw refuse(`the extensions ${owner} and ${id} both add the method ${method}; register only one of them`);
        methods.set(method, id);
      }
      const host = hostOf(id);
      for (const [type, handler] of Object.entries(extension.resultTypes ?? {})) {
        if (BASE_RESULT_TYPES.has(type))
          throw refuse(`the extension ${id} claims the result type "${type}" of the base protocol; an extension may only add new ones`);
        const taken = resultTypes.get(type);
        if (taken !== undefined)
          throw refuse(`the extensions ${taken.host.id} and ${id} both handle the result type "${type}"; register only one of them`);
        resultTypes.set(type, { handler, host });
      }
      settings.set(id, extension.settings ?? {});
      apis.set(id, extension.create(host));
    }
  }

  /** What the client declares as `capabilities.extensions`; undefined when no extension is registered. */
  capabilities(): Record<string, Record<string, unknown>> | undefined {
    if (this.settings === undefined || this.settings.size === 0) return undefined;
    return Object.fromEntries([...this.settings].map(([id, settings]) => [id, { ...settings }]));
  }

  /** The API the extension made for this client; a `ConfigError` when it was not registered. */
  api<Api>(extension: ClientExtension<Api>, server: string | undefined): Api {
    if (this.apis?.has(extension.id) !== true) {
      throw new ConfigError(
        `the extension ${String(extension.id)} is not registered with this client; pass it in \`new McpClient({ extensions: [...] })\``,
        { server },
      );
    }
    return this.apis?.get(extension.id) as Api;
  }

  /** The API of the extension `id`, if it is registered: for the client's own use of a built-in extension. */
  apiOf(id: string): unknown {
    return this.apis?.get(id);
  }

  /** The identifier of the extension that adds `method`, if one does. */
  extensionOf(method: string): string | undefined {
    return this.methods?.get(method);
  }

  /** The handler of an added result type, if an extension adds it. */
  resultType(type: string): ResultTypeBinding | undefined {
    return this.resultTypes?.get(type);
  }
}
