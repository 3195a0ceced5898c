// The README.md of an exported pack (written by scripts/exportChallenges.mjs).

/** @param {{ engine: string, challenges: Array<{ id: string, title: string }>, playwright: string }} info */
export function packReadme({ engine, challenges, playwright }) {
  const list = challenges.map((c) => `- \`${c.id}\`: ${c.title}`).join('\n');
  return `# Back of House: challenge pack (engine ${engine})

This folder grades Back of House challenge solutions. It needs **Node 20 or newer** and a **Chromium**;
nothing to install.

## The two commands

\`\`\`sh
node grade.mjs solutions/                 # grade every *.json in solutions/ (and its subfolders)
node grader/server.mjs app 4185           # serve the app: learners open http://localhost:4185/#/challenges
\`\`\`

(\`npm run grade -- solutions/\` and \`npm run serve\` do the same. The server answers only this machine;
\`node grader/server.mjs app 4185 0.0.0.0\` serves a classroom, and any static web server can serve \`app/\`.)

\`grade.mjs\` opens the app in Chromium, loads each solution file through the page as a learner would, runs it
on every grading seed and reads the verdict per goal; then it re-checks every goal in Node with the engine in
\`grader/engine/\`. A solution passes only when both agree and every goal holds, so a hand-edited file or a
tampered page cannot pass. It prints a summary table and writes \`grading-results/results.json\` and
\`grading-results/junit.xml\` (one test suite per challenge, one test case per solution; most CI systems and
LMS importers read it). Exit code: 0 when every solution passes, 1 when any fails or is an error, 2 when the
grader could not run.

A file that cannot be graded (not JSON, truncated, another challenge or engine version, settings out of
range, code that loops or reaches for the network or the page, more than 256 KiB) becomes an **error** with
a one-line reason; the other files are still graded.

## Options

\`\`\`
--out <dir>        where results.json and junit.xml go (default grading-results)
--workers <n>      parallel browsers (default: half the CPU cores)
--shard <i>/<n>    grade only part i of n
--port <p>         port for the app while grading (default 4185; another free port when taken)
--timeout <s>      seconds to wait for one verdict (default 120)
\`\`\`

## A large class

Use more workers on a big machine (\`--workers 8\`), or split the class across machines with Playwright's
sharding: give every machine the same folder and its own part, then merge the results.

\`\`\`sh
node grade.mjs solutions/ --shard 1/3 --out part1      # machine 1
node grade.mjs solutions/ --shard 2/3 --out part2      # machine 2
node grade.mjs solutions/ --shard 3/3 --out part3      # machine 3
node grade.mjs --merge part1 part2 part3 --out all     # anywhere: one results.json and junit.xml
\`\`\`

## Chromium

The grader uses, in this order: a Playwright-managed Chromium (\`npx playwright install chromium\`),
\`$CHROMIUM_PATH\`, then \`/usr/bin/chromium\` (Debian/Ubuntu: \`sudo apt-get install chromium\`). With none it
says so and exits with code 2.

## What is here

- \`app/\`: the built app (static files; any web server works).
- \`challenges/\`: the challenges (${challenges.length}), each with its brief and its reference solution:
${list}
- \`grader/\`: the grader; \`grader/engine/engine.mjs\` is the simulation engine bundled for Node.
- \`node_modules/\`: Playwright ${playwright} (\`@playwright/test\`, \`playwright\`, \`playwright-core\`).
- \`pack.json\`: the engine version and when this pack was made.
`;
}
