function nextBatch(state) {
  // Leave a fifth of every limit free for the dining room, and start only what fits beneath that line.
  const ceiling = 0.8;
  let fits = state.pending;
  for (const kind of ['connection', 'memory', 'fd']) {
    const spare = state.limits[kind] * ceiling - state.usage[kind];
    fits = Math.min(fits, Math.floor(spare / state.perItem[kind]));
  }
  return fits > 0 ? fits : 0;
}
