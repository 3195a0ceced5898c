function nextBatch(state) {
  // Keep every resource under 85% of its limit, leaving room for the dinner rush.
  const target = 0.85;
  let count = state.pending;
  for (const resource of ['connection', 'memory', 'fd']) {
    const room = state.limits[resource] * target - state.usage[resource];
    count = Math.min(count, Math.floor(room / state.perItem[resource]));
  }
  return Math.max(0, count);
}
