// One process per embedded data directory: two PGlite instances on one directory corrupt it, and
// PGlite's own postmaster.pid holds a fake pid, so the stack keeps a lock file with its real pid.
import fs from 'node:fs';
import path from 'node:path';

export class DataDirInUseError extends Error {}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock on dbDir (creating it), clearing what a killed process left behind. */
export function lockDataDir(dbDir: string): () => void {
  fs.mkdirSync(dbDir, { recursive: true });
  const lockFile = path.join(path.dirname(dbDir), `${path.basename(dbDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        throw new DataDirInUseError(
          `data dir ${dbDir} is in use by pid ${holder}: stop that process first (or set BIZDESK_DATA_DIR to another directory)`,
        );
      }
      fs.rmSync(lockFile, { force: true }); // the holder died (kill -9): take over
      if (attempt === 1) throw new DataDirInUseError(`cannot take the lock ${lockFile}`);
    }
  }
  // With the lock held no live process uses the directory, so a postmaster.pid is stale; left in
  // place it makes the next open hang.
  fs.rmSync(path.join(dbDir, 'postmaster.pid'), { force: true });
  let released = false;
  return () => {
    if (released) return;
    released = true;
    try {
      if (fs.readFileSync(lockFile, 'utf8').trim() === String(process.pid)) fs.rmSync(lockFile);
    } catch {
      // already gone
    }
  };
}
