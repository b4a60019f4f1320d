// A stack in its own process, as `npm run stack` runs it (migrations, buckets from config.toml,
// no demo seed, no scheduler), on a given data dir or PostgreSQL database: for the tests that kill
// it with SIGKILL and start it again on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { DEFAULT_JWT_SECRET, PROJECT_ROOT } from '../../supabase/local/config.ts';

const CHILD = `
const { loadConfig } = await import(${JSON.stringify(`${PROJECT_ROOT}/supabase/local/config.ts`)});
const { createStack } = await import(${JSON.stringify(`${PROJECT_ROOT}/supabase/local/stack.ts`)});
const config = loadConfig(process.env, { host: '127.0.0.1', port: 0, dataDir: process.argv[1], logLevel: 'silent', seed: false, scheduler: false, jwtSecret: ${JSON.stringify(DEFAULT_JWT_SECRET)} });
const stack = await createStack(config);
console.log('LISTENING ' + await stack.listen());
`;

/** Starts the stack process (added to `track` at once, so a test can kill it whatever happens) and
 *  resolves with its URL once it listens. */
export function startStackProcess(dataDir: string, databaseUrl: string | undefined, track: ChildProcess[]): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, DATABASE_URL: databaseUrl ?? '' };
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD, dataDir], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  track.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve({ url: m[1], child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`stack exited (${code}): ${out}`)));
  });
}
