// `npm start`: the local stack and the Vite dev server in one process; Ctrl-C stops both.
import { createServer } from 'vite';
import { configOrExit, runStack } from '../supabase/local/run.ts';

const config = configOrExit();
await runStack(config, {
  async frontEnd(stack) {
    // The app reads its API from VITE_* env; default it to this stack unless already set.
    process.env.VITE_SUPABASE_URL ??= stack.ctx.config.apiUrl;
    process.env.VITE_SUPABASE_ANON_KEY ??= stack.ctx.keys.anonKey;
    const vite = await createServer({
      root: config.projectRoot,
      server: { host: config.host, port: config.appPort, strictPort: true },
      logLevel: 'warn',
    });
    await vite.listen().catch((e: NodeJS.ErrnoException) => {
      throw new Error(
        e.code === 'EADDRINUSE' || /in use/i.test(e.message)
          ? `port ${config.appPort} is in use: stop what runs there or set BIZDESK_APP_PORT to another port`
          : e.message,
      );
    });
    return { url: `http://${config.host}:${config.appPort}`, close: () => vite.close() };
  },
});
