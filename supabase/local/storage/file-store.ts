// Object bytes on the local filesystem: <storageDir>/buckets/<bucket>/<key>/<version>. Uploads stream
// into <storageDir>/tmp first (size limit and MD5 computed on the way, fsynced), then are renamed
// into place, so a file appears whole or not at all. Versions are never rewritten in place.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { errors } from './errors.ts';
import { securePath } from './keys.ts';

/** An object version a write may leave without its row if the process dies. */
export interface VersionRef {
  bucket: string;
  name: string;
  version: string;
}

export interface WrittenFile {
  tmpPath: string;
  size: number;
  md5: string;
}

class LimitExceeded extends Error {}

export class FileStore {
  readonly bucketsRoot: string;
  readonly tmpRoot: string;
  /** Notes of writes in flight (see note()); kept across a crash, settled at the next start. */
  readonly pendingRoot: string;

  constructor(storageDir: string) {
    this.bucketsRoot = path.join(storageDir, 'buckets');
    this.tmpRoot = path.join(storageDir, 'tmp');
    this.pendingRoot = path.join(storageDir, 'pending');
    fs.mkdirSync(this.pendingRoot, { recursive: true });
    fs.mkdirSync(this.bucketsRoot, { recursive: true });
    // A temp file belongs to an upload in flight, and at start none is: what is there was left by a
    // killed process (its upload was never acknowledged). The data dir is this process's alone.
    fs.rmSync(this.tmpRoot, { recursive: true, force: true });
    fs.mkdirSync(this.tmpRoot, { recursive: true });
  }

  objectPath(bucket: string, key: string, version: string): string {
    return securePath(this.bucketsRoot, bucket, key, version);
  }

  bucketPath(bucket: string): string {
    return securePath(this.bucketsRoot, bucket);
  }

  /**
   * Streams source into a temp file, refusing more than maxBytes (EntityTooLarge, nothing kept).
   * The caller drains the rest of a refused body, so the client can read the answer.
   */
  async writeTemp(source: Readable, maxBytes: number): Promise<WrittenFile> {
    const tmpPath = path.join(this.tmpRoot, crypto.randomUUID());
    const hash = crypto.createHash('md5');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new LimitExceeded());
        hash.update(chunk);
        done(null, chunk);
      },
    });
    // The request body is piped, not handed to pipeline(): a refused body must stay readable so it
    // can be drained and the connection stays usable (pipeline would destroy it mid-request).
    const onSourceError = (e: Error) => meter.destroy(e);
    const onSourceClose = () => {
      if (!source.readableEnded) meter.destroy(new Error('upload aborted by the client'));
    };
    source.on('error', onSourceError);
    source.on('close', onSourceClose);
    source.pipe(meter);
    try {
      // flush: fsync before close, so an acknowledged upload survives a crash.
      await pipeline(meter, fs.createWriteStream(tmpPath, { flush: true }));
    } catch (e) {
      source.unpipe(meter);
      await fsp.rm(tmpPath, { force: true });
      if (e instanceof LimitExceeded) throw errors.entityTooLarge();
      throw e;
    } finally {
      source.off('error', onSourceError);
      source.off('close', onSourceClose);
    }
    return { tmpPath, size, md5: hash.digest('hex') };
  }

  /**
   * Before a version file is put in place: which versions the write may leave without a row if the
   * process dies before it is settled (the new one, if the transaction never commits; the one it
   * replaces, if the commit happens but its removal does not). Synced; returns the note's path.
   */
  async note(refs: VersionRef[]): Promise<string> {
    const notePath = path.join(this.pendingRoot, `${crypto.randomUUID()}.json`);
    await fsp.writeFile(notePath, JSON.stringify(refs), { flush: true });
    return notePath;
  }

  /** The write is over (whatever its outcome, its files are where they belong). */
  async settle(notePath: string): Promise<void> {
    await fsp.rm(notePath, { force: true });
  }

  /** Notes left by a process that died mid-write. */
  async pendingNotes(): Promise<{ notePath: string; refs: VersionRef[] }[]> {
    const out: { notePath: string; refs: VersionRef[] }[] = [];
    for (const name of await fsp.readdir(this.pendingRoot)) {
      const notePath = path.join(this.pendingRoot, name);
      try {
        out.push({ notePath, refs: JSON.parse(await fsp.readFile(notePath, 'utf8')) as VersionRef[] });
      } catch {
        // Torn while being written: its write never got as far as putting a file in place.
        out.push({ notePath, refs: [] });
      }
    }
    return out;
  }

  /** Moves a finished temp file to its final place (atomic rename) and syncs the directory. */
  async commit(tmpPath: string, finalPath: string): Promise<void> {
    const dir = path.dirname(finalPath);
    await fsp.mkdir(dir, { recursive: true });
    await fsp.rename(tmpPath, finalPath);
    await syncDir(dir);
  }

  /** A second name for an immutable version file (copy / move), falling back to a copy. */
  async linkVersion(fromPath: string, toPath: string): Promise<void> {
    await fsp.mkdir(path.dirname(toPath), { recursive: true });
    try {
      await fsp.link(fromPath, toPath);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw errors.noSuchKey();
      await fsp.copyFile(fromPath, toPath);
    }
    await syncDir(path.dirname(toPath));
  }

  /** Deletes a file (missing is fine) and the directories it leaves empty, up to the buckets root. */
  async remove(filePath: string): Promise<void> {
    await fsp.rm(filePath, { force: true });
    let dir = path.dirname(filePath);
    while (dir.startsWith(this.bucketsRoot + path.sep)) {
      try {
        await fsp.rmdir(dir);
      } catch {
        break; // not empty (or gone)
      }
      dir = path.dirname(dir);
    }
  }

  async discard(tmpPath: string | undefined): Promise<void> {
    if (tmpPath) await fsp.rm(tmpPath, { force: true });
  }

  async removeBucketDir(bucket: string): Promise<void> {
    await fsp.rm(this.bucketPath(bucket), { recursive: true, force: true });
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
