/**
 * A loopback HTTP server for provider fakes: binds 127.0.0.1 on port 0, records every request,
 * and plays queued faults (an HTTP error with headers, a request that never gets an answer, a
 * stream cut mid-way) before the route's normal answer. close() ends hanging sockets too.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export type Fault =
  | { kind: 'status'; status: number; body: unknown; headers?: Record<string, string> }
  /** Never answer: the client's timeout or cancellation must end the call. */
  | { kind: 'hang' }
  /** Destroy the socket after this many streamed events (the route honours it). */
  | { kind: 'break'; afterEvents: number };

export interface RouteContext {
  req: RecordedRequest;
  url: URL;
  res: http.ServerResponse;
  /** A 'break' fault taken for this request, if any. */
  breakAfter?: number;
}

export type Route = (context: RouteContext) => unknown;

export class HttpFake {
  readonly requests: RecordedRequest[] = [];
  /** Played in order, one per request whose path matches `faultPaths`. */
  readonly faults: Fault[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  static async start(route: Route, faultPaths: RegExp = /./): Promise<HttpFake> {
    let fake: HttpFake | undefined;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const recorded: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        fake?.requests.push(recorded);
        const url = new URL(recorded.path, fake?.url);
        const fault = faultPaths.test(url.pathname) ? fake?.faults.shift() : undefined;
        if (fault?.kind === 'hang') return;
        if (fault?.kind === 'status') {
          res.writeHead(fault.status, { 'content-type': 'application/json', ...fault.headers });
          res.end(JSON.stringify(fault.body));
          return;
        }
        Promise.resolve(route({ req: recorded, url, res, breakAfter: fault?.kind === 'break' ? fault.afterEvents : undefined })).catch((error: Error) => {
          if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: `fake failed: ${error.message}` } }));
        });
      });
    });
    server.on('connection', (socket) => {
      fake?.sockets.add(socket);
      socket.on('close', () => fake?.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new HttpFake(server, `http://127.0.0.1:${port}`);
    return fake;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * Writes server-sent events; with `breakAfter`, destroys the socket after that many events
 * (a broken stream). Each event is `[name, data]`; a null name writes a bare `data:` line.
 */
export function sendSse(context: RouteContext, events: Array<[name: string | null, data: string]>): void {
  const { res, breakAfter } = context;
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.flushHeaders();
  const shown = breakAfter === undefined ? events : events.slice(0, breakAfter);
  const text = shown.map(([name, data]) => `${name ? `event: ${name}\n` : ''}data: ${data}\n\n`).join('');
  if (breakAfter === undefined) {
    res.end(text);
    return;
  }
  // Cut the connection once the events before the break have left, without ending the chunked body.
  res.write(text, () => res.socket?.destroy());
}

/** The fakes' deterministic answer to a prompt, and its words as stream chunks. */
export function echoAnswer(lastUserText: string): string[] {
  const words = `Echo: ${lastUserText}`.split(/(?<= )/);
  return words;
}

/** A deterministic token count for fake usage: one per whitespace-separated word. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
