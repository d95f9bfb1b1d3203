/** A JSON object of a request. */
type Json = Record<string, unknown>;

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const IMAGE_URL = /^data:image\/(png|jpeg|gif|webp);base64,/;

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields the Responses API takes on input items of these types (the SDK's `parsed_arguments` is not one). */
const INPUT_ITEM_KEYS: Record<string, readonly string[]> = {
  message: ['type', 'role', 'content', 'id', 'status', 'phase'],
  function_call: ['type', 'id', 'call_id', 'name', 'arguments', 'status', 'namespace', 'async', 'caller'],
  function_call_output: ['type', 'id', 'call_id', 'output', 'status'],
  reasoning: ['type', 'id', 'summary', 'content', 'encrypted_content', 'status'],
};

/** The fields the Responses API takes on content parts of these types (the SDK's `parsed` is not one). */
const CONTENT_PART_KEYS: Record<string, readonly string[]> = {
  output_text: ['type', 'text', 'annotations', 'logprobs'],
  refusal: ['type', 'refusal'],
  input_text: ['type', 'text'],
  input_image: ['type', 'image_url', 'file_id', 'detail'],
  input_file: ['type', 'file_data', 'file_id', 'file_url', 'filename'],
};

/** The API's answer to the first field of `value` not in `allowed` (when its type is known), or undefined. */
function unknownKey(value: Json, allowed: Record<string, readonly string[]>, where: string): string | undefined {
  const keys = allowed[typeof value.type === 'string' ? value.type : value.role === undefined ? '' : 'message'];
  const unknown = keys === undefined ? undefined : Object.keys(value).find((key) => !keys.includes(key));
  return unknown === undefined ? undefined : `Unknown parameter: '${where}.${unknown}'.`;
}

/** What strict mode refuses in a schema, in the API's words, or undefined. */
function strictProblem(schema: Json, context: string): string | undefined {
  const isObjectSchema = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
  if (isObjectSchema) {
    if (schema.additionalProperties !== false)
      return `In context=(${context}), 'additionalProperties' is required to be supplied and to be false.`;
    const properties = isObject(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
    const missing = Object.keys(properties).find((key) => !required.includes(key));
    if (missing !== undefined)
      return `In context=(${context}), 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    for (const [key, inner] of Object.entries(properties)) {
      const problem = isObject(inner)
        ? strictProblem(inner, context === '' ? `'properties', '${key}'` : `${context}, 'properties', '${key}'`)
        : undefined;
      if (problem !== undefined) return problem;
    }
  }
  for (const inner of [schema.items, ...objects(schema.anyOf)]) {
    const problem = isObject(inner) ? strictProblem(inner, context) : undefined;
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** The problem with one function tool (name, parameters, strict schema), or undefined. */
function functionProblem(name: unknown, parameters: unknown, strict: boolean, where: string): string | undefined {
  if (typeof name !== 'string' || !TOOL_NAME.test(name))
    return `Invalid '${where}.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$'.`;
  if (parameters === undefined || parameters === null) return undefined;
  const schema = parameters as Json;
  if (schema.type !== 'object')
    return `Invalid schema for function '${name}': schema must be a JSON Schema of 'type: "object"', got 'type: "${String(schema.type)}"'.`;
  if (!isObject(schema.properties)) return `Invalid schema for function '${name}': In context=(), object schema missing properties.`;
  if (!strict) return undefined;
  const problem = strictProblem(schema, '');
  return problem === undefined ? undefined : `Invalid schema for function '${name}': ${problem}`;
}

function chatPartProblem(part: Json, where: string): string | undefined {
  if (part.type === 'image_url' && !IMAGE_URL.test(String((part.image_url as Json | undefined)?.url)))
    return `Invalid '${where}.image_url.url': expected a base64-encoded data URL with an image MIME type (e.g. 'data:image/png;base64,...'), or a URL.`;
  if (part.type === 'input_audio' && !['wav', 'mp3'].includes(String((part.input_audio as Json | undefined)?.format)))
    return `Invalid '${where}.input_audio.format': expected one of 'wav' or 'mp3'.`;
  return undefined;
}

/**
 * The first rule of Chat Completions that a request body breaks, in the API's own words, or
 * undefined: function names of `^[a-zA-Z0-9_-]{1,64}$`; parameters an object schema with
 * `properties` (and, with `strict`, `additionalProperties: false` and every property required);
 * each assistant `tool_calls` answered by `tool` messages right after it, and no `tool` message
 * that answers no call; `tool` messages holding text only; an assistant message with content or
 * tool calls; images as PNG, JPEG, GIF or WebP data URLs; audio as WAV or MP3.
 */
export function openaiChatRequestProblem(params: Json): string | undefined {
  for (const [index, tool] of objects(params.tools).entries()) {
    if (tool.type !== 'function') continue;
    const fn = (tool.function ?? {}) as Json;
    const problem = functionProblem(fn.name, fn.parameters, fn.strict === true, `tools[${index}].function`);
    if (problem !== undefined) return problem;
  }
  let pending: string[] = [];
  for (const [index, message] of objects(params.messages).entries()) {
    const where = `messages[${index}]`;
    if (message.role === 'tool') {
      const id = String(message.tool_call_id);
      if (!pending.includes(id))
        return `Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.`;
      pending = pending.filter((other) => other !== id);
      if (Array.isArray(message.content) && objects(message.content).some((part) => part.type !== 'text'))
        return `Invalid '${where}.content': a tool message's content parts must be of type 'text'.`;
      continue;
    }
    if (pending.length > 0)
      return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${pending.join(', ')}`;
    const calls = objects(message.tool_calls);
    if (message.role === 'assistant' && (message.content === null || message.content === undefined) && calls.length === 0)
      return `Invalid value for '${where}.content': expected a string, got null.`;
    for (const [at, part] of objects(message.content).entries()) {
      const problem = chatPartProblem(part, `${where}.content[${at}]`);
      if (problem !== undefined) return problem;
    }
    pending = message.role === 'assistant' ? calls.map((call) => String(call.id)) : [];
  }
  if (pending.length > 0)
    return `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${pending.join(', ')}`;
  return undefined;
}

/**
 * The first rule of the Responses API that a request body breaks, in the API's own words, or
 * undefined: function names of `^[a-zA-Z0-9_-]{1,64}$`; parameters an object schema with
 * `properties` (strict unless `strict: false`, the API's default); each `function_call_output`
 * answering a `function_call` of the input, and each `function_call` answered; outputs made of
 * `input_text`, `input_image` (PNG, JPEG, GIF or WebP data URLs) and `input_file` items.
 */
export function openaiResponsesRequestProblem(params: Json): string | undefined {
  for (const [index, tool] of objects(params.tools).entries()) {
    if (tool.type !== 'function') continue;
    const problem = functionProblem(tool.name, tool.parameters, tool.strict !== false, `tools[${index}]`);
    if (problem !== undefined) return problem;
  }
  const items = typeof params.input === 'string' ? [] : objects(params.input);
  for (const [index, item] of items.entries()) {
    const problem =
      unknownKey(item, INPUT_ITEM_KEYS, `input[${index}]`) ??
      objects(item.content)
        .map((part, at) => unknownKey(part, CONTENT_PART_KEYS, `input[${index}].content[${at}]`))
        .find((found) => found !== undefined) ??
      objects(item.output)
        .map((part, at) => unknownKey(part, CONTENT_PART_KEYS, `input[${index}].output[${at}]`))
        .find((found) => found !== undefined);
    if (problem !== undefined) return problem;
  }
  const called = new Set(items.filter((item) => item.type === 'function_call').map((item) => String(item.call_id)));
  const answered = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (item.type !== 'function_call_output') continue;
    const id = String(item.call_id);
    if (!called.has(id)) return `No tool call found for function call output with call_id ${id}.`;
    answered.add(id);
    for (const [at, part] of objects(item.output).entries()) {
      if (!['input_text', 'input_image', 'input_file'].includes(String(part.type)))
        return `Invalid value: '${String(part.type)}'. Supported values are: 'input_text', 'input_image', and 'input_file'. (input[${index}].output[${at}].type)`;
      if (part.type === 'input_image' && !IMAGE_URL.test(String(part.image_url)))
        return `Invalid 'input[${index}].output[${at}].image_url': expected a base64-encoded data URL with an image MIME type.`;
    }
  }
  const unanswered = [...called].find((id) => !answered.has(id));
  if (unanswered !== undefined) return `No tool output found for function call ${unanswered}.`;
  return undefined;
}
