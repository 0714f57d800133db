// Preloaded into a server process by test/http/loaded-modules.test.ts (node --require): when the
// process exits, writes every module it loaded to the file RECORD_MODULES_TO names.
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  writeFileSync(process.env.RECORD_MODULES_TO, JSON.stringify(Object.keys(require.cache)));
});
