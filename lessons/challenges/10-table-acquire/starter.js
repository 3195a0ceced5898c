function seatParty(party, tables, nowMs) {
  // Any free table with enough seats will do; with none free, the party keeps waiting.
  const table = tables.find((t) => t.state === 'free' && t.seats >= party.size);
  return table ? table.id : 'wait';
}
