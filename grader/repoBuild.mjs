// Repo only (not copied into a pack): builds what the grader needs from the sources.
// - the app (`vite build`, as `npm run build`), when dist/ is missing or older than src/ and lessons/;
// - the Node engine: grader/engineEntry.ts bundled by Vite's SSR build into one ES module with every
//   dependency inlined (node: built-ins stay imports), cached in node_modules/.cache/back-of-house-grader.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The newest modification time (ms) of any file under these paths (0 when none exists). */
export function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    let stats;
    try {
      stats = statSync(p);
    } catch {
      return;
    }
    if (stats.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules' && !name.startsWith('.')) visit(join(p, name));
    } else {
      newest = Math.max(newest, stats.mtimeMs);
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

const APP_SOURCES = ['src', 'lessons', 'public', 'index.html', 'vite.config.ts'];
const ENGINE_SOURCES = ['src/challenge', 'src/sim', 'src/lessons', 'grader/engineEntry.ts'];

function run(command, args, cwd) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, stdio: 'inherit' });
    child.on('exit', (code) => {
      if (code === 0) return resolvePromise();
      const e = new Error(`\`${args.slice(1).join(' ')}\` failed (exit code ${code}); see its output above`);
      e.graderMessage = true;
      return reject(e);
    });
    child.on('error', reject);
  });
}

/** Runs `vite build` (the project's config: Svelte, the lesson and challenge checks) into `outDir`. */
export async function buildApp(outDir, root = REPO_ROOT) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  await run(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], root);
}

/** dist/ as `npm run build` makes it, rebuilt when missing or older than the sources. Returns its path. */
export async function ensureApp(root = REPO_ROOT) {
  const dist = join(root, 'dist');
  const built = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;
  if (built === 0 || built < newestMtime(APP_SOURCES.map((p) => join(root, p)))) {
    console.log(built === 0 ? 'Building the app (dist/ is missing)...' : 'Building the app (dist/ is older than the sources)...');
    const started = Date.now();
    await buildApp(dist, root);
    console.log(`Built the app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  return dist;
}

/** Bundles the Node engine into `<outDir>/engine.mjs`. Returns the file. */
export async function bundleEngine(outDir, root = REPO_ROOT) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: join(root, 'grader', 'engineEntry.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'engine.mjs' } },
    },
  });
  return join(outDir, 'engine.mjs');
}

/** The cached engine bundle, rebuilt when older than its sources. Returns the file. */
export async function ensureEngine(root = REPO_ROOT) {
  const outDir = join(root, 'node_modules', '.cache', 'back-of-house-grader', 'engine');
  const file = join(outDir, 'engine.mjs');
  const built = existsSync(file) ? statSync(file).mtimeMs : 0;
  if (built === 0 || built < newestMtime(ENGINE_SOURCES.map((p) => join(root, p)))) {
    const started = Date.now();
    try {
      await bundleEngine(outDir, root);
    } catch (e) {
      const failure = new Error(`bundling the grading engine failed: ${e?.message ?? e}`);
      failure.graderMessage = true;
      throw failure;
    }
    console.log(`Bundled the grading engine in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  return file;
}
