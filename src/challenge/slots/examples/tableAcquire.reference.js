function seatParty(party, tables, nowMs) {
  const timeoutMs = 5 * 60 * 1000;
  // Acquire timeout: nobody waits longer than five minutes.
  if (party.waitedMs >= timeoutMs) return 'turnAway';
  // Health check, then best fit: the smallest free, healthy table that seats them.
  let best = null;
  for (const table of tables) {
    if (table.state !== 'free' || !table.healthy || table.seats < party.size) continue;
    if (best === null || table.seats < best.seats) best = table;
  }
  return best === null ? 'wait' : best.id;
}
