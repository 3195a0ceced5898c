import { describe, expect, it } from 'vitest';
import { layoutCrew, layoutRail } from './staffLayout.ts';

describe('staffLayout.layoutCrew()', () => {
  it('stands a small crew in roomy places side by side', () => {
    expect(layoutCrew(3, 440)).toEqual({
      density: 'roomy',
      places: [
        { index: 0, x: 0, y: 0, width: 58, height: 84 },
        { index: 1, x: 62, y: 0, width: 58, height: 84 },
        { index: 2, x: 124, y: 0, width: 58, height: 84 },
      ],
      height: 84,
    });
  });

  it('wraps to a second row, and turns compact past two rows', () => {
    const two = layoutCrew(4, 200);
    expect([two.density, two.height, two.places.map((p) => [p.x, p.y])]).toEqual(['roomy', 172, [[0, 0], [62, 0], [124, 0], [0, 88]]]);
    expect(layoutCrew(6, 200).density).toBe('roomy');
    const compact = layoutCrew(7, 200);
    expect([compact.density, compact.height, compact.places[6]]).toEqual(['compact', 18, { index: 6, x: 132, y: 0, width: 18, height: 18 }]);
  });

  it('turns compact for a big crew', () => {
    const crew = layoutCrew(15, 440);
    expect([crew.density, crew.places[14].x, crew.height]).toEqual(['compact', 308, 18]);
  });

  it('has nothing to draw without places', () => {
    expect(layoutCrew(0, 440)).toEqual({ density: 'roomy', places: [], height: 0 });
  });
});

describe('staffLayout.layoutRail()', () => {
  it('draws one roomy slot per ticket the rail holds', () => {
    const rail = layoutRail(8, 300, 3);
    expect([rail.density, rail.height, rail.hiddenTickets]).toEqual(['roomy', 40, 0]);
    expect(rail.slots.map((s) => s.x)).toEqual([0, 29, 58, 87, 116, 145, 174, 203]);
    expect(rail.slots[0]).toEqual({ index: 0, x: 0, y: 0, width: 26, height: 40 });
  });

  it('turns a long rail into thin compact slots', () => {
    const rail = layoutRail(100, 300, 100);
    expect([rail.density, rail.slots.length, rail.height, rail.hiddenTickets]).toEqual(['compact', 100, 102, 0]);
    expect(rail.slots[30]).toEqual({ index: 30, x: 0, y: 26, width: 8, height: 24 });
  });

  it('counts the tickets it has no room to draw', () => {
    const rail = layoutRail(1_000_000, 300, 500);
    expect([rail.slots.length, rail.hiddenTickets]).toEqual([120, 380]);
  });

  it('draws an unbounded rail as long as its tickets, and no slots for a hand-over queue', () => {
    expect(layoutRail('unbounded', 300, 5).slots.map((s) => s.x)).toEqual([0, 29, 58, 87, 116]);
    expect(layoutRail('unbounded', 300, 0)).toEqual({ density: 'roomy', slots: [], height: 0, hiddenTickets: 0 });
    expect(layoutRail(0, 300, 0)).toEqual({ density: 'roomy', slots: [], height: 0, hiddenTickets: 0 });
  });
});
