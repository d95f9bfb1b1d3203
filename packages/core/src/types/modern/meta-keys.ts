// The keys live beside the zod-free runtime code; this module re-exports them for the schemas.
export {
  PROTOCOL_VERSION_KEY,
  CLIENT_INFO_KEY,
  CLIENT_CAPABILITIES_KEY,
  LOG_LEVEL_KEY,
  SERVER_INFO_KEY,
  SUBSCRIPTION_ID_KEY,
  TRACE_KEYS,
} from '../../modern/meta-keys.js';
