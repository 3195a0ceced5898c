function nextBatch(state) {
  // Start as much of the prep list as possible, as soon as possible.
  return state.pending;
}
