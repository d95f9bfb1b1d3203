/**
 * Resolves the data of an `endpoint` event (a URI reference) against the URL of the event
 * stream. Returns the URL to POST messages to, or a sentence saying why it cannot be used:
 * the endpoint must be http(s) and on the stream's origin, or a server could send the
 * client's messages, and the credentials in its headers, elsewhere.
 */
export function resolveEndpoint(data: string, streamUrl: URL): URL | string {
  const reference = data.trim();
  if (reference === '') return 'the server sent an empty endpoint event';
  let endpoint: URL;
  try {
    endpoint = new URL(reference, streamUrl);
  } catch {
    return `the server sent an endpoint that is not a URI reference: ${JSON.stringify(reference.slice(0, 200))}`;
  }
  if (endpoint.origin !== streamUrl.origin) {
    return `the server at ${streamUrl.origin} sent a message endpoint on another origin, ${endpoint.origin} (${endpoint.href}); refusing to send messages there. Connect to the server at the origin that serves its endpoint instead`;
  }
  return endpoint;
}
