const { existsSync } = require('node:fs');
const { execFileSync } = require('node:child_process');

/** Debian's chromium, which the IDE's browser test drives (a browser download cannot work here). */
const CHROMIUM = '/usr/bin/chromium';

module.exports = async () => {
  // The project brings Node 24 (devDependency `node`); fail fast if jest was started on another runtime.
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) throw new Error(`tests need Node 24 (got ${process.version}); run them through npm scripts`);
  // the browser test needs Debian's chromium: installed here when missing and this user may (as .ci/run does)
  if (!existsSync(CHROMIUM) && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    process.stdout.write(`\n${CHROMIUM} is missing: installing Debian's chromium for the IDE's browser test\n`);
    const apt = (args) =>
      execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    try {
      apt(['install', '-y', '--no-install-recommends', 'chromium']);
    } catch {
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', 'chromium']);
    }
  }
};
