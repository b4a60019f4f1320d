// At start, before any upload can be in flight: the writes a killed process left unsettled (see
// FileStore.note). A version file that no object row points at is removed: its transaction never
// committed, or it was replaced and its removal never ran. Only the versions those notes name are
// looked at; a note stays when the rows cannot be read.
import type { Db } from '../db/types.ts';
import type { FileStore } from './file-store.ts';

/** Returns how many files were removed. */
export async function settlePendingWrites(db: Db, files: FileStore): Promise<number> {
  let removed = 0;
  for (const { notePath, refs } of await files.pendingNotes()) {
    for (const ref of refs) {
      const { rows } = await db.query(
        'select 1 from storage.objects where bucket_id = $1 and name = $2 and version = $3',
        [ref.bucket, ref.name, ref.version],
      );
      if (rows.length) continue;
      await files.remove(files.objectPath(ref.bucket, ref.name, ref.version));
      removed++;
    }
    await files.settle(notePath);
  }
  return removed;
}
