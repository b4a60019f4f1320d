// Start-up and shutdown of a stack process: one-line errors with the fix, clean close on signals.
import { loadConfig, type StackConfig } from './config.ts';
import { createStack, type Stack } from './stack.ts';
import { DEMO_PASSWORD, demoAccounts, statusText } from './status.ts';
import { mailboxUrl } from './auth/mailbox.ts';

export interface RunOptions {
  /** Started after the API is up (e.g. the Vite dev server); returns its URL and a closer. */
  frontEnd?: (stack: Stack) => Promise<{ url: string; close(): Promise<void> }>;
}

export function fail(message: string): never {
  console.error(`bizdesk: ${message}`);
  process.exit(1);
}

/** The config from env and config.toml, or exit with the reason. */
export function configOrExit(): StackConfig {
  try {
    return loadConfig();
  } catch (e) {
    fail((e as Error).message);
  }
}

export async function runStack(config: StackConfig, options: RunOptions = {}): Promise<Stack> {
  let stack: Stack;
  try {
    stack = await createStack(config);
  } catch (e) {
    fail((e as Error).message);
  }
  let frontEnd: { url: string; close(): Promise<void> } | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\nbizdesk: ${signal} received, stopping…`);
    await frontEnd?.close().catch(() => {});
    await stack.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  try {
    await stack.listen();
    frontEnd = await options.frontEnd?.(stack);
  } catch (e) {
    await stack.close().catch(() => {});
    fail((e as Error).message);
  }
  const accounts = await demoAccounts(stack.ctx);
  console.log(
    statusText(stack.ctx, {
      appUrl: frontEnd?.url,
      mailUrl: mailboxUrl(stack.ctx.config),
      accounts,
      demoPassword: DEMO_PASSWORD,
    }),
  );
  return stack;
}
