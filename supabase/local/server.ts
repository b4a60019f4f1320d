// Starts the local stack alone (the API on port 54321); `npm start` also starts the front end.
import { configOrExit, runStack } from './run.ts';

await runStack(configOrExit());
