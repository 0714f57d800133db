/**
 * Monaco's editors run their language services in web workers. `ide/build.mjs` bundles each
 * worker as its own file beside the page's script; they are started from there (same origin).
 */
const here = import.meta.url;

const WORKERS: Record<string, string> = {
  graphql: 'graphql.worker.js',
  json: 'json.worker.js',
};

(globalThis as { MonacoEnvironment?: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    return new Worker(new URL(WORKERS[label] ?? 'editor.worker.js', here));
  },
};
