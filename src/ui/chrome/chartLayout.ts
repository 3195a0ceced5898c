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
 *    Labels in the same gap are pushed apart so they never overlap.
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
}

/** Where an arrow's label goes: the centre of its block of lines (`middle`) or its left edge (`start`). */
export interface ChartLabel {
  x: number;
  y: number;
  anchor: 'middle' | 'start';
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
  return Math.max(0, ...transitions.map((t) => textWidth(t.event, o)));
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

function groupsOf(graph: LifecycleGraph, layer: Map<string, number>): Group[] {
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
    g.transitions.push({ id: e.id, event: e.event, description: e.description });
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

/** Lays out `graph` (see the module comment). */
export function layoutLifecycle(graph: LifecycleGraph, options: Partial<ChartLayoutOptions> = {}): ChartLayout {
  const o: ChartLayoutOptions = { ...DEFAULT_CHART_OPTIONS, ...options };
  const layer = chartLayers(graph);
  const groups = groupsOf(graph, layer);
  const rows = orderRows(graph, layer, groups);
  const loops = new Map(groups.filter((g) => g.direction === 'loop').map((g) => [g.source, g]));

  // Label lines each gap must hold: a down arrow labels the gap under its source, an up arrow the gap above
  // its source, a flat arrow the gap under its row.
  const gapOf = (g: Group): number => {
    const ls = layer.get(g.source) as number;
    return g.direction === 'up' ? ls - 1 : ls;
  };
  const gapLines = rows.map((_, r) => Math.max(0, ...groups.filter((g) => g.direction !== 'loop' && gapOf(g) === r).map((g) => g.transitions.length)));
  const gapHeight = gapLines.map((lines) => Math.max(o.rowGap, lines * o.labelLineHeight + 20));

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

  separateLabels(edges, o);

  const extents = edges.flatMap((e) => [
    ...e.points.map(([x]) => x),
    e.label.anchor === 'start' ? e.label.x + e.label.width : e.label.x + e.label.width / 2 + 4,
  ]);
  const minX = Math.min(o.margin, ...edges.map((e) => (e.label.anchor === 'start' ? e.label.x : e.label.x - e.label.width / 2 - 4)));
  if (minX < o.margin) shiftAll(nodes, edges, o.margin - minX);
  const right = Math.max(o.margin + contentWidth, ...extents.map((x) => x + Math.max(0, o.margin - minX)));
  const lastRow = rows.length - 1;
  const flatBelowLast = edges.some((e) => e.direction === 'flat' && nodeById.get(e.source)?.layer === lastRow);
  const height = rowTop[lastRow] + o.nodeHeight + (flatBelowLast ? gapHeight[lastRow] : 0) + o.margin;
  return { width: round(right + o.margin), height: round(height), nodes, edges };
}

function edgeBase(g: Group): Pick<ChartEdge, 'id' | 'source' | 'target' | 'transitions' | 'direction'> {
  return { id: g.id, source: g.source, target: g.target, transitions: g.transitions, direction: g.direction };
}

/** Pushes labels of the same gap apart, left to right, so their estimated boxes do not overlap. */
function separateLabels(edges: ChartEdge[], o: ChartLayoutOptions): void {
  const centred = edges.filter((e) => e.label.anchor === 'middle');
  const byRow = new Map<number, ChartEdge[]>();
  for (const e of centred) byRow.set(e.label.y, [...(byRow.get(e.label.y) ?? []), e]);
  for (const row of byRow.values()) {
    row.sort((a, b) => a.label.x - b.label.x);
    for (let i = 1; i < row.length; i++) {
      const prev = row[i - 1].label;
      const cur = row[i].label;
      const least = prev.x + prev.width / 2 + cur.width / 2 + o.labelCharWidth * 2;
      if (cur.x < least) cur.x = least;
    }
  }
}

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
