function seatParty(party, tables, nowMs) {
  const TIMEOUT_MS = 300000;
  // Acquire timeout: a party that has waited five minutes is told so, rather than left standing.
  if (party.waitedMs >= TIMEOUT_MS) return 'turnAway';
  // Health check, then the snuggest fit, so the big tables stay free for big parties.
  const fits = tables.filter((t) => t.state === 'free' && t.healthy && t.seats >= party.size);
  if (fits.length === 0) return 'wait';
  fits.sort((a, b) => a.seats - b.seats || a.id - b.id);
  return fits[0].id;
}
