// One function's Deno process: started on first use, kept warm, started again after it dies.
// Deno runs offline: npm: specifiers come from the project's node_modules, no downloads, no update check.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import type { FunctionConfig } from './function-config.ts';

const BOOTSTRAP = path.join(path.dirname(fileURLToPath(import.meta.url)), 'deno-bootstrap.mjs');
const LISTENING = /^__bizdesk_function_listening__ (\d+)$/m;
const BOOT_TIMEOUT_MS = 30_000;

/** The deno binary the `deno` npm package installs. */
export function denoBinary(projectRoot: string): string {
  try {
    const req = createRequire(path.join(projectRoot, 'package.json'));
    return path.join(path.dirname(req.resolve('deno/package.json')), 'deno');
  } catch {
    return path.join(projectRoot, 'node_modules', 'deno', 'deno');
  }
}

export class BootError extends Error {}

export interface WorkerOptions {
  fn: FunctionConfig;
  deno: string;
  denoConfig?: string;
  cwd: string;
  /** Deno's module cache directory. */
  denoDir: string;
  env: () => Record<string, string>;
  log: (line: string) => void;
}

export class FunctionWorker {
  private child?: ChildProcess;
  private starting?: Promise<number>;
  private port?: number;
  /** Recent output, shown when the function fails to boot. */
  private tail: string[] = [];

  constructor(private readonly opts: WorkerOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The port of a running process, starting one if needed. */
  ensure(): Promise<number> {
    if (this.port !== undefined && this.child && this.child.exitCode === null && this.child.signalCode === null) {
      return Promise.resolve(this.port);
    }
    this.starting ??= this.start().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private start(): Promise<number> {
    const { fn, deno, denoConfig, cwd } = this.opts;
    const args = ['run', '--cached-only', '--node-modules-dir=manual', '--allow-net', '--allow-env', '--allow-read', '--allow-sys'];
    if (denoConfig) args.push('--config', denoConfig);
    args.push(BOOTSTRAP, pathToFileURL(fn.entrypoint).href);
    this.tail = [];
    const child = spawn(deno, args, {
      cwd,
      // Like Supabase's runtime, no HOME or PATH for the function; Deno gets its cache dir directly.
      env: {
        ...this.opts.env(),
        DENO_DIR: this.opts.denoDir,
        DENO_NO_UPDATE_CHECK: '1',
        DENO_NO_PROMPT: '1',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.port = undefined;
    return new Promise<number>((resolve, reject) => {
      let settled = false;
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new BootError(`function "${fn.name}" failed to boot: ${why}\n${this.tail.join('\n')}`));
      };
      const timer = setTimeout(() => fail(`not listening after ${BOOT_TIMEOUT_MS} ms`), BOOT_TIMEOUT_MS);
      const onLine = (line: string) => {
        const m = LISTENING.exec(line);
        if (m && !settled) {
          settled = true;
          clearTimeout(timer);
          this.port = Number(m[1]);
          resolve(this.port);
          return;
        }
        this.tail.push(line);
        if (this.tail.length > 20) this.tail.shift();
        this.opts.log(`[functions/${fn.name}] ${line}`);
      };
      lines(child.stdout!, onLine);
      lines(child.stderr!, onLine);
      child.once('error', (e) => fail(e.message));
      child.once('exit', (code, signal) => {
        if (this.child === child) this.port = undefined;
        fail(`exited (${signal ?? code}) before listening`);
      });
    });
  }

  stop(): void {
    const child = this.child;
    this.child = undefined;
    this.port = undefined;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

function lines(stream: NodeJS.ReadableStream, onLine: (line: string) => void) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => buf && onLine(buf));
}
