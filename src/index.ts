/**
 * The entry point (`npm start`, `npm run serve`, the container's command). It checks the runtime
 * first, before any dependency is loaded: the server needs Node.js 24 (undici 8 and node:sqlite
 * need it), and on an older Node it would fail somewhere inside a dependency instead of saying so.
 */
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `fulfillment-graph needs Node.js 24 or later; this is ${process.version}. Start it through npm (the project brings Node 24) or in the container image.\n`,
  );
  process.exit(1);
}
// tracing first (when OTEL_* asks for it), so its instrumentations patch what main then loads;
// both loaded only once the runtime is known to be right (a static import would load them first)
/* eslint-disable @typescript-eslint/no-require-imports */
(require('./platform/tracing') as { startTracing: () => boolean }).startTracing();
const { run } = require('./main') as { run: () => void };
/* eslint-enable @typescript-eslint/no-require-imports */
run();
