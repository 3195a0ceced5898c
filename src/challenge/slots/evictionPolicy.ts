/**
 * Code slot `evictionPolicy`: the learner writes `chooseVictim(dishes, nowMs)`, the warming shelf's eviction
 * policy (a bounded cache's replacement policy).
 *
 * The harness replays a seeded trace of dish orders against a shelf holding at most `capacity` dishes. The
 * trace has phases of `phaseRequests` orders: in each one a few dishes (three eighths of the capacity) are the
 * hits of the hour and take 60% of the orders (skewed: weights 1/sqrt(rank)); the rest are one-offs from the
 * whole menu, with now and then a burst of 2 × capacity one-offs in a row (a tasting party). The hits change
 * from phase to phase, so what was ordered recently is the best guess for what is ordered next:
 * least-recently-used eviction keeps the hits; first-in-first-out throws them out as they age;
 * most-recently-used throws out the dish just served.
 *
 * On a miss the dish is cooked and placed on the shelf; when the shelf is full, `chooseVictim` picks the dish
 * that goes. The trace is drawn before the run, so every policy sees the same orders for a seed.
 *
 * Metrics: `hits`, `misses`, `evictions`, `hitRatio`, and `lruAgreementRatio`, the share of evictions that
 * picked the least recently used dish (1 when nothing was evicted); event counts: `cache.hit`, `cache.miss`,
 * `cache.evicted`.
 */
import { createRandom, cumulativeWeights, exponential, pickWeighted, uniform, uniformInt } from '../../sim/random.ts';
import type { CodeSlot, SlotRun, SlotRunOptions } from './codeSlot.ts';
import { ContractError } from './codeSlot.ts';
import { describeValue, listPreview, readParams, wholeMs, zeroCounts } from './slotSupport.ts';

/** A dish on the shelf as `chooseVictim` sees it. */
export interface ShelfDish {
  key: string;
  bytes: number;
  addedAtMs: number;
  lastUsedAtMs: number;
  uses: number;
}

export const evictionDefaults = {
  /** Dishes the shelf holds at most. */
  capacity: 8,
  /** Distinct dishes on the menu. */
  menu: 40,
  /** Orders in the trace. */
  requests: 3000,
  /** Orders per phase (the hits of the hour change after each). */
  phaseRequests: 200,
  /** Mean virtual time between orders. */
  meanGapMs: 3000,
};

const EVENTS = ['cache.hit', 'cache.miss', 'cache.evicted'] as const;

/** Share of orders that go to the hits of the phase (the rest are one-offs). */
const HOT_SHARE = 0.6;
/** Chance that an order starts a burst of one-offs. */
const BURST_CHANCE = 0.005;

const DISH_NAMES = [
  'soup', 'risotto', 'gnocchi', 'ramen', 'curry', 'paella', 'lasagne', 'tacos', 'falafel', 'pho',
  'bibimbap', 'goulash', 'moussaka', 'ratatouille', 'dal', 'chowder', 'gumbo', 'pierogi', 'dumplings', 'tagine',
  'biryani', 'shakshuka', 'pad-thai', 'laksa', 'stroganoff', 'gazpacho', 'quiche', 'burrito', 'pilaf', 'borscht',
  'ceviche', 'carbonara', 'minestrone', 'tempura', 'satay', 'jambalaya', 'frittata', 'kedgeree', 'polenta', 'tabbouleh',
  'katsu', 'enchiladas', 'souvlaki', 'arancini', 'croquettes', 'okonomiyaki', 'rendang', 'cassoulet',
];

/** The key of dish `i` on the menu: a dish name, then numbered dishes past the list. */
export function dishKey(i: number): string {
  return i < DISH_NAMES.length ? DISH_NAMES[i] : `dish-${i + 1}`;
}

interface Order {
  atMs: number;
  dish: number;
}

/** The seeded trace: who orders what, when. Drawn in full before the run. */
export function orderTrace(seed: number, p: typeof evictionDefaults): { orders: Order[]; bytes: number[] } {
  const rng = createRandom(seed);
  const menu = Math.max(1, Math.floor(p.menu));
  const bytes = Array.from({ length: menu }, () => uniformInt(rng, 300, 1800));
  const hotCount = Math.max(1, Math.min(menu, Math.round((Math.floor(p.capacity) * 3) / 8)));
  const hotTotals = cumulativeWeights(Array.from({ length: hotCount }, (_, i) => 1 / Math.sqrt(i + 1)));
  const phaseLength = Math.max(1, Math.floor(p.phaseRequests));
  const orders: Order[] = [];
  let hot: number[] = [];
  let burstLeft = 0;
  let atMs = 0;
  for (let i = 0; i < p.requests; i++) {
    if (i % phaseLength === 0) hot = pickDistinct(rng, menu, hotCount);
    atMs += wholeMs(exponential(rng, p.meanGapMs), 1);
    let dish: number;
    if (burstLeft > 0) {
      burstLeft--;
      dish = uniformInt(rng, 0, menu - 1);
    } else if (uniform(rng) < BURST_CHANCE) {
      burstLeft = 2 * Math.floor(p.capacity);
      dish = uniformInt(rng, 0, menu - 1);
    } else if (uniform(rng) < HOT_SHARE) {
      dish = hot[pickWeighted(rng, hotTotals)];
    } else {
      dish = uniformInt(rng, 0, menu - 1);
    }
    orders.push({ atMs, dish });
  }
  return { orders, bytes };
}

/** `count` distinct indices below `n` in random order (partial Fisher-Yates). */
function pickDistinct(rng: ReturnType<typeof createRandom>, n: number, count: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = uniformInt(rng, i, n - 1);
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, count);
}

function run({ seed, params, call }: SlotRunOptions): SlotRun {
  const p = readParams('evictionPolicy', evictionDefaults, params);
  const capacity = Math.max(1, Math.floor(p.capacity));
  const { orders, bytes } = orderTrace(seed, p);
  const counts = zeroCounts(EVENTS);
  /** The shelf, in the order the dishes were placed on it. */
  const shelf: ShelfDish[] = [];
  let lruMatches = 0;

  for (const { atMs, dish } of orders) {
    const key = dishKey(dish);
    const onShelf = shelf.find((d) => d.key === key);
    if (onShelf) {
      counts['cache.hit']++;
      onShelf.lastUsedAtMs = atMs;
      onShelf.uses++;
      continue;
    }
    counts['cache.miss']++;
    if (shelf.length >= capacity) {
      const victim = call(shelf.map((d) => ({ ...d })), atMs);
      const index = typeof victim === 'string' ? shelf.findIndex((d) => d.key === victim) : -1;
      if (index < 0) throw new ContractError(victimMessage(victim, shelf));
      let lru = shelf[0];
      for (const d of shelf) if (d.lastUsedAtMs < lru.lastUsedAtMs) lru = d;
      if (lru.key === victim) lruMatches++;
      shelf.splice(index, 1);
      counts['cache.evicted']++;
    }
    shelf.push({ key, bytes: bytes[dish], addedAtMs: atMs, lastUsedAtMs: atMs, uses: 1 });
  }

  const hits = counts['cache.hit'];
  const misses = counts['cache.miss'];
  const evictions = counts['cache.evicted'];
  return {
    metrics: {
      hits,
      misses,
      evictions,
      hitRatio: hits + misses > 0 ? hits / (hits + misses) : 0,
      lruAgreementRatio: evictions > 0 ? lruMatches / evictions : 1,
    },
    eventCounts: { ...counts },
  };
}

function victimMessage(victim: unknown, shelf: readonly ShelfDish[]): string {
  const keys = listPreview(shelf.map((d) => d.key));
  if (typeof victim === 'string') {
    return `chooseVictim returned ${describeValue(victim)}, which is not on the shelf (on the shelf: ${keys})`;
  }
  return `chooseVictim returned ${describeValue(victim)}, expected the key (a string) of a dish on the shelf (on the shelf: ${keys})`;
}

export const evictionPolicy: CodeSlot = {
  id: 'evictionPolicy',
  functionName: 'chooseVictim',
  signature: 'chooseVictim(dishes, nowMs) → key',
  contract: [
    'The warming shelf is full and a freshly cooked dish needs a spot: pick the dish that goes.',
    'dishes lists every dish on the shelf in the order it was placed there, each as',
    '{ key, bytes, addedAtMs, lastUsedAtMs, uses }: when it was put out, when it was last served, and how',
    'often it has been served. nowMs is the current time.',
    'Return the key of one of those dishes. Anything else (a key not on the shelf, a number, nothing) stops',
    'the run with an error. Dishes that go are cooked again the next time someone orders them (a miss), so a',
    'good choice is the dish least likely to be ordered soon.',
  ].join(' '),
  defaults: { ...evictionDefaults },
  run,
};
