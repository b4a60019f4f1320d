// One API call behind a form or a button: a busy flag while it runs, its error as a translated
// message (the call changed nothing), and its success message when it gives one.
import { useState } from 'react';
import { useApiMessage } from './use-api-message.ts';

export function useApiAction<A extends unknown[]>(action: (...args: A) => Promise<string | undefined>) {
  const apiMessage = useApiMessage();
  const [running, setRunning] = useState(false);
  const run = async (...args: A): Promise<boolean> => {
    setRunning(true);
    try {
      const done = await action(...args);
      if (done) apiMessage.success(done);
      return true;
    } catch (error) {
      apiMessage.error(error);
      return false;
    } finally {
      setRunning(false);
    }
  };
  return { run, running };
}
