import { describe, expect, it } from 'vitest';
import { ingredientGraph } from '../../machines/ingredientMachine.ts';
import type { LifecycleGraph } from '../../machines/lifecycleMachine.ts';
import { staffGraph } from '../../machines/staffMachine.ts';
import { stationGraph } from '../../machines/stationMachine.ts';
import { tableGraph } from '../../machines/tableMachine.ts';
import { curveBasis, line } from 'd3';
import { lifecycleEventTerms, type Term } from '../vocabulary.ts';
import { basisSamples, chartLayers, labelBox, layoutLifecycle, type ChartLayout } from './chartLayout.ts';

function node(id: string, isInitial = false, isFinal = false) {
  return { id, description: id, tags: [], isInitial, isFinal };
}
function edge(source: string, event: string, target: string) {
  return { id: `${source}:${event}`, source, target, event, description: event, isSelfLoop: source === target };
}

/** a (initial) -> b, b -> a back, a loop on b, two ways from a to the end c (a long arrow), b -> c. */
const small: LifecycleGraph = {
  id: 'x',
  initial: 'a',
  nodes: [node('a', true), node('b'), node('c', false, true)],
  edges: [edge('a', 'x.go', 'b'), edge('b', 'x.back', 'a'), edge('b', 'x.stay', 'b'), edge('a', 'x.end', 'c'), edge('a', 'x.quit', 'c'), edge('b', 'x.stop', 'c')],
};

const charts = { table: tableGraph, staff: staffGraph, station: stationGraph, ingredient: ingredientGraph };

describe('chartLayers()', () => {
  it('puts the initial state first, each live state under the first that leads to it, and end states last', () => {
    expect(Object.fromEntries(chartLayers(tableGraph))).toEqual({ creating: 0, available: 1, occupied: 2, unhealthy: 2, cleaning: 3, retired: 4 });
    expect(Object.fromEntries(chartLayers(staffGraph))).toEqual({ starting: 0, busy: 1, idle: 2, retired: 3 });
    expect(Object.fromEntries(chartLayers(stationGraph))).toEqual({ free: 0, allocated: 1, unreachable: 2, freed: 3, reclaimed: 3, collected: 3, leaked: 3 });
    expect(Object.fromEntries(chartLayers(ingredientGraph))).toEqual({ open: 0, closed: 1, staleClosed: 1, leaked: 1 });
  });
});

describe('layoutLifecycle()', () => {
  const layout = layoutLifecycle(small, { labelCharWidth: 6 });
  const edgeById = (id: string) => layout.edges.find((e) => e.id === id);

  it('places the boxes row by row, rows centred, the gap under a row tall enough for its labels', () => {
    // Row 1 holds b (136 + a 24 px loop + 6 + its 36 px label) and the 20 px pass of the long arrow: 250 wide.
    expect(layout.nodes.map((n) => [n.id, n.layer, n.x, n.y])).toEqual([
      ['a', 0, 69, 12],
      ['b', 1, 12, 102],
      ['c', 2, 69, 188],
    ]);
    // Gap 0 holds two label lines (x.end, x.quit): 2 × 14 + 20 = 48; gap 1 the least, 44.
    expect([layout.width, layout.height]).toEqual([274, 242]);
  });

  it('merges transitions between the same states into one arrow, and routes a long arrow through a pass slot', () => {
    expect(layout.edges.map((e) => [e.id, e.direction, e.transitions.map((t) => t.event)])).toEqual([
      ['a->b', 'down', ['x.go']],
      ['b->a', 'up', ['x.back']],
      ['b->b', 'loop', ['x.stay']],
      ['a->c', 'down', ['x.end', 'x.quit']],
      ['b->c', 'down', ['x.stop']],
    ]);
    expect(edgeById('a->c')?.points).toEqual([
      [171, 54],
      [252, 102],
      [252, 144],
      [expect.closeTo(159.667, 3), 188],
    ]);
  });

  it('spreads arrow ends along a box edge in the order of their other ends, and draws an arrow back upwards', () => {
    // a's bottom edge (69..205) has three ends: to b, from b, to the pass slot at x 252.
    expect(edgeById('a->b')?.points[0]).toEqual([103, 54]);
    expect(edgeById('b->a')?.points.at(-1)).toEqual([137, 54]);
    expect(edgeById('b->a')?.points[0]).toEqual([expect.closeTo(102.667, 3), 102]);
  });

  it('draws a loop right of its box with its label after it', () => {
    expect(edgeById('b->b')?.points).toEqual([
      [148, 115],
      [172, 107],
      [172, 139],
      [148, 131],
    ]);
    expect(edgeById('b->b')?.label).toEqual({ x: 178, y: 123, anchor: 'start', width: 36 });
  });

  it('labels an arrow mid-gap on its first segment when that spot is clear of boxes, labels and arrows', () => {
    expect(layout.edges.map((e) => [e.id, e.label])).toEqual([
      ['a->b', { x: 80.17, y: 78, anchor: 'middle', width: 24 }],
      ['b->a', { x: 119.83, y: 78, anchor: 'middle', width: 36 }],
      ['b->b', { x: 178, y: 123, anchor: 'start', width: 36 }],
      ['a->c', { x: 211.5, y: 78, anchor: 'middle', width: 36 }],
      ['b->c', { x: 97.17, y: 166, anchor: 'middle', width: 36 }],
    ]);
  });

  it('draws the words it is given for each event, and sizes the label by them', () => {
    const worded = layoutLifecycle(small, { labelCharWidth: 6 }, (event) => (event === 'x.go' ? 'goes on to b' : event));
    const ab = worded.edges.find((e) => e.id === 'a->b');
    expect(ab?.transitions).toEqual([{ id: 'a:x.go', event: 'x.go', description: 'x.go', label: 'goes on to b' }]);
    expect(ab?.label.width).toBe(72);
    expect(layout.edges.find((e) => e.id === 'a->b')?.transitions[0].label).toBe('x.go');
  });

  it('is deterministic', () => {
    expect(layoutLifecycle(small, { labelCharWidth: 6 })).toEqual(layout);
  });
});

describe('basisSamples()', () => {
  it('follows the curve d3 draws: its Bézier pieces end where d3’s do', () => {
    const points: [number, number][] = [
      [0, 0],
      [60, 30],
      [60, 90],
      [0, 120],
    ];
    const path = line().curve(curveBasis)(points) ?? '';
    const ends = [...path.matchAll(/C[^C]*?,([-\d.e]+),([-\d.e]+)(?=C|L|$)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const samples = basisSamples(points, 4);
    // After the start and the first line: one piece per point after the second, plus the closing piece.
    expect(samples.length).toBe(2 + 3 * 4 + 1);
    const pieceEnds = [samples[5], samples[9], samples[13]];
    expect(ends.length).toBe(3);
    pieceEnds.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(ends[i][0], 6);
      expect(y).toBeCloseTo(ends[i][1], 6);
    });
    expect(samples[0]).toEqual([0, 0]);
    expect(samples[1]).toEqual([10, 5]);
    expect(samples.at(-1)).toEqual([0, 120]);
  });

  it('is points evenly along the straight line d3 draws between two points', () => {
    expect(basisSamples([[0, 2], [8, 10]], 4)).toEqual([[0, 2], [2, 4], [4, 6], [6, 8], [8, 10]]);
  });
});

describe('layoutLifecycle() on the four lifecycles', () => {
  function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  }
  function onBoxEdge(layout: ChartLayout, id: string, [x, y]: [number, number]): boolean {
    const n = layout.nodes.find((m) => m.id === id);
    if (!n) return false;
    const inside = x >= n.x - 0.01 && x <= n.x + n.width + 0.01 && y >= n.y - 0.01 && y <= n.y + n.height + 0.01;
    const onEdge = Math.abs(y - n.y) < 0.01 || Math.abs(y - n.y - n.height) < 0.01 || Math.abs(x - n.x - n.width) < 0.01;
    return inside && onEdge;
  }

  for (const [name, graph] of Object.entries(charts)) {
    it(`${name}: every state placed once, no boxes overlapping, every transition on an arrow from box to box`, () => {
      const layout = layoutLifecycle(graph);
      expect(layout.nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id));
      for (let i = 0; i < layout.nodes.length; i++) {
        for (let j = i + 1; j < layout.nodes.length; j++) expect(overlaps(layout.nodes[i], layout.nodes[j])).toBe(false);
      }
      expect(layout.edges.flatMap((e) => e.transitions.map((t) => t.id)).sort()).toEqual(graph.edges.map((e) => e.id).sort());
      for (const e of layout.edges) {
        expect(onBoxEdge(layout, e.source, e.points[0]), `${e.id} starts on ${e.source}`).toBe(true);
        expect(onBoxEdge(layout, e.target, e.points.at(-1) as [number, number]), `${e.id} ends on ${e.target}`).toBe(true);
      }
      for (const n of layout.nodes) {
        expect(n.x).toBeGreaterThanOrEqual(0);
        expect(n.x + n.width).toBeLessThanOrEqual(layout.width);
        expect(n.y + n.height).toBeLessThanOrEqual(layout.height);
      }
    });

  }

  const EVENT_TERMS: Readonly<Record<string, Term>> = lifecycleEventTerms;
  const wordings: Record<string, (event: string) => string> = {
    'event names': (event) => event,
    'restaurant words': (event) => EVENT_TERMS[event].label,
    'systems words': (event) => EVENT_TERMS[event].real,
  };
  /** Label pairs and label-box pairs that overlap, and labels lying across another arrow, in every chart. */
  function overlapsOf(layout: ChartLayout) {
    const boxes = layout.edges.map((e) => ({ id: e.id, box: labelBox(e) }));
    const labels: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) if (overlaps(boxes[i].box, boxes[j].box)) labels.push(`${boxes[i].id} / ${boxes[j].id}`);
      for (const n of layout.nodes) if (overlaps(boxes[i].box, n)) labels.push(`${boxes[i].id} / box ${n.id}`);
    }
    const across: string[] = [];
    for (const { id, box } of boxes) {
      for (const other of layout.edges) {
        if (other.id === id) continue;
        const inside = basisSamples(other.points, 16).some(([x, y]) => x > box.x && x < box.x + box.width && y > box.y && y < box.y + box.height);
        if (inside) across.push(`${id} across ${other.id}`);
      }
    }
    return { labels, across };
  }

  for (const [name, graph] of Object.entries(charts)) {
    for (const [wording, labelOf] of Object.entries(wordings)) {
      it(`${name}, ${wording}: no label overlaps another label or a box, at any box width the dialog uses`, () => {
        for (const nodeWidth of [120, 136, 160, 190]) {
          expect(overlapsOf(layoutLifecycle(graph, { nodeWidth }, labelOf)).labels, `box width ${nodeWidth}`).toEqual([]);
        }
      });
    }
  }

  it('a label lies across another arrow only where no spot along its own is clear (two, in restaurant words)', () => {
    const across = Object.fromEntries(Object.entries(charts).map(([name, graph]) => [name, overlapsOf(layoutLifecycle(graph, { nodeWidth: 150 }, wordings['restaurant words'])).across]));
    expect(across).toEqual({
      table: [],
      staff: ['busy->idle across busy->retired'],
      station: ['unreachable->leaked across allocated->reclaimed'],
      ingredient: [],
    });
  });

  it('table: the busy rows come out as drawn in the dialog', () => {
    const layout = layoutLifecycle(tableGraph);
    expect(layout.nodes.map((n) => [n.id, n.layer])).toEqual([
      ['creating', 0],
      ['available', 1],
      ['occupied', 2],
      ['cleaning', 3],
      ['unhealthy', 2],
      ['retired', 4],
    ]);
    expect(layout.edges.find((e) => e.id === 'available->retired')?.transitions.map((t) => t.event)).toEqual([
      'table.expireIdle',
      'table.expireLifetime',
      'table.lowerLimit',
    ]);
    expect(layout.edges.find((e) => e.id === 'cleaning->available')?.direction).toBe('up');
  });
});
