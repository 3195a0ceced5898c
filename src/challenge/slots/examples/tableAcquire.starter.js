function seatParty(party, tables, nowMs) {
  // Seat the party at the first free table that is big enough; otherwise they wait.
  for (const table of tables) {
    if (table.state === 'free' && table.seats >= party.size) return table.id;
  }
  return 'wait';
}
