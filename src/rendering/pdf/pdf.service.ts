import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { ChildProcess, fork } from 'node:child_process';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { reportsDirectory } from './reports-directory';

/** A pdfmake document definition as pure data (see official-layout.ts for the helpers that build one). */
export type PdfDocumentDefinition = Record<string, unknown>;

/** How long one document may take before its worker is stopped (a 10,000-row report takes ~10 s). */
const RENDER_TIMEOUT_MS = 120_000;
/**
 * Render processes. The machine has two cores: one renders, the other keeps answering the API. More
 * renderers would only make renders compete with requests for the same cores.
 */
const POOL_SIZE = 1;
/** Old-generation heap of a renderer: a runaway document fails alone instead of the service. */
const WORKER_HEAP_MB = 1024;
/**
 * The renderer runs niced: when the API and the renderer both want the CPU, the API wins, so
 * health checks and budget figures keep answering quickly while a large PDF renders.
 */
const RENDERER_NICENESS = 15;

type Worker = ChildProcess;

interface Job {
  id: number;
  definition: string;
  output: PassThrough;
  started: boolean;
  resolve: (stream: Readable) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

export class PdfRenderError extends Error {}

/**
 * Renders PDFs with pdfmake off the request thread: a small pool of child processes (one by default:
 * the machine has two cores, and the other keeps serving the API) takes documents one at a time
 * from a queue and streams each back in chunks. `render` resolves with a stream as soon as the first
 * bytes exist, so a large PDF is sent while it is still being written; a failure before that rejects.
 *
 * Other modules use it for their own documents (the settlement statement): build a definition with
 * the helpers of official-layout.ts, then `render` it or `renderToBuffer`.
 */
@Injectable()
export class PdfService implements OnModuleDestroy {
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private workers = 0;
  private nextId = 1;
  private closing = false;

  /** The PDF as a stream (application/pdf bytes). */
  render(definition: PdfDocumentDefinition): Promise<Readable> {
    if (this.closing) return Promise.reject(new PdfRenderError('the PDF renderer is shutting down'));
    const text = JSON.stringify(definition);
    return new Promise<Readable>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, definition: text, output: new PassThrough(), started: false, resolve, reject });
      this.dispatch();
    });
  }

  /** The whole PDF in memory (small documents: a statement of one file). */
  async renderToBuffer(definition: PdfDocumentDefinition): Promise<Buffer> {
    const stream = await this.render(definition);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    for (const job of this.queue.splice(0)) job.reject(new PdfRenderError('the PDF renderer stopped'));
    const all = [...this.idle, ...this.busy.keys()];
    this.idle.length = 0;
    for (const worker of all) worker.kill();
  }

  private dispatch(): void {
    while (this.queue.length) {
      const worker = this.idle.pop() ?? (this.workers < POOL_SIZE ? this.spawn() : null);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      job.timer = setTimeout(() => {
        this.fail(worker, new PdfRenderError('rendering the PDF took too long'));
        worker.kill();
      }, RENDER_TIMEOUT_MS);
      worker.send({ id: job.id, definition: job.definition });
      job.definition = '';
    }
  }

  private spawn(): Worker {
    const dir = reportsDirectory();
    const worker = fork(join(dir, 'pdf-render.worker.cjs'), [], {
      env: { ...process.env, KCFUND_REPORTS_DIR: dir },
      execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    try {
      if (worker.pid) setPriority(worker.pid, RENDERER_NICENESS);
    } catch {
      // Not permitted here: the renderer runs at normal priority.
    }
    this.workers++;
    worker.on('message', (message: { id: number; chunk?: Uint8Array; done?: boolean; error?: string }) => this.onMessage(worker, message));
    worker.on('error', (error) => this.fail(worker, error));
    worker.on('exit', () => {
      this.workers--;
      this.fail(worker, new PdfRenderError('the PDF renderer stopped unexpectedly'));
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      if (!this.closing) this.dispatch();
    });
    return worker;
  }

  private onMessage(worker: Worker, message: { id: number; chunk?: Uint8Array; done?: boolean; error?: string }): void {
    const job = this.busy.get(worker);
    if (!job || job.id !== message.id) return;
    if (message.error !== undefined) {
      this.fail(worker, new PdfRenderError(message.error));
      return;
    }
    if (message.chunk) {
      job.output.write(Buffer.from(message.chunk.buffer, message.chunk.byteOffset, message.chunk.byteLength));
      if (!job.started) {
        job.started = true;
        job.resolve(job.output);
      }
    }
    if (message.done) {
      clearTimeout(job.timer);
      this.busy.delete(worker);
      job.output.end();
      if (!job.started) job.resolve(job.output);
      this.idle.push(worker);
      this.dispatch();
    }
  }

  /** The job on `worker` fails: rejected if nothing was sent yet, its stream destroyed otherwise. */
  private fail(worker: Worker, error: Error): void {
    const job = this.busy.get(worker);
    if (!job) return;
    clearTimeout(job.timer);
    this.busy.delete(worker);
    if (job.started) job.output.destroy(error);
    else job.reject(error);
    if (!this.closing && !this.idle.includes(worker)) {
      // A worker that failed a job is not trusted with the next: stop it; `exit` makes room for a new one.
      worker.kill();
    }
  }
}
