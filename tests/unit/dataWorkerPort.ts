/** The data worker's session behind a worker-like port, in process, for the client's and the store's tests. */
import type { FromDataWorker, ToDataWorker } from '../../src/protocol/dataMessages';
import type { DataWorkerPort } from '../../src/worker/dataClient';
import { createDataSession } from '../../src/worker/dataSession';

/** The session behind a worker-like port that answers asynchronously, as a worker does. */
export function inProcessWorker() {
  const listeners: {
    message: ((event: MessageEvent<FromDataWorker>) => void)[];
    error: ((event: ErrorEvent) => void)[];
  } = {
    message: [],
    error: [],
  };
  const sent: ToDataWorker[] = [];
  let terminated = false;
  const handle = createDataSession((message) =>
    setTimeout(
      () =>
        !terminated && listeners.message.forEach((l) => l({ data: message } as MessageEvent<FromDataWorker>)),
      1,
    ),
  );
  const port: DataWorkerPort = {
    postMessage: (message: ToDataWorker) => {
      sent.push(message);
      setTimeout(() => handle(message), 1);
    },
    addEventListener: ((type: 'message' | 'error', listener: never) =>
      listeners[type].push(listener)) as DataWorkerPort['addEventListener'],
    terminate: () => (terminated = true),
  };
  const crash = () =>
    listeners.error.forEach((l) => l({ message: 'boom', preventDefault: () => undefined } as ErrorEvent));
  return { port, sent, crash };
}
