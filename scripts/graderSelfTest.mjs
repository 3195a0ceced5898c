#!/usr/bin/env node
// The grader's self-test (`npm run test:grader`, part of `npm test`): exports a pack to a temporary folder,
// then uses the PACK's grader (its own node_modules and bundled engine, not the repo's) to grade
//   - every challenge's starter solution (must fail: graded, a goal does not hold),
//   - every challenge's reference solution (must pass),
//   - the corpus of bad solution files in grader/bad-solutions (each must give its expected error),
//   - a good write-lru solution written as a const arrow function with a leftover console.log (must pass:
//     the page and the engine find the function and the console alike),
// and checks results.json and junit.xml. Then one tampered page (goals forced to "pass" by an injected script)
// must be caught as "the page and the engine disagree", and a page that reaches for the network must be an
// error naming the URL. Prints the timings.
//
//   node scripts/graderSelfTest.mjs [--keep] [--workers N]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from '../grader/gradeCli.mjs';
import { judge } from '../grader/judge.mjs';
import { REPO_ROOT, cacheDir } from '../grader/repoBuild.mjs';
import { junitXml, xmlEscape } from '../grader/results.mjs';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const workersAt = args.indexOf('--workers');
const workers = workersAt === -1 ? '2' : args[workersAt + 1];

const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// 0. The pure parts, on made-up data (fast; they fail loudly before the slow part starts).
function pureChecks() {
  check(xmlEscape('a&b<c>"d\'e\u0001\u0000f') === 'a&amp;b&lt;c&gt;&quot;d&apos;e\uFFFD\uFFFDf', 'xmlEscape escapes markup and replaces characters XML cannot hold');
  const goal = (id, status) => ({ id, text: id, status, message: `${id} ${status}`, perSeed: [{ seed: 1, actual: 1, status, message: '' }, { seed: 2, actual: 1, status, message: '' }] });
  const verdict = (status, goals, codeError = null) => ({ challenge: 'c', engine: '1', status, seeds: [1, 2], goals, codeError });
  const page = (status, goals) => ({ status, engine: '1', goals: goals.map((g) => ({ id: g.id, status: g.status, message: '' })), codeError: null });
  const base = { file: 'f.json', challenge: 'c', engineVersion: '1', solutionEngine: '1', durationMs: 1 };
  const passGoals = [goal('a', 'pass'), goal('b', 'pass')];
  const failGoals = [goal('a', 'pass'), goal('b', 'fail')];
  const cases = [
    [{ verdict: verdict('pass', passGoals), page: page('pass', passGoals) }, 'pass', 'all 2 goal(s) hold'],
    [{ verdict: verdict('fail', failGoals), page: page('fail', failGoals) }, 'fail', '1 of 2 goal(s) fail: b'],
    [{ verdict: verdict('fail', failGoals), page: page('pass', passGoals) }, 'error', 'the page and the engine disagree on goal b'],
    [{ verdict: verdict('pass', passGoals), page: page('pass', [passGoals[0]]) }, 'error', 'the page and the engine disagree on goal b'],
    [{ verdict: verdict('pass', passGoals), page: page('pass', [...passGoals, goal('z', 'pass')]) }, 'error', 'the page and the engine disagree on goal z'],
    [{ verdict: verdict('pass', passGoals), page: { ...page('pass', passGoals), engine: '0' } }, 'error', 'the page runs engine 0'],
    [{ verdict: verdict('pass', passGoals), page: page('error', []) }, 'error', 'the page and the engine disagree on the verdict'],
    [{ verdict: verdict('fail', failGoals, 'seed 1: f threw'), page: page('error', []) }, 'error', 'the code failed: seed 1: f threw'],
    [{ verdict: verdict('pass', passGoals), page: null, pageFailure: 'the page showed no verdict' }, 'error', 'the page showed no verdict'],
    [{ verdict: null, engineFailure: 'boom', page: page('pass', passGoals) }, 'error', 'the engine could not grade it: boom'],
    [{ verdict: verdict('pass', passGoals), page: page('pass', passGoals), blockedRequests: ['http://example.com/leak', 'http://x/'] }, 'error', 'the page tried to reach the network: http://example.com/leak (and 1 more)'],
    [{ verdict: verdict('fail', failGoals, 'seed 1: f ran longer than 1000 ms'), page: { ...page('error', []), runError: 'Your code ran for more than 30 s' } }, 'error', 'the code failed: seed 1: f ran longer than 1000 ms; the page: Your code ran for more than 30 s'],
    [{ verdict: verdict('fail', failGoals), page: { ...page('error', []), runError: 'The run took more than 30 s' } }, 'fail', '1 of 2 goal(s) fail: b: b fail; the page: The run took more than 30 s'],
  ];
  for (const [input, status, message] of cases) {
    const r = judge({ ...base, ...input });
    check(r.status === status && r.message.includes(message), `judge: expected ${status} "${message}", got ${r.status} "${r.message}"`);
  }
  const xml = junitXml([{ ...judge({ ...base, ...cases[1][0] }), file: 'x&y.json' }, { ...judge({ ...base, ...cases[2][0] }) }]);
  check(xml.includes('name="x&amp;y.json"') && xml.includes('<failure message="1 of 2') && xml.includes('<error message="the page and the engine disagree'), 'junitXml: a failure and an error, escaped');
  check(parseArgs(['a', '--shard', '2/3', '--workers=4']).shard === '2/3', 'parseArgs reads --shard and --workers=');
  check(parseArgs(['a', '--app', 'dist']).app === 'dist' && parseArgs(['a']).app === null, 'parseArgs reads --app');
  for (const bad of [['a', '--shard', '4/3'], ['a', '--workers', '0'], ['--out', 'x'], ['a', '--bogus']]) {
    let threw = false;
    try {
      parseArgs(bad);
    } catch {
      threw = true;
    }
    check(threw, `parseArgs should refuse ${bad.join(' ')}`);
  }
}
pureChecks();
if (problems.length > 0) {
  console.error(`Grader self-test FAILED (pure checks):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}

const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), 'boh-grader-selftest-'));
const pack = join(tmp, 'pack');
const solutions = join(tmp, 'solutions');

function node(argv, cwd) {
  const r = spawnSync(process.execPath, argv, { cwd, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status ?? 1;
}

try {
  // 1. Export the pack (the app is built into the grader's cache folder: dist/ must stay as it was).
  let t = Date.now();
  const distIndex = join(REPO_ROOT, 'dist', 'index.html');
  const distBefore = existsSync(distIndex) ? statSync(distIndex).mtimeMs : null;
  if (node([join(REPO_ROOT, 'scripts', 'exportChallenges.mjs'), pack], REPO_ROOT) !== 0) throw new Error('export-challenges failed');
  const exportMs = Date.now() - t;
  check((existsSync(distIndex) ? statSync(distIndex).mtimeMs : null) === distBefore, 'building the app for grading changed dist/ (it should build into node_modules/.cache/back-of-house-grader/app)');
  check(existsSync(join(cacheDir(REPO_ROOT), 'app', 'index.html')), 'the grading app should be in node_modules/.cache/back-of-house-grader/app');

  // 2. The solution files: starters and references (from the pack's own engine), and the corpus.
  const engine = await import(pathToFileURL(join(pack, 'grader', 'engine', 'engine.mjs')).href);
  const loaded = engine.loadChallenges(engine.readChallengeFolders(join(pack, 'challenges')), { simulate: false });
  if (!loaded.ok) throw new Error(`the pack's challenges do not load:\n${engine.formatChallengeProblems(loaded.problems)}`);
  const expected = new Map(); // display path -> { status, message?, challenge? }
  for (const kind of ['starter', 'reference']) mkdirSync(join(solutions, kind), { recursive: true });
  for (const c of loaded.challenges) {
    writeFileSync(join(solutions, 'starter', `${c.id}.json`), engine.solutionToJson(engine.starterSolution(c)));
    writeFileSync(join(solutions, 'reference', `${c.id}.json`), engine.solutionToJson(engine.referenceSolution(c)));
    expected.set(`solutions/starter/${c.id}.json`, { status: 'fail', challenge: c.id });
    expected.set(`solutions/reference/${c.id}.json`, { status: 'pass', challenge: c.id });
  }
  const corpusDir = join(REPO_ROOT, 'grader', 'bad-solutions');
  const expectations = JSON.parse(readFileSync(join(corpusDir, 'expectations.jsonc'), 'utf8'));
  const ids = new Set(loaded.challenges.map((c) => c.id));
  mkdirSync(join(solutions, 'bad'), { recursive: true });
  for (const [name, want] of Object.entries(expectations.files)) {
    if (want.challenge && !ids.has(want.challenge)) problems.push(`corpus ${name} names challenge ${want.challenge}, which the pack does not have: update grader/bad-solutions`);
    expected.set(`solutions/bad/${name}`, want);
    if (want.generate === 'large') {
      // A well-formed solution padded with a comment to the size asked for.
      const head = `{ "format": "back-of-house/solution", "version": 1, "challenge": "friday-rush", "engine": "1", "settings": {}, "code": "// `;
      writeFileSync(join(solutions, 'bad', name), `${head}${'x'.repeat(want.bytes - head.length - 4)}" }\n`);
    } else if (want.generate === 'binary') {
      // The first bytes of a PNG, then every byte value: what a learner's wrong upload looks like.
      const bytes = Buffer.alloc(4096);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
      for (let i = 8; i < bytes.length; i += 1) bytes[i] = (i * 31) % 256;
      writeFileSync(join(solutions, 'bad', name), bytes);
    } else {
      cpSync(join(corpusDir, name), join(solutions, 'bad', name));
    }
  }
  // A good solution in another style than the reference: the function as a const arrow, a console.log left in.
  const lru = loaded.challenges.find((c) => c.id === 'write-lru');
  if (!lru) problems.push('the pack has no write-lru challenge: update the const-arrow check in scripts/graderSelfTest.mjs');
  else {
    mkdirSync(join(solutions, 'styles'), { recursive: true });
    const code = [
      'const chooseVictim = (dishes, nowMs) => {',
      "  console.log('choosing among', dishes.length, 'at', nowMs);",
      '  return dishes.reduce((oldest, d) => (d.lastUsedAtMs < oldest.lastUsedAtMs ? d : oldest)).key;',
      '};',
    ].join('\n');
    writeFileSync(join(solutions, 'styles', 'write-lru-const-arrow.json'), engine.solutionToJson({ ...engine.referenceSolution(lru), code }));
    expected.set('solutions/styles/write-lru-const-arrow.json', { status: 'pass', challenge: 'write-lru' });
  }
  const onDisk = readdirSync(corpusDir).filter((n) => n.endsWith('.json') && n !== 'expectations.jsonc');
  for (const name of onDisk) check(name in expectations.files, `grader/bad-solutions/${name} has no entry in expectations.jsonc`);

  // 3. Grade everything with the pack's grader, from the temporary folder (paths show as solutions/...).
  t = Date.now();
  const code = node([join(pack, 'grade.mjs'), 'solutions', '--out', 'out', '--workers', workers, '--reporter', 'dot', '--timeout', '60'], tmp);
  const gradeMs = Date.now() - t;
  check(code === 1, `the grader should exit with 1 (starters fail), not ${code}`);
  const results = JSON.parse(readFileSync(join(tmp, 'out', 'results.json'), 'utf8'));
  const byFile = new Map(results.solutions.map((s) => [s.file, s]));
  check(results.solutions.length === expected.size, `results.json lists ${results.solutions.length} solutions, expected ${expected.size}`);
  check(results.engine === engine.ENGINE_VERSION, `results.json engine ${results.engine}, expected ${engine.ENGINE_VERSION}`);
  for (const [file, want] of expected) {
    const got = byFile.get(file);
    if (!got) {
      problems.push(`${file}: missing from results.json`);
      continue;
    }
    const wanted = `${want.status}${want.message ? ` containing "${want.message}"` : ''}`;
    const ok = got.status === want.status && (!want.message || got.message.toLowerCase().includes(want.message.toLowerCase()));
    check(ok, `${file}: expected ${wanted}, got ${got.status}: ${got.message}`);
    if (want.challenge !== undefined && want.status !== 'error') check(got.challenge === want.challenge, `${file}: challenge ${got.challenge}, expected ${want.challenge}`);
    if (got.status !== 'error') {
      check(got.goals.length > 0 && got.goals.every((g) => g.perSeed.length >= 2), `${file}: every goal should have a result per seed`);
      check(got.page && got.page.goals.length === got.goals.length, `${file}: the page's goals should be recorded`);
    }
  }
  const junit = readFileSync(join(tmp, 'out', 'junit.xml'), 'utf8');
  const cases = (junit.match(/<testcase /g) ?? []).length;
  check(cases === expected.size, `junit.xml has ${cases} testcases, expected ${expected.size}`);
  check(!/&(?!(amp|lt|gt|quot|apos);)/.test(junit), 'junit.xml has an unescaped &');
  check(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /.test(junit), 'junit.xml should start with the XML declaration and <testsuites>');
  const suites = (junit.match(/<testsuite /g) ?? []).length;
  check(suites >= loaded.challenges.length, `junit.xml has ${suites} testsuites, expected one per challenge at least`);

  // 4. A tampered page: an injected script turns every goal and the verdict to "pass". The engine must win.
  t = Date.now();
  const tampered = join(tmp, 'tampered');
  cpSync(pack, tampered, { recursive: true });
  const index = join(tampered, 'app', 'index.html');
  const tamper = `<script>new MutationObserver(() => { for (const el of document.querySelectorAll('[data-testid="goal"][data-status="fail"], [data-testid="verdict"][data-status="fail"]')) el.setAttribute('data-status', 'pass'); }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });</script>`;
  writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', `${tamper}</head>`));
  const first = loaded.challenges[0];
  const tamperCode = node([join(tampered, 'grade.mjs'), `solutions/starter/${first.id}.json`, '--out', 'out-tampered', '--reporter', 'dot'], tmp);
  const tamperMs = Date.now() - t;
  const tamperedResult = JSON.parse(readFileSync(join(tmp, 'out-tampered', 'results.json'), 'utf8')).solutions[0];
  check(tamperCode === 1, `grading on a tampered page should exit with 1, not ${tamperCode}`);
  check(
    tamperedResult?.status === 'error' && tamperedResult.message.includes('the page and the engine disagree'),
    `a tampered page should give "the page and the engine disagree", got ${tamperedResult?.status}: ${tamperedResult?.message}`,
  );

  // 5. A page that reaches for the network (here an injected fetch): an error naming the URL, even though
  // every goal holds.
  t = Date.now();
  const leaky = join(tmp, 'leaky');
  cpSync(pack, leaky, { recursive: true });
  const leakyIndex = join(leaky, 'app', 'index.html');
  const leakUrl = 'http://leak.invalid/from-the-page';
  writeFileSync(leakyIndex, readFileSync(leakyIndex, 'utf8').replace('</head>', `<script>setTimeout(() => fetch('${leakUrl}').catch(() => {}), 300);</script></head>`));
  const leakCode = node([join(leaky, 'grade.mjs'), `solutions/reference/${first.id}.json`, '--out', 'out-leaky', '--reporter', 'dot'], tmp);
  const leakMs = Date.now() - t;
  const leakResult = JSON.parse(readFileSync(join(tmp, 'out-leaky', 'results.json'), 'utf8')).solutions[0];
  check(leakCode === 1, `grading on a page that reaches the network should exit with 1, not ${leakCode}`);
  check(
    leakResult?.status === 'error' && leakResult.message.includes(`the page tried to reach the network: ${leakUrl}`),
    `a page reaching the network should be an error naming ${leakUrl}, got ${leakResult?.status}: ${leakResult?.message}`,
  );

  const graded = results.solutions.filter((s) => s.page !== null);
  const perSolution = graded.length ? graded.reduce((sum, s) => sum + s.durationMs, 0) / graded.length : 0;
  console.log(
    `\nGrader self-test: ${expected.size} files (${loaded.challenges.length} challenges x starter/reference + ${Object.keys(expectations.files).length} bad files + 1 in another style), ` +
      `${graded.length} through the page at ${seconds(perSolution)} each on average (${workers} worker(s)).\n` +
      `Export ${seconds(exportMs)}, grading ${seconds(gradeMs)}, tampered page ${seconds(tamperMs)}, page reaching the network ${seconds(leakMs)}, total ${seconds(Date.now() - started)}.`,
  );
} catch (e) {
  problems.push(e?.message ?? String(e));
} finally {
  if (keep || problems.length > 0) console.log(`Kept ${tmp} to look at.`);
  else rmSync(tmp, { recursive: true, force: true });
}

if (problems.length > 0) {
  console.error(`\nGrader self-test FAILED:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log('Grader self-test passed.');
}
