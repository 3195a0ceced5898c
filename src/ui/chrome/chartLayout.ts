/**
 * A deterministic layered layout of a lifecycle statechart, for the lifecycle dialog to draw in SVG. Pure:
 * the same graph and options always give the same coordinates (the tests pin them).
 *
 * The steps, a small Sugiyama layout:
 * 1. **Layers** (rows, top to bottom): the initial state in row 0, every other live state one row below the
 *    first state that leads to it (breadth-first, transitions in declaration order); end states share the
 *    last row, so a unit's life reads downwards and ends at the bottom.
 * 2. **Edges**: transitions between the same two states are drawn as one arrow with one label line per event.
 *    An arrow across more than one row passes through a placeholder slot in each row between, so it never
 *    crosses a state box; an arrow back up (a cycle) is laid out as if reversed, then drawn upwards.
 * 3. **Order** within each row: declaration order, then four barycentre sweeps (down, up, down, up), each a
 *    stable sort by the mean position of the neighbours in the row before.
 * 4. **Coordinates**: rows centred horizontally; the gap under a row grows with the most label lines an arrow
 *    places in it; arrow ends spread along a box's top and bottom edges in the order of their other ends, so
 *    arrows do not cross at the box; a self-loop sits on the box's right, with room reserved for its label.
 * 5. **Labels**: each arrow's label (one line per event, plain words given by the caller) goes where it
 *    overlaps no box, no other label and no other arrow: mid-gap on its first segment when that is clear,
 *    else the nearest clear spot along its own curve, on it or beside it.
 *
 * Text widths are estimated from character counts ({@link ChartLayoutOptions.labelCharWidth}), which is
 * enough to reserve room; the drawing may be scaled as a whole.
 */
import type { LifecycleGraph } from '../../machines/lifecycleMachine.ts';

export interface ChartLayoutOptions {
  /** Width and height of a state box (px). */
  nodeWidth: number;
  nodeHeight: number;
  /** Horizontal space between two slots of a row. */
  columnGap: number;
  /** Least vertical space between two rows. */
  rowGap: number;
  /** Width of the slot an arrow passes through in a row it crosses. */
  passWidth: number;
  /** Space around the drawing. */
  margin: number;
  /** Height of one label line and the estimated width of one label character (px). */
  labelLineHeight: number;
  labelCharWidth: number;
  /** How far a self-loop reaches right of its box. */
  loopReach: number;
}

export const DEFAULT_CHART_OPTIONS: ChartLayoutOptions = {
  nodeWidth: 136,
  nodeHeight: 42,
  columnGap: 28,
  rowGap: 44,
  passWidth: 20,
  margin: 12,
  labelLineHeight: 14,
  labelCharWidth: 6.7,
  loopReach: 24,
};

/** A state box; `x`, `y` is its top-left corner. */
export interface ChartNode {
  id: string;
  layer: number;
  x: number;
  y: number;
  width: number;
  height: number;
  isInitial: boolean;
  isFinal: boolean;
}

/** One transition drawn on an arrow. */
export interface ChartTransition {
  /** The graph edge's id (`source:event`). */
  id: string;
  event: string;
  description: string;
  /** The line drawn on the arrow: plain words for the event (its name by default). */
  label: string;
}

/**
 * Where an arrow's label goes: `x` is the centre of its block of lines (`middle`), its left edge (`start`) or
 * its right edge (`end`); `y` the middle of the block.
 */
export interface ChartLabel {
  x: number;
  y: number;
  anchor: 'middle' | 'start' | 'end';
  /** Estimated width of the longest line. */
  width: number;
}

/** One arrow: every transition from `source` to `target`. */
export interface ChartEdge {
  /** `source->target`. */
  id: string;
  source: string;
  target: string;
  transitions: ChartTransition[];
  /** Down the rows, back up, within one row, or a loop on one state. */
  direction: 'down' | 'up' | 'flat' | 'loop';
  /** From the source's edge to the target's edge, through the bends: draw with a smooth curve. */
  points: [number, number][];
  label: ChartLabel;
}

export interface ChartLayout {
  width: number;
  height: number;
  nodes: ChartNode[];
  edges: ChartEdge[];
}

interface Group {
  id: string;
  source: string;
  target: string;
  transitions: ChartTransition[];
  direction: ChartEdge['direction'];
  /** Layout order, top to bottom: real ids at the ends, pass-through slot ids between. */
  chain: string[];
}

/** An estimate of the width of a label line. */
function textWidth(text: string, o: ChartLayoutOptions): number {
  return text.length * o.labelCharWidth;
}

function labelWidth(transitions: readonly ChartTransition[], o: ChartLayoutOptions): number {
  return Math.max(0, ...transitions.map((t) => textWidth(t.label, o)));
}

/** A label's block of lines as a box (estimated), for overlap checks. */
export function labelBox(edge: Pick<ChartEdge, 'label' | 'transitions'>, o: Pick<ChartLayoutOptions, 'labelLineHeight'> = DEFAULT_CHART_OPTIONS): { x: number; y: number; width: number; height: number } {
  const { x, y, anchor, width } = edge.label;
  const height = edge.transitions.length * o.labelLineHeight;
  return { x: anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2, y: y - height / 2, width, height };
}

/**
 * Points along the curve the chart draws through `points` (d3's `curveBasis`: a uniform cubic B-spline
 * from the first point to the last), `perSegment` samples to each Bézier piece. For overlap checks.
 */
export function basisSamples(points: readonly [number, number][], perSegment = 8): [number, number][] {
  if (points.length < 2) return points.map(([x, y]) => [x, y]);
  if (points.length === 2) {
    // d3 draws a straight line: points evenly along it.
    const [[x0, y0], [x1, y1]] = points;
    return Array.from({ length: perSegment + 1 }, (_, k): [number, number] => [x0 + ((x1 - x0) * k) / perSegment, y0 + ((y1 - y0) * k) / perSegment]);
  }
  const out: [number, number][] = [points[0]];
  const bezier = (p0: [number, number], p1: [number, number], p2: [number, number], p3: [number, number]) => {
    for (let k = 1; k <= perSegment; k++) {
      const t = k / perSegment;
      const u = 1 - t;
      out.push([
        u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
        u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
      ]);
    }
  };
  const mix = (a: [number, number], b: [number, number], wa: number, wb: number): [number, number] => [(wa * a[0] + wb * b[0]) / (wa + wb), (wa * a[1] + wb * b[1]) / (wa + wb)];
  let current: [number, number] = mix(points[0], points[1], 5, 1);
  out.push(current);
  const piece = (a: [number, number], b: [number, number], c: [number, number]) => {
    const end: [number, number] = [(a[0] + 4 * b[0] + c[0]) / 6, (a[1] + 4 * b[1] + c[1]) / 6];
    bezier(current, mix(a, b, 2, 1), mix(a, b, 1, 2), end);
    current = end;
  };
  for (let i = 2; i < points.length; i++) piece(points[i - 2], points[i - 1], points[i]);
  // The end: one more piece towards the last point repeated, then a line to it.
  const n = points.length;
  piece(points[n - 2], points[n - 1], points[n - 1]);
  out.push(points[n - 1]);
  return out;
}

/** Row of every state: breadth-first from the initial state over live states; end states on the last row. */
export function chartLayers(graph: LifecycleGraph): Map<string, number> {
  const layer = new Map<string, number>();
  const isFinal = new Map(graph.nodes.map((n) => [n.id, n.isFinal]));
  const queue: string[] = [];
  if (isFinal.has(graph.initial) /* the initial state is declared */) {
    layer.set(graph.initial, 0);
    queue.push(graph.initial);
  }
  for (let head = 0; head < queue.length; head++) {
    const from = queue[head];
    if (isFinal.get(from)) continue;
    for (const e of graph.edges) {
      if (e.source !== from || e.target === from || layer.has(e.target) || isFinal.get(e.target)) continue;
      layer.set(e.target, (layer.get(from) as number) + 1);
      queue.push(e.target);
    }
  }
  // A live state nothing leads to (none in our charts) joins the first row.
  for (const n of graph.nodes) if (!n.isFinal && !layer.has(n.id)) layer.set(n.id, 0);
  const lastLive = Math.max(-1, ...[...layer.entries()].filter(([id]) => !isFinal.get(id)).map(([, l]) => l));
  for (const n of graph.nodes) if (n.isFinal && !layer.has(n.id)) layer.set(n.id, lastLive + 1);
  return layer;
}

function groupsOf(graph: LifecycleGraph, layer: Map<string, number>, labelOf: (event: string) => string): Group[] {
  const groups = new Map<string, Group>();
  for (const e of graph.edges) {
    const id = `${e.source}->${e.target}`;
    let g = groups.get(id);
    if (g === undefined) {
      const ls = layer.get(e.source) as number;
      const lt = layer.get(e.target) as number;
      const direction = e.source === e.target ? 'loop' : ls < lt ? 'down' : ls > lt ? 'up' : 'flat';
      const [top, bottom, from] = direction === 'up' ? [e.target, e.source, lt] : [e.source, e.target, ls];
      const to = Math.max(ls, lt);
      const chain = direction === 'loop' ? [e.source] : direction === 'flat' ? [e.source, e.target] : [top];
      if (direction === 'down' || direction === 'up') {
        for (let l = from + 1; l < to; l++) chain.push(`~${id}~${l}`);
        chain.push(bottom);
      }
      g = { id, source: e.source, target: e.target, transitions: [], direction, chain };
      groups.set(id, g);
    }
    g.transitions.push({ id: e.id, event: e.event, description: e.description, label: labelOf(e.event) });
  }
  return [...groups.values()];
}

/** The rows' slots in order after the barycentre sweeps. */
function orderRows(graph: LifecycleGraph, layer: Map<string, number>, groups: readonly Group[]): string[][] {
  const rowCount = Math.max(0, ...layer.values()) + 1;
  const rows: string[][] = Array.from({ length: rowCount }, () => []);
  for (const n of graph.nodes) rows[layer.get(n.id) as number].push(n.id);
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const link = (map: Map<string, string[]>, key: string, value: string) => map.set(key, [...(map.get(key) ?? []), value]);
  for (const g of groups) {
    if (g.direction !== 'down' && g.direction !== 'up') continue;
    for (let i = 1; i < g.chain.length; i++) {
      if (i < g.chain.length - 1) rows[(layer.get(g.chain[0]) as number) + i].push(g.chain[i]);
      link(up, g.chain[i], g.chain[i - 1]);
      link(down, g.chain[i - 1], g.chain[i]);
    }
  }
  const sweep = (indices: number[], neighbours: Map<string, string[]>, step: number) => {
    for (const r of indices) {
      const position = new Map(rows[r - step].map((id, i) => [id, i]));
      const bary = new Map(
        rows[r].map((id, i) => {
          const near = (neighbours.get(id) ?? []).map((n) => position.get(n)).filter((p): p is number => p !== undefined);
          return [id, near.length === 0 ? i : near.reduce((a, b) => a + b, 0) / near.length];
        }),
      );
      rows[r] = rows[r].map((id, i) => ({ id, i })).sort((a, b) => (bary.get(a.id) as number) - (bary.get(b.id) as number) || a.i - b.i).map((x) => x.id);
    }
  };
  const downward = Array.from({ length: rowCount - 1 }, (_, i) => i + 1);
  const upward = Array.from({ length: rowCount - 1 }, (_, i) => rowCount - 2 - i);
  for (let pass = 0; pass < 2; pass++) {
    sweep(downward, up, 1);
    sweep(upward, down, -1);
  }
  return rows;
}

/**
 * Lays out `graph` (see the module comment). `labelOf` gives the words drawn for an event on its arrow
 * (default: the event's name).
 */
export function layoutLifecycle(graph: LifecycleGraph, options: Partial<ChartLayoutOptions> = {}, labelOf: (event: string) => string = (event) => event): ChartLayout {
  const o: ChartLayoutOptions = { ...DEFAULT_CHART_OPTIONS, ...options };
  // A label with no clear spot makes its gap taller (longer arrows have more room), a few times at most;
  // the first layout with the least crowding is kept, so a taller gap that does not help is not kept.
  const extra: number[] = [];
  let attempt = layoutWith(graph, o, labelOf, extra);
  let best = attempt;
  for (let round = 0; round < 4 && attempt.crowdedGaps.length > 0; round++) {
    for (const gap of attempt.crowdedGaps) extra[gap] = (extra[gap] ?? 0) + o.labelLineHeight;
    attempt = layoutWith(graph, o, labelOf, extra);
    if (attempt.crowding < best.crowding) best = attempt;
  }
  return best.layout;
}

/**
 * One layout with `extra` height added under each row; `crowdedGaps` are the gaps of labels with no clear
 * spot, `crowding` what they overlap (see {@link placeLabels}).
 */
function layoutWith(
  graph: LifecycleGraph,
  o: ChartLayoutOptions,
  labelOf: (event: string) => string,
  extra: readonly number[],
): { layout: ChartLayout; crowdedGaps: number[]; crowding: number } {
  const layer = chartLayers(graph);
  const groups = groupsOf(graph, layer, labelOf);
  const rows = orderRows(graph, layer, groups);
  const loops = new Map(groups.filter((g) => g.direction === 'loop').map((g) => [g.source, g]));

  // Label lines each gap must hold: a down arrow labels the gap under its source, an up arrow the gap above
  // its source, a flat arrow the gap under its row.
  const gapOf = (g: Group): number => {
    const ls = layer.get(g.source) as number;
    return g.direction === 'up' ? ls - 1 : ls;
  };
  const gapLines = rows.map((_, r) => Math.max(0, ...groups.filter((g) => g.direction !== 'loop' && gapOf(g) === r).map((g) => g.transitions.length)));
  const gapHeight = gapLines.map((lines, r) => Math.max(o.rowGap, lines * o.labelLineHeight + 20) + (extra[r] ?? 0));

  // Slot widths and x positions, rows centred.
  const slotWidth = (id: string): number => {
    if (id.startsWith('~')) return o.passWidth;
    const loop = loops.get(id);
    return o.nodeWidth + (loop ? o.loopReach + 6 + labelWidth(loop.transitions, o) : 0);
  };
  const rowWidths = rows.map((row) => row.reduce((sum, id) => sum + slotWidth(id), 0) + o.columnGap * Math.max(0, row.length - 1));
  const contentWidth = Math.max(0, ...rowWidths);
  const rowTop: number[] = [];
  for (let r = 0, y = o.margin; r < rows.length; r++) {
    rowTop.push(y);
    y += o.nodeHeight + gapHeight[r];
  }
  const slotX = new Map<string, number>();
  rows.forEach((row, r) => {
    let x = o.margin + (contentWidth - rowWidths[r]) / 2;
    for (const id of row) {
      slotX.set(id, x);
      x += slotWidth(id) + o.columnGap;
    }
  });
  const centreX = (id: string): number => (slotX.get(id) as number) + (id.startsWith('~') ? o.passWidth / 2 : o.nodeWidth / 2);

  const nodes: ChartNode[] = graph.nodes.map((n) => ({
    id: n.id,
    layer: layer.get(n.id) as number,
    x: slotX.get(n.id) as number,
    y: rowTop[layer.get(n.id) as number],
    width: o.nodeWidth,
    height: o.nodeHeight,
    isInitial: n.isInitial,
    isFinal: n.isFinal,
  }));
  const nodeById = new Map(nodes.map((n) => [n.id, n]));

  // Ports: each arrow end on a box's top or bottom edge, spread in the order of the other ends.
  const ends = new Map<string, { group: string; towards: number }[]>();
  const addEnd = (node: string, side: 'top' | 'bottom', group: string, towards: string) => {
    const key = `${node}:${side}`;
    ends.set(key, [...(ends.get(key) ?? []), { group, towards: centreX(towards) }]);
  };
  for (const g of groups) {
    if (g.direction === 'loop') continue;
    if (g.direction === 'flat') {
      addEnd(g.source, 'bottom', g.id, g.target);
      addEnd(g.target, 'bottom', g.id, g.source);
      continue;
    }
    addEnd(g.chain[0], 'bottom', g.id, g.chain[1]);
    addEnd(g.chain[g.chain.length - 1], 'top', g.id, g.chain[g.chain.length - 2]);
  }
  const portX = (node: string, side: 'top' | 'bottom', group: string): number => {
    const list = (ends.get(`${node}:${side}`) ?? []).map((e, i) => ({ ...e, i })).sort((a, b) => a.towards - b.towards || a.i - b.i);
    const k = list.findIndex((e) => e.group === group);
    const n = nodeById.get(node) as ChartNode;
    return n.x + (n.width * (k + 1)) / (list.length + 1);
  };

  const edges: ChartEdge[] = groups.map((g) => {
    const width = labelWidth(g.transitions, o);
    if (g.direction === 'loop') {
      const n = nodeById.get(g.source) as ChartNode;
      const right = n.x + n.width;
      const cy = n.y + n.height / 2;
      const points: [number, number][] = [
        [right, cy - 8],
        [right + o.loopReach, cy - 16],
        [right + o.loopReach, cy + 16],
        [right, cy + 8],
      ];
      return { ...edgeBase(g), points, label: { x: right + o.loopReach + 6, y: cy, anchor: 'start', width } };
    }
    if (g.direction === 'flat') {
      const s = nodeById.get(g.source) as ChartNode;
      const t = nodeById.get(g.target) as ChartNode;
      const bottom = s.y + s.height;
      const sx = portX(g.source, 'bottom', g.id);
      const tx = portX(g.target, 'bottom', g.id);
      const dip = bottom + gapHeight[s.layer] / 2;
      return { ...edgeBase(g), points: [[sx, bottom], [(sx + tx) / 2, dip], [tx, bottom]], label: { x: (sx + tx) / 2, y: dip, anchor: 'middle', width } };
    }
    const top = nodeById.get(g.chain[0]) as ChartNode;
    const bottom = nodeById.get(g.chain[g.chain.length - 1]) as ChartNode;
    const points: [number, number][] = [[portX(top.id, 'bottom', g.id), top.y + top.height]];
    for (let i = 1; i < g.chain.length - 1; i++) {
      const r = top.layer + i;
      points.push([centreX(g.chain[i]), rowTop[r]], [centreX(g.chain[i]), rowTop[r] + o.nodeHeight]);
    }
    points.push([portX(bottom.id, 'top', g.id), bottom.y]);
    if (g.direction === 'up') points.reverse();
    // The label sits mid-gap on the first segment from the source.
    const [[x0, y0], [x1, y1]] = points;
    const y = (y0 + y1) / 2;
    return { ...edgeBase(g), points, label: { x: x0 + ((x1 - x0) * (y - y0)) / (y1 - y0 || 1), y, anchor: 'middle', width } };
  });

  const { crowded, crowding } = placeLabels(edges, nodes, o);
  // The gap a crowded label sits in (or the one above the row it overlaps).
  const crowdedGaps = [...new Set(crowded.map((e) => Math.max(0, rowTop.filter((top) => top <= e.label.y).length - 1)))].sort((a, b) => a - b);

  const boxes = edges.map((e) => labelBox(e, o));
  const minX = Math.min(o.margin, ...boxes.map((b) => b.x - 4));
  const dx = Math.max(0, o.margin - minX);
  if (dx > 0) shiftAll(nodes, edges, dx);
  const right = Math.max(o.margin + contentWidth, ...edges.flatMap((e) => e.points.map(([x]) => x)), ...boxes.map((b) => b.x + dx + b.width + 4));
  const lastRow = rows.length - 1;
  const flatBelowLast = edges.some((e) => e.direction === 'flat' && nodeById.get(e.source)?.layer === lastRow);
  const height = rowTop[lastRow] + o.nodeHeight + (flatBelowLast ? gapHeight[lastRow] : 0) + o.margin;
  return { layout: { width: round(right + o.margin), height: round(height), nodes, edges }, crowdedGaps, crowding };
}

function edgeBase(g: Group): Pick<ChartEdge, 'id' | 'source' | 'target' | 'transitions' | 'direction'> {
  return { id: g.id, source: g.source, target: g.target, transitions: g.transitions, direction: g.direction };
}

type Box = { x: number; y: number; width: number; height: number };

function intersects(a: Box, b: Box, pad: number): boolean {
  return a.x - pad < b.x + b.width && b.x - pad < a.x + a.width && a.y - pad < b.y + b.height && b.y - pad < a.y + a.height;
}

function contains(box: Box, [x, y]: [number, number], pad: number): boolean {
  return x > box.x - pad && x < box.x + box.width + pad && y > box.y - pad && y < box.y + box.height + pad;
}

/**
 * Places every arrow's label where it overlaps no box, no other label and no other arrow: loops keep theirs
 * (right of their box); the others, the most lines first, try spots along their own curve, on it or just
 * beside it, nearest their first choice (mid-gap on the first segment) first. Where no spot is clear, the
 * spot that overlaps least is taken (a box or a label counts {@link HARD_HIT}, crossing an arrow 1, so a
 * crowded label at worst lies across an arrow, never on a box or a label) and the label is returned as crowded.
 */
function placeLabels(edges: ChartEdge[], nodes: readonly ChartNode[], o: ChartLayoutOptions): { crowded: ChartEdge[]; crowding: number } {
  const crowded: ChartEdge[] = [];
  let crowding = 0;
  const curves = new Map(
    edges.map((e) => {
      const samples = basisSamples(e.points, 16);
      const xs = samples.map(([x]) => x);
      const ys = samples.map(([, y]) => y);
      const bounds: Box = { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
      return [e.id, { samples, bounds }];
    }),
  );
  const placed: Box[] = edges.filter((e) => e.direction === 'loop').map((e) => labelBox(e, o));
  const order = edges
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.direction !== 'loop')
    .sort((a, b) => b.e.transitions.length - a.e.transitions.length || a.i - b.i)
    .map(({ e }) => e);
  for (const edge of order) {
    const preferred = edge.label;
    const candidates: ChartLabel[] = [{ ...preferred }];
    for (const [x, y] of curves.get(edge.id)?.samples ?? []) {
      candidates.push({ ...preferred, x, y, anchor: 'middle' });
      for (const gap of SIDE_GAPS) {
        candidates.push({ ...preferred, x: x + gap, y, anchor: 'start' });
        candidates.push({ ...preferred, x: x - gap, y, anchor: 'end' });
      }
    }
    const away = (c: ChartLabel) => Math.hypot(c.x - preferred.x, c.y - preferred.y) + (c.anchor === 'middle' ? 0 : 8);
    const ranked = candidates.map((c, i) => ({ c, i, away: i === 0 ? -1 : away(c) })).sort((a, b) => a.away - b.away || a.i - b.i);
    let best: { label: ChartLabel; hits: number } = { label: preferred, hits: Number.POSITIVE_INFINITY };
    for (const { c } of ranked) {
      const box = labelBox({ label: c, transitions: edge.transitions }, o);
      let hits = 0;
      for (const n of nodes) if (intersects(box, n, 2)) hits += HARD_HIT;
      for (const b of placed) if (intersects(box, b, 2)) hits += HARD_HIT;
      for (const [id, curve] of curves) {
        if ((id === edge.id && c.anchor === 'middle') || !intersects(box, curve.bounds, 1)) continue;
        if (curve.samples.some((p) => contains(box, p, 1))) hits++;
      }
      if (hits < best.hits) best = { label: c, hits };
      if (hits === 0) break;
    }
    if (best.hits > 0) {
      crowded.push(edge);
      crowding += best.hits;
    }
    edge.label = { ...best.label, x: round(best.label.x), y: round(best.label.y) };
    placed.push(labelBox(edge, o));
  }
  return { crowded, crowding };
}

/** How far beside its arrow a label may sit (px). */
const SIDE_GAPS = [4, 12];
/** What overlapping a box or a label costs, against 1 for lying across an arrow. */
const HARD_HIT = 100;

function shiftAll(nodes: ChartNode[], edges: ChartEdge[], dx: number): void {
  for (const n of nodes) n.x += dx;
  for (const e of edges) {
    e.points = e.points.map(([x, y]) => [x + dx, y]);
    e.label.x += dx;
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
