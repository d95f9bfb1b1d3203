import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureConfig, json, mcpx, requireBuild, scratch } from './helpers.js';

const dir = scratch('calling');
beforeAll(requireBuild);
afterAll(() => dir[Symbol.dispose]());

interface ToolResult {
  content: Array<{ type: string; text?: string; mimeType?: string }>;
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

describe('mcpx call', () => {
  it('types key=value arguments from the input schema and prints the result', async () => {
    const result = await mcpx(['call', 'everything/get-sum', 'a=19', 'b=23'], { dir });
    expect(result).toMatchObject({ code: 0, stdout: 'The sum of 19 and 23 is 42.\n' });
  });

  it('prints the raw result with --json', async () => {
    const result = await mcpx(['call', 'everything/get-structured-content', 'location=Chicago', '--json'], { dir });
    expect(result.code).toBe(0);
    const parsed = json<ToolResult>(result);
    expect(parsed.structuredContent).toHaveProperty('temperature');
    expect(parsed.content[0]?.type).toBe('text');
  });

  it("takes JSON arguments with --json '{...}' and key:=json, and still prints JSON with a second --json", async () => {
    const entities = JSON.stringify({ entities: [{ name: 'Ada', entityType: 'person', observations: ['wrote the first program'] }] });
    const created = await mcpx(['call', 'memory/create_entities', '--json', entities, '--json'], { dir });
    expect(created.code).toBe(0);
    expect(json<ToolResult>(created).structuredContent).toEqual(JSON.parse(entities));
    const opened = await mcpx(['call', 'memory/open_nodes', 'names:=["Ada"]'], { dir });
    expect(opened.code).toBe(0);
    expect(opened.stdout).toContain('wrote the first program');
    const listed = await mcpx(['call', 'memory/open_nodes', '--args', '{"names":["Ada"]}', 'names=Ada,Nobody'], { dir });
    expect(listed.stdout).toContain('"Ada"');
  });

  it('works on the temporary folder server-filesystem serves', async () => {
    const path = join(dir.exampleRoot, 'note.txt');
    const written = await mcpx(['call', 'filesystem/write_file', `path=${path}`, 'content=written by mcpx'], { dir });
    expect(written.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('written by mcpx');
    const read = await mcpx(['call', 'filesystem/read_text_file', `path=${path}`], { dir });
    expect(read.stdout).toBe('written by mcpx\n');
    expect(existsSync(join(dir.exampleRoot, 'hello.txt'))).toBe(true);
  });

  it('exits 1 when the tool reports an error, printing what it said', async () => {
    const result = await mcpx(['call', 'filesystem/read_text_file', 'path=/etc/hostname'], { dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Access denied');
    expect(result.stderr).toContain('filesystem/read_text_file reported an error');
  });

  it('exits 2 before calling when an argument does not fit the schema or is missing', async () => {
    const wrongType = await mcpx(['call', 'everything/get-sum', 'a=1', 'b=two'], { dir });
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toContain('argument "b" must be number, got "two"');
    const missing = await mcpx(['call', 'everything/get-sum', 'a=1'], { dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('needs the argument b (number)');
    const unknown = await mcpx(['call', 'everything/get-sum', 'a=1', 'b=2', 'c=3'], { dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('everything/get-sum has no argument "c"');
    expect(unknown.stderr).not.toContain('did you mean');
    const notEnum = await mcpx(['call', 'everything/get-structured-content', 'location=Paris'], { dir });
    expect(notEnum.code).toBe(2);
    expect(notEnum.stderr).toContain('must be one of "New York", "Chicago", "Los Angeles"');
  });

  it('exits 2 before calling when the --args JSON does not fit the schema, as key=value would', async () => {
    const wrongType = await mcpx(['call', 'everything/get-sum', '--args', '{"a":1,"b":"two"}'], { dir });
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toContain('argument "b" must be number, got "two"');
    const unknown = await mcpx(['call', 'everything/get-sum', '--json', '{"a":1,"b":2,"sum":3}'], { dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('everything/get-sum has no argument "sum"');
    expect(unknown.stderr).toContain('hint: everything/get-sum takes a=<number> b=<number>');
  });

  it('exits 2 with a suggestion for a tool that does not exist, as JSON on stderr with --json', async () => {
    const result = await mcpx(['call', 'everything/get-summ', '--json'], { dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(JSON.parse(result.stderr)).toMatchObject({
      error: { name: 'UsageError', exitCode: 2, message: 'everything has no tool "get-summ"; did you mean "get-sum"?' },
    });
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const result = await mcpx(['call', 'everything/trigger-long-running-operation', 'duration=1', 'steps=4'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Long running operation completed. Duration: 1 seconds, Steps: 4.\n');
    expect(result.stderr).not.toMatch(/[█\r]/);
  });

  it('summarises binary content', async () => {
    const result = await mcpx(['call', 'everything/get-tiny-image'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[image image\/png, [\d.]+ kB\]/);
  });
});

describe('elicitation without a terminal', () => {
  it('is declined with a note saying how to answer', async () => {
    const result = await mcpx(['call', 'everything/trigger-elicitation-request'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('User declined');
    expect(result.stderr).toContain('declined: stdin is not a terminal; answer with --answers \'{"name": …');
  });

  it('is accepted with --answers, the schema defaults filling the rest', async () => {
    const result = await mcpx(['call', 'everything/trigger-elicitation-request', '--answers', '{"name":"Ada","check":true}'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('- Name: Ada');
    expect(result.stdout).toContain('- Agreed to terms: true');
    expect(result.stdout).toContain('- Favorite Integer: 42');
  });
});

describe('URL elicitation without a terminal', () => {
  it('prints the URL with its host and lets the server go on, opening nothing', async () => {
    const result = await mcpx(
      ['call', 'everything/trigger-url-elicitation', 'url=https://example.com/connect', 'message=Connect your account'],
      { dir },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('User completed the URL elicitation flow');
    expect(result.stderr).toContain('asks you to open a page on example.com:\n  https://example.com/connect\n  Connect your account');
  });

  it('gives up on a required URL (-32042) after --url-wait without completion, saying what to do', async () => {
    const result = await mcpx(
      ['call', 'everything/trigger-url-elicitation', 'url=https://example.com/connect', 'errorPath=true', '--url-wait', '1s'],
      { dir },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('everything asks you to open a page on modelcontextprotocol.io:\n  https://modelcontextprotocol.io\n');
    expect(result.stderr).toContain('waiting up to 1.0 s for everything to report completion');
    expect(result.stderr).toContain('mcpx: everything did not report completion within 1.0 s (--url-wait waits longer)');
    expect(result.stderr).toContain('error -32042');
    expect(result.stderr).toContain('hint: open https://modelcontextprotocol.io in a browser, finish there, then run the command again');
  });
});

describe('sampling', () => {
  it('is refused with a clear message, said once, when no handler is configured', async () => {
    const result = await mcpx(['call', 'everything/trigger-sampling-request', 'prompt=hello'], { dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "mcpx has no sampling handler: everything asked for an LLM completion (sampling/createMessage) and it was refused; configure one with --sampling-command '<command>'",
    );
    expect(`${result.stdout}${result.stderr}`.match(/asked for an LLM completion/g)).toHaveLength(1);
  });

  it('is explained in a note when the server does not say that it was refused', async () => {
    dir.write('sampler.json', fixtureConfig(join(dir.path, 'sampler.log')));
    const result = await mcpx(['call', 'slow/sample', '--config', 'sampler.json'], { dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('no completion\n');
    expect(result.stderr).toContain(
      'mcpx: slow asked for an LLM completion (sampling); refused: no sampling handler is configured (pass --sampling-command',
    );
    expect(result.stderr.match(/asked for an LLM completion/g)).toHaveLength(1);
  });

  it('is answered by --sampling-command, which reads the request on stdin', async () => {
    const command = `${JSON.stringify(process.execPath)} -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log('echo: '+JSON.parse(s).messages[0].content.text))"`;
    const result = await mcpx(['call', 'everything/trigger-sampling-request', 'prompt=hello', '--sampling-command', command], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"text": "echo: Resource trigger-sampling-request context: hello"');
  });

  it('is not offered at all with --no-sampling', async () => {
    const result = await mcpx(['tools', 'everything', '--json', '--no-sampling'], { dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown flag --no-sampling');
    const call = await mcpx(['call', 'everything/trigger-sampling-request', 'prompt=hello', '--no-sampling'], { dir });
    expect(call.code).toBe(2);
    expect(call.stderr).toContain('everything has no tool "trigger-sampling-request"');
  });
});

describe('mcpx read', () => {
  it('reads a listed resource, finding its server', async () => {
    const result = await mcpx(['read', 'demo://resource/static/document/architecture.md'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# /);
  });

  it('reads a resource of a template, as JSON', async () => {
    const result = await mcpx(['read', 'demo://resource/dynamic/text/7', '--json'], { dir });
    expect(result.code).toBe(0);
    expect(json<{ contents: Array<{ uri: string; text: string }> }>(result).contents[0]).toMatchObject({
      uri: 'demo://resource/dynamic/text/7',
      text: expect.stringContaining('Resource 7'),
    });
  });

  it('writes the bytes of a binary resource to a pipe', async () => {
    const result = await mcpx(['read', 'demo://resource/dynamic/blob/3', '--server', 'everything'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Resource 3: This is a base64 blob');
  });

  it('asks for --server when no server lists the URI', async () => {
    const result = await mcpx(['read', 'nowhere://thing'], { dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no server lists nowhere://thing; choose one with --server');
  });
});

describe('mcpx prompt', () => {
  it('prints the messages of a prompt with its arguments', async () => {
    const result = await mcpx(['prompt', 'everything/args-prompt', 'city=Paris'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("[user]\nWhat's weather in Paris?");
  });

  it('gives the prompt as JSON, and exits 2 without a required argument', async () => {
    const result = await mcpx(['prompt', 'everything/args-prompt', 'city=Paris', 'state=Texas', '--json'], { dir });
    expect(json<{ messages: Array<{ role: string; content: { text: string } }> }>(result).messages[0]).toMatchObject({
      role: 'user',
      content: { text: expect.stringContaining('Paris, Texas') },
    });
    const missing = await mcpx(['prompt', 'everything/args-prompt'], { dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('needs the argument city (string)');
  });
});

describe('mcpx ping', () => {
  it('pings each server and prints the round trip', async () => {
    const result = await mcpx(['ping', 'everything', 'memory'], { dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^everything\s+ok\s+[\d.]+ ms\nmemory\s+ok\s+[\d.]+ ms\n$/);
  });

  it('summarises several rounds as JSON', async () => {
    const result = await mcpx(['ping', 'everything', '--count', '3', '--interval', '50ms', '--json'], { dir });
    expect(result.code).toBe(0);
    const [row] = json<{ pings: Array<{ server: string; sent: number; received: number; minMs: number; avgMs: number; maxMs: number }> }>(
      result,
    ).pings;
    expect(row).toMatchObject({ server: 'everything', sent: 3, received: 3 });
    expect(row!.minMs).toBeLessThanOrEqual(row!.avgMs);
    expect(row!.avgMs).toBeLessThanOrEqual(row!.maxMs);
  });
});
