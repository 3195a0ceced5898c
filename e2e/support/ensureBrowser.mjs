// Runs before `playwright test`: makes sure a Chromium exists for Playwright to drive.
// If none is found and we are root on Debian, installs the `chromium` package with apt-get;
// otherwise prints what to install and exits 1.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { INSTALL_HINT, resolveChromium } from './browserPath.mjs';

function report(found) {
  console.log(`ensureBrowser: using ${found.source} Chromium at ${found.path}`);
}

function run(command, args) {
  console.log(`ensureBrowser: $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

const found = resolveChromium();
if (found) {
  report(found);
  process.exit(0);
}

const isDebian = existsSync('/etc/debian_version');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isDebian || !isRoot) {
  console.error(INSTALL_HINT);
  if (process.env.CHROMIUM_PATH) console.error(`(CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist.)`);
  process.exit(1);
}

console.log('ensureBrowser: no Chromium found; installing the Debian "chromium" package with apt-get (running as root).');
try {
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
} catch (error) {
  console.error(`ensureBrowser: installing chromium failed: ${error instanceof Error ? error.message : String(error)}`);
  console.error(INSTALL_HINT);
  process.exit(1);
}

const installed = resolveChromium();
if (!installed) {
  console.error('ensureBrowser: apt-get finished but no Chromium was found at /usr/bin/chromium.');
  console.error(INSTALL_HINT);
  process.exit(1);
}
report(installed);
