// Starts the local stack alone (the API on port 54321); `npm start` also starts the front end.
import { loadConfig } from './config.ts';
import { runStack } from './run.ts';

await runStack(loadConfig());
