import { z } from 'zod';
import { ClientCapabilitiesSchema } from '../capabilities.js';

/** The `data` of an `UnsupportedProtocolVersionError` (-32022): the revisions the server supports and the one asked for. */
export const UnsupportedProtocolVersionErrorDataSchema = z.looseObject({
  supported: z.array(z.string()),
  requested: z.string(),
});
/** The `data` of an `UnsupportedProtocolVersionError`. */
export type UnsupportedProtocolVersionErrorData = z.infer<typeof UnsupportedProtocolVersionErrorDataSchema>;

/** The `data` of a `MissingRequiredClientCapabilityError` (-32021): the capabilities the request needs and lacked. */
export const MissingRequiredClientCapabilityErrorDataSchema = z.looseObject({
  requiredCapabilities: ClientCapabilitiesSchema,
});
/** The `data` of a `MissingRequiredClientCapabilityError`. */
export type MissingRequiredClientCapabilityErrorData = z.infer<typeof MissingRequiredClientCapabilityErrorDataSchema>;
