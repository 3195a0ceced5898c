// Repo only (not copied into a pack): builds what the grader needs from the sources, both cached in
// node_modules/.cache/back-of-house-grader (dist/, `npm run build`'s folder, is never touched):
// - the app (`vite build`, as `npm run build`) in app/, when missing or older than src/ and lessons/;
// - the Node engine: grader/engineEntry.ts bundled by Vite's SSR build into one ES module with every
//   dependency inlined (node: built-ins stay imports), in engine/.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the grader keeps what it builds. */
export function cacheDir(root = REPO_ROOT) {
  return join(root, 'node_modules', '.cache', 'back-of-house-grader');
}

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

/**
 * The grading app, built as `npm run build` would into the grader's cache folder (app/), rebuilt when missing
 * or older than the sources. dist/ is left alone. The build goes to a fresh folder that replaces app/ only
 * once it succeeded, so a failed build keeps nothing half-written. Returns the app's folder.
 */
export async function ensureApp(root = REPO_ROOT) {
  const app = join(cacheDir(root), 'app');
  const built = existsSync(join(app, 'index.html')) ? statSync(join(app, 'index.html')).mtimeMs : 0;
  if (built === 0 || built < newestMtime(APP_SOURCES.map((p) => join(root, p)))) {
    console.log(built === 0 ? `Building the app for grading (into ${app})...` : 'Building the app for grading (the sources changed since the last build)...');
    const started = Date.now();
    const next = `${app}.next-${process.pid}`;
    try {
      await buildApp(next, root);
    } catch (e) {
      rmSync(next, { recursive: true, force: true });
      if (e?.graderMessage) e.message += '\n(to grade with an app you built already, pass --app <its folder>, e.g. --app dist)';
      throw e;
    }
    rmSync(app, { recursive: true, force: true });
    renameSync(next, app);
    console.log(`Built the app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  return app;
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
  const outDir = join(cacheDir(root), 'engine');
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
